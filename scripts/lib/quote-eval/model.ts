/**
 * The quote extractor as the evaluation sees it: a model whose parameters are fitted on
 * training articles and an extractor built from them.
 */
import { extractQuotesWithRules } from '../../../src/extract/quotes/extract.js';
import type { QuoteOptions } from '../../../src/extract/quotes/options.js';
import type { QuoteModel } from './evaluate.js';

export function quoteModel(options: QuoteOptions = {}): QuoteModel<QuoteOptions> {
  return {
    fit: () => options,
    extractor: (params) => (body) => extractQuotesWithRules(body, params),
  };
}
