/**
 * The subject of the clause before a cue, as the speaker: with its appositive (`Ann Lee, the
 * party's nominee, said`), the phrase back to the last comma (`…, Lee said`), or the clause's
 * opening noun phrase (`Band member Bo Chen`, `He`), past a headline or a leading adverbial.
 */
import { nth } from '../text/nth.js';

import { SPEAKER_ROLES } from '../text/roles.js';
import { isCapitalized, type WordToken } from '../text/word-tokens.js';
import { MAX_SPEAKER_WORDS } from './attribution.js';
import { isAux, isCueAt } from './cues.js';
import { finishName, looksNominal, startsSpeaker, withNameApposition } from './speaker-phrase.js';
import { CLAUSE_OPENERS, DETERMINERS, NOT_SUBJECT_START, OTHER_VERBS, PRONOUNS } from './words.js';

/** "Ann Lee, the 2012 nominee, said:" keeps its appositive, as written. */
export function appositiveSubject(
  toks: WordToken[],
  k: number,
): { speakerStart: number; speakerEnd: number } | null {
  let e = k;
  while (e > 0 && isAux(nth(toks, e - 1)) && !nth(toks, e - 1).post) e--;
  if (e === 0 || nth(toks, e - 1).post !== ',') return null;
  // Walk back over comma-separated chunks to the one that starts the clause.
  let s = e - 1;
  let chunks = 0;
  while (s > 0 && e - s < 30) {
    if (
      (nth(toks, s - 1).post && /[.;:!?]/.test(nth(toks, s - 1).post)) ||
      /^[-\u2013\u2014]*$/.test(nth(toks, s - 1).text)
    )
      break;
    if (nth(toks, s - 1).post === ',') chunks++;
    s--;
  }
  let start = s;
  // Skip a leading adverbial chunk ("In a statement, Bo Chen, …").
  for (let j = s; j < e - 1 && chunks > 0; j++) {
    if (nth(toks, j).post !== ',') continue;
    if (!NOT_SUBJECT_START.has(nth(toks, start).lower) && !CLAUSE_OPENERS.has(nth(toks, start).lower)) break;
    start = j + 1;
  }
  const first = toks[start];
  if (
    !first ||
    NOT_SUBJECT_START.has(first.lower) ||
    CLAUSE_OPENERS.has(first.lower) ||
    !isCapitalized(first) ||
    PRONOUNS.has(first.lower)
  )
    return null;
  if (
    start >= e - 1 ||
    (nth(toks, start).post === '' &&
      toks.slice(start, e).findIndex((t) => t.post === ',') > MAX_SPEAKER_WORDS)
  )
    return null;
  if (toks.slice(start, e).some((_t, j) => j > 0 && isCueAt(toks, start + j))) return null;
  return { speakerStart: first.start, speakerEnd: nth(toks, subjectEnd(toks, start, e) - 1).end };
}

/**
 * Where the subject ends in `Lee returned the compliment, telling reporters` or
 * `Chen, speaking in Ohio, said`: at the verb of the clause before the participle cue,
 * and before a participial phrase, which describes what the speaker did rather than who they are.
 */
function subjectEnd(toks: WordToken[], start: number, e: number): number {
  let firstChunk = true;
  for (let j = start + 1; j < e; j++) {
    const t = nth(toks, j);
    const opensChunk = nth(toks, j - 1).post === ',';
    if (opensChunk) firstChunk = false;
    if (firstChunk && !looksNominal(t)) return j;
    if (opensChunk && /(ing|ed|ly)$/.test(t.lower) && !SPEAKER_ROLES.has(t.lower)) return j;
  }
  return e;
}

/** The phrase right before the cue, back to the last comma: "…, Lee said". */
export function nearSubject(
  toks: WordToken[],
  k: number,
): { speakerStart: number; speakerEnd: number } | null {
  let e = k;
  while (e > 0 && isAux(nth(toks, e - 1)) && !nth(toks, e - 1).post) e--;
  let s = e;
  while (
    s > 0 &&
    !nth(toks, s - 1).post &&
    !nth(toks, s - 1).pre.includes('“') &&
    e - s < MAX_SPEAKER_WORDS + 1
  )
    s--;
  if (s > 0 && !nth(toks, s - 1).post) return null;
  while (s < e && CLAUSE_OPENERS.has(nth(toks, s).lower)) s++;
  if (
    s >= e ||
    e - s > MAX_SPEAKER_WORDS ||
    !startsSpeaker(nth(toks, s)) ||
    NOT_SUBJECT_START.has(nth(toks, s).lower)
  )
    return null;
  if (toks.slice(s, e).some((t) => !looksNominal(t))) return null;
  return { speakerStart: nth(toks, s).start, speakerEnd: nth(toks, e - 1).end };
}

/** The subject at the start of the clause: "Band member Bo Chen", "An early tweet", "He". */
export function sentenceSubject(
  toks: WordToken[],
  limit: number,
): { speakerStart: number; speakerEnd: number } | null {
  let s = subjectStart(toks, limit);
  while (s < limit && CLAUSE_OPENERS.has(nth(toks, s).lower)) s++;
  const first = toks[s];
  if (!first || s >= limit) return null;
  if (PRONOUNS.has(first.lower)) return { speakerStart: first.start, speakerEnd: first.end };
  if (!startsSpeaker(first)) return null;
  let e = s;
  while (e < limit && e - s < MAX_SPEAKER_WORDS) {
    const t = nth(toks, e);
    if (e > s && (isCueAt(toks, e) || isAux(t) || OTHER_VERBS.has(t.lower))) break;
    if (!looksNominal(t)) break;
    e++;
    if (t.post) break;
  }
  if (e === s) return null;
  const words = toks.slice(s, e);
  if (words.length === 1 && DETERMINERS.has(first.lower)) return null;
  return {
    speakerStart: first.start,
    speakerEnd: nth(toks, withNameApposition(toks, Math.min(limit, finishName(toks, e)), limit) - 1).end,
  };
}

/**
 * Where the subject starts: a headline or dateline before a dash (`POLLS TIGHTEN - Ann Lee:`) and
 * a leading adverbial (`On Tuesday,`) are not the subject.
 */
function subjectStart(toks: WordToken[], limit: number): number {
  let s = 0;
  for (let j = 0; j < limit - 1; j++) {
    if (/^[-\u2013\u2014]*$/.test(nth(toks, j).text) && startsSpeaker(nth(toks, j + 1))) s = j + 1;
  }
  const t = toks[s];
  if (!t || !(NOT_SUBJECT_START.has(t.lower) || CLAUSE_OPENERS.has(t.lower) || /ing$/.test(t.lower)))
    return s;
  for (let j = s; j < limit - 1 && j - s < 20; j++) {
    if (nth(toks, j).post === ',') return startsSpeaker(nth(toks, j + 1)) ? j + 1 : s;
    if (nth(toks, j).post) break;
  }
  return s;
}
