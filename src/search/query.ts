/**
 * The query language of the search box:
 *   words            match all words (falling back to any word when that finds too little)
 *   "exact phrase"   the words in this order, verified against the text
 *   -word, -"phrase" exclude documents that contain it
 * The last bare word is a prefix while the user is still typing (no trailing space).
 * Unbalanced quotes close at the end of the query; operators without a word are ignored.
 */
import { processTerm, tokenize } from '../index/options.js';

export interface ParsedQuery {
  /** Processed (lower-cased, folded) words that must match, in order of appearance. */
  terms: string[];
  /** Each phrase as its processed words. Phrase words are also required terms. */
  phrases: string[][];
  excludedTerms: string[];
  excludedPhrases: string[][];
  /** True when the last term is still being typed and should match as a prefix. */
  lastIsPrefix: boolean;
}

export function words(text: string): string[] {
  return tokenize(text)
    .map((t) => processTerm(t))
    .filter((t): t is string => t !== null && t !== '');
}

export function parseQuery(q: string): ParsedQuery {
  const parsed: ParsedQuery = {
    terms: [],
    phrases: [],
    excludedTerms: [],
    excludedPhrases: [],
    lastIsPrefix: false,
  };
  // A phrase, a bare word (may carry a leading "-"), in that order of preference.
  const token = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g;
  let lastBare = false;
  for (let m = token.exec(q); m !== null; m = token.exec(q)) {
    if (m[2] !== undefined) {
      const phrase = words(m[2]);
      lastBare = false;
      if (phrase.length === 0) continue;
      if (m[1]) parsed.excludedPhrases.push(phrase);
      else if (phrase.length === 1) parsed.terms.push(phrase[0]!);
      else {
        parsed.phrases.push(phrase);
        parsed.terms.push(...phrase);
      }
    } else {
      const ws = words(m[4] ?? '');
      lastBare = !m[3] && ws.length > 0;
      if (m[3]) {
        if (ws.length === 1) parsed.excludedTerms.push(ws[0]!);
        else if (ws.length > 1) parsed.excludedPhrases.push(ws);
      } else {
        // "long-range" or "U.S." is one word to the reader: its parts must stay adjacent.
        if (ws.length > 1) parsed.phrases.push(ws);
        parsed.terms.push(...ws);
      }
    }
  }
  parsed.lastIsPrefix = lastBare && !/\s$/.test(q);
  return parsed;
}

export function isEmptyQuery(p: ParsedQuery): boolean {
  return p.terms.length === 0;
}
