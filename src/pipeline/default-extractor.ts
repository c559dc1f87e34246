/** The extractor the build uses by default: quotes and entities from the article body. */
import { extractQuotes } from '../extract/quotes.js';
import type { Extractor } from './extraction.js';

export const defaultExtractor: Extractor = (article) => ({
  quotes: extractQuotes(article.body),
  entities: [],
});
