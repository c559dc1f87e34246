/**
 * Who the reporter last said spoke, in the prose between quotations: `…, said Tom Reyes.`
 * or `Reyes told the panel that…`. A later `"…," he said` points back to that person
 * rather than to the speaker of an earlier quotation.
 */
import { nth } from '../text/nth.js';

import { NAME_TITLES, SPEAKER_ROLES } from '../text/roles.js';
import { endsSentence, isCapitalized, tokenizeWords, type WordToken } from '../text/word-tokens.js';
import { isCueAt } from './cues.js';
import { CLAUSE_OPENERS, DETERMINERS, PRONOUNS } from './words.js';

const MAX_NAME_WORDS = 5;
const NOT_NAMES: ReadonlySet<string> = new Set([
  ...CLAUSE_OPENERS,
  ...DETERMINERS,
  ...PRONOUNS,
  'most',
  'all',
  'few',
  'no',
]);

/** Body offsets of the last person the reporter's prose in body[from, to) says spoke, or null. */
export function lastNamedSpeaker(body: string, from: number, to: number): [number, number] | null {
  // Paragraph by paragraph from the end: the nearest mention is usually close.
  for (let end = to; end > from; ) {
    const brk = body.lastIndexOf('\n\n', end - 1);
    const start = brk < from ? from : brk + 2;
    const found = lastInSpan(body, start, end);
    if (found) return found;
    end = Math.max(brk, from);
  }
  return null;
}

function lastInSpan(body: string, from: number, to: number): [number, number] | null {
  if (to <= from) return null;
  const toks = tokenizeWords(body, from, to);
  for (let k = toks.length - 1; k >= 0; k--) {
    // "United States", "the Washington Post": capitalized cue forms are names.
    if (nth(toks, k).text !== nth(toks, k).lower || !isCueAt(toks, k)) continue;
    const before = nameEndingAt(toks, k);
    if (before) return before;
    const prev = toks[k - 1];
    // "said Reyes" names the speaker only where the cue opens its clause.
    if (!prev || /[,.;:!?]['"”’)]*$/.test(prev.post) || endsSentence(prev)) {
      const after = nameStartingAt(toks, k + 1);
      if (after) return after;
    }
  }
  return null;
}

function isNameWord(t: WordToken): boolean {
  return isCapitalized(t) && !PRONOUNS.has(t.lower) && !/^[A-Z]{2,}$/.test(t.text) && !/[’']s$/.test(t.text);
}

/** The name right before the cue: "Reyes said", "Mr. Reyes told". */
function nameEndingAt(toks: WordToken[], k: number): [number, number] | null {
  const prev = toks[k - 1];
  if (!prev || prev.post || !isNameWord(prev)) return null;
  let s = k - 1;
  for (;;) {
    while (s > 0 && k - s < MAX_NAME_WORDS && !nth(toks, s - 1).post && isNameWord(nth(toks, s - 1))) s--;
    // "Ann Lee of Ohio said": the name is before the place.
    if (s < 2 || nth(toks, s - 1).lower !== 'of' || nth(toks, s - 2).post || !isNameWord(nth(toks, s - 2)))
      break;
    s -= 2;
  }
  // A capitalized word opening the sentence is often no name: "But Reyes said", "Officials said".
  if (s === 0 || endsSentence(nth(toks, s - 1))) {
    while (s < k && NOT_NAMES.has(nth(toks, s).lower)) s++;
    if (s === k || (s === k - 1 && !NAME_TITLES.has(prev.lower) && /s$/.test(prev.lower))) return null;
  }
  return [nth(toks, s).start, nth(toks, k - 1).end];
}

/** The name right after the cue: "said Tom Reyes", "said plumber Tom Reyes". */
function nameStartingAt(toks: WordToken[], from: number): [number, number] | null {
  let i = from;
  while (
    i < toks.length &&
    i - from < 3 &&
    !nth(toks, i).post &&
    nth(toks, i).text === nth(toks, i).lower &&
    (SPEAKER_ROLES.has(nth(toks, i).lower) ||
      DETERMINERS.has(nth(toks, i).lower) ||
      (/^[a-z]+$/.test(nth(toks, i).text) && toks[i + 1] && isNameWord(nth(toks, i + 1))))
  )
    i++;
  let e = i;
  while (e < toks.length && e - i < MAX_NAME_WORDS && isNameWord(nth(toks, e))) {
    e++;
    if (nth(toks, e - 1).post) break;
  }
  return e > i ? [nth(toks, i).start, nth(toks, e - 1).end] : null;
}
