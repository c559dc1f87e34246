/**
 * The quote extractor as the evaluation sees it: a model whose parameters are fitted on
 * training articles and an extractor built from them. The fitted parameters are the speaker
 * scorer's weights (src/extract/quotes/speaker-choice.ts). By default they are estimated as the
 * build estimates them, from the training articles' text alone (archive-weights.ts: names that
 * refer back answer the choice a pronoun would pose); with fitWeights, a small grid is searched
 * for the weights that attribute most training quotes to their annotated speaker instead.
 */
import { estimateSpeakerWeights } from '../../../src/extract/quotes/archive-weights.js';
import { extractQuotesWithRules } from '../../../src/extract/quotes/extract.js';
import { type QuoteOptions, withOptions } from '../../../src/extract/quotes/options.js';
import { bestOnGrid, type SpeakerWeights } from '../../../src/extract/quotes/speaker-choice.js';
import { evaluateArticles, type QuoteModel } from './evaluate.js';
import type { ArticleRecord, GoldQuote } from './score.js';

export function quoteModel(options: QuoteOptions = {}, fitWeights = false): QuoteModel<QuoteOptions> {
  return {
    fit: (articles, gold) => ({
      ...options,
      weights: fitWeights
        ? bestWeights(articles, gold, options)
        : // With the model's mechanisms switched off, as its extraction will run.
          withOptions({ ...(options.off ? { off: options.off } : {}) }, () =>
            estimateSpeakerWeights(articles.map((a) => a.body)),
          ).weights,
    }),
    extractor: (params) => (body) => extractQuotesWithRules(body, params),
  };
}

/** The grid point with the most right speakers on the articles; the defaults win ties. */
export function bestWeights(
  articles: ArticleRecord[],
  gold: GoldQuote[],
  options: QuoteOptions,
): SpeakerWeights {
  return bestOnGrid(
    (weights) =>
      evaluateArticles(articles, gold, (body) => extractQuotesWithRules(body, { ...options, weights })).counts
        .speakerCorrect,
  ).weights;
}
