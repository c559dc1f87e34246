/**
 * Where a speaker phrase starts and ends in word tokens: its plausible first word, the run of
 * words after a cue, a name cut off at a length limit, an appositive ("Ann Lee, a lawyer for the
 * group,") and a name after a description ("her adviser, Bo Chen, said").
 */
import { nth } from '../text/nth.js';

import { SPEAKER_ROLES } from '../text/roles.js';
import { endsSentence, isCapitalized, type WordToken } from '../text/word-tokens.js';
import { CUE_WORDS, isAux, isCueAt } from './cues.js';
import { opensQuote } from './marks.js';
import { on } from './options.js';
import { ADJUNCT_OPENERS, DETERMINERS, NOMINAL_LINKS, PHRASE_ENDERS, PRONOUNS } from './words.js';

/** A plausible head of a speaker phrase: a name, a pronoun, "the senator", "one aide". */
export function startsSpeaker(t: WordToken): boolean {
  return (
    isCapitalized(t) ||
    PRONOUNS.has(t.lower) ||
    DETERMINERS.has(t.lower) ||
    SPEAKER_ROLES.has(t.lower) ||
    /^\d/.test(t.text)
  );
}

/** The end of a speaker phrase that starts at toks[i]: stops at punctuation or a phrase ender. */
export function speakerRun(toks: WordToken[], i: number, limit: number): number {
  let j = i;
  while (j < toks.length && j - i < limit) {
    const t = nth(toks, j);
    if (j > i && (PHRASE_ENDERS.has(t.lower) || opensQuote(t))) break;
    j++;
    if (t.post) break;
  }
  return finishName(toks, j);
}

/** A phrase cut at its length limit still takes the rest of a name it stopped inside. */
export function finishName(toks: WordToken[], j: number): number {
  let e = j;
  while (e > 0 && e < toks.length && e - j < 6) {
    const prev = nth(toks, e - 1);
    const t = nth(toks, e);
    if (prev.post || !isCapitalized(prev) || !isCapitalized(t) || opensQuote(t) || isCueAt(toks, e)) break;
    e++;
  }
  return e;
}

/** Extends "Smith, a lawyer for the group," over the appositive when there is one. */
export function withAppositive(toks: WordToken[], end: number, limit: number): number {
  const last = toks[end - 1];
  const next = toks[end];
  // "(D-S.C.)," closes a party tag, and the appositive can follow it.
  if (!last || !next || !last.post.endsWith(',') || opensQuote(next)) return end;
  const opensApposition =
    DETERMINERS.has(next.lower) ||
    ['who', 'whose', 'of'].includes(next.lower) ||
    /^\d/.test(next.text) ||
    SPEAKER_ROLES.has(next.lower) ||
    (isCapitalized(next) && !/ing$/.test(next.lower)) ||
    isBareRole(toks, end);
  if (!opensApposition || (/(ing|ed)$/.test(next.lower) && !SPEAKER_ROLES.has(next.lower))) return end;
  let j = end;
  while (j < toks.length && j - end < limit) {
    const t = nth(toks, j);
    if (opensQuote(t)) break;
    if (j > end && isCueAt(toks, j)) break;
    j++;
    if (endsSentence(t) || /[;:]/.test(t.post)) break;
    if (t.post === ',' && (/(ing|ed)$/.test(toks[j]?.lower ?? '') || isCueAt(toks, j))) break;
    // `said Ann Lee, a lawyer, on Thursday` / `, in an interview`: after a comma, a time or a
    // prepositional phrase belongs to the verb, not to the speaker.
    if (
      on('speaker-adjuncts') &&
      t.post.endsWith(',') &&
      j - 1 > end &&
      ADJUNCT_OPENERS.has(toks[j]?.lower ?? '')
    )
      break;
  }
  return finishName(toks, j);
}

/** "director of the institute", "then ambassador to Israel": a role with no article before it. */
function isBareRole(toks: WordToken[], i: number): boolean {
  for (let j = i; j < toks.length && j - i < 5; j++) {
    const t = nth(toks, j);
    if (!/^[a-z][a-z-]*$/.test(t.text) || isCueAt(toks, j) || /(ing|ly)$/.test(t.lower)) return false;
    if (j > i && ['of', 'for', 'at', 'to', 'with'].includes(t.lower)) return true;
    if ((PHRASE_ENDERS.has(t.lower) && !['then', 'now'].includes(t.lower)) || t.post) return false;
  }
  return false;
}

/** The body offsets of tokens [from, to). */
export function span(toks: WordToken[], from: number, to: number): [number, number] {
  return [nth(toks, from).start, nth(toks, to - 1).end];
}

/** Words that can sit inside a speaker phrase ("the Vermont senator", "Sen. Ann Lee of Ohio"). */
export function looksNominal(t: WordToken): boolean {
  return (
    isCapitalized(t) ||
    PRONOUNS.has(t.lower) ||
    DETERMINERS.has(t.lower) ||
    SPEAKER_ROLES.has(t.lower) ||
    NOMINAL_LINKS.has(t.lower) ||
    /^\d/.test(t.text) ||
    (/^[a-z]+(?:-[a-z]+)*$/.test(t.text) && !CUE_WORDS.has(t.lower) && !/(ed|ly)$/.test(t.lower))
  );
}

/** `her senior adviser, Bo Chen, said`: the name after a description belongs to it. */
export function withNameApposition(toks: WordToken[], e: number, limit: number): number {
  if (toks[e - 1]?.post !== ',') return e;
  let j = e;
  while (j < limit && j - e < 4 && isCapitalized(nth(toks, j)) && !nth(toks, j).post) j++;
  const last = toks[j];
  if (j >= limit || !last || !isCapitalized(last) || last.post !== ',' || j + 1 > limit) return e;
  const next = toks[j + 1];
  return next && (isCueAt(toks, j + 1) || isAux(next)) ? j + 1 : e;
}

/** The end of body[a, b) without trailing spaces, commas, semicolons and colons. */
export function trimPunct(body: string, a: number, b: number): number {
  let e = b;
  while (e > a && /[\s,;:]/.test(body[e - 1]!)) e--;
  return e;
}
