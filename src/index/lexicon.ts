/**
 * The lexicon: every indexed word of the articles with its document frequency, sorted by word,
 * written at build time so that suggestions and "did you mean" need no walk of the index at
 * query time. Stop words and one- or two-letter words are left out: nobody needs them suggested.
 */
import { eng as STOP_WORDS } from 'stopword';
import type { Corpus } from '../model/corpus.js';
import { processTerm, tokenize } from './options.js';

/** [word, document frequency], sorted by word. */
export type Lexicon = Array<[string, number]>;

const MAX_TERMS = 60_000;
const stop = new Set(STOP_WORDS);

export function buildLexicon(corpus: Corpus): Lexicon {
  const df = new Map<string, number>();
  for (const a of corpus.articles) {
    const seen = new Set<string>();
    for (const token of tokenize(`${a.title}\n${a.subtitle ?? ''}\n${a.body}`)) {
      const term = processTerm(token);
      if (!term || term.length < 3 || stop.has(term) || /^\d+$/.test(term)) continue;
      seen.add(term);
    }
    for (const term of seen) df.set(term, (df.get(term) ?? 0) + 1);
  }
  let entries = [...df.entries()];
  if (entries.length > MAX_TERMS) entries = entries.sort((a, b) => b[1] - a[1]).slice(0, MAX_TERMS);
  return entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
