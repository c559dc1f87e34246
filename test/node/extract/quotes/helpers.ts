import { expect } from 'vitest';
import { extractQuotes } from '../../../../src/extract/quotes/extract.js';
import type { ExtractedQuote } from '../../../../src/model/documents.js';

/** The one quote extracted from body. */
export function only(body: string): ExtractedQuote {
  const quotes = extractQuotes(body);
  expect(quotes).toHaveLength(1);
  return quotes[0]!;
}

export function expectExactOffsets(body: string, quotes: ExtractedQuote[]): void {
  for (const q of quotes) expect(body.slice(q.start, q.end)).toBe(q.text);
}
