/**
 * The extractor the build uses by default: quotes and entities from the article body.
 * compromise's part-of-speech tagger is off: it costs ~6x the time (180 ms an article) for
 * about 2 points of entity F1 (see docs/extraction.md › Extraction quality).
 */
import { extractEntities } from '../extract/entities/extract.js';
import { extractQuotes } from '../extract/quotes/extract.js';
import type { Extractor } from './extraction.js';

export const defaultExtractor: Extractor = (article, context) => ({
  quotes: extractQuotes(article.body, context?.speakerWeights),
  entities: extractEntities(article.body, {
    title: article.title,
    tagger: false,
    ...(article.dateline ? { dateline: article.dateline } : {}),
  }),
});
