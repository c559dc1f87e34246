/**
 * The attribution before a quote's opening mark, in the same sentence: `Ann Lee said: "…"`,
 * `Lee told reporters "…"`, `He called it "…"`, `According to Lee, "…"`, and a colon after a clause
 * whose subject speaks. sentenceStart finds where that sentence begins.
 */

import { nth } from '../text/nth.js';
import { endsSentence, isCapitalized, tokenizeWords, type WordToken } from '../text/word-tokens.js';
import { type Attribution, MAX_SPEAKER_WORDS } from './attribution.js';
import { cueText, isAux, isCueAt, WEAK_CUES } from './cues.js';
import { opensQuote } from './marks.js';
import { on } from './options.js';
import { span, speakerRun, trimPunct } from './speaker-phrase.js';
import { appositiveSubject, nearSubject, sentenceSubject } from './subjects.js';
import { CLAUSE_OPENERS, OBJECT_WORDS, WORK_NOUNS } from './words.js';

/** Start of the sentence that contains `at`, looking no further back than `floor`. */
export function sentenceStart(body: string, floor: number, at: number): number {
  const toks = tokenizeWords(body, Math.max(floor, at - 500), at);
  for (let k = toks.length - 1; k >= 0; k--) {
    if (endsSentence(nth(toks, k))) return toks[k + 1]?.start ?? at;
  }
  return toks[0] ? Math.max(floor, toks[0].start - toks[0].pre.length) : at;
}

/** `X said: "…"`, `X told reporters "…"`, `He called it "…"`, `According to X, "…"`. */
export function attributionBefore(body: string, from: number, to: number): Attribution | null {
  const toks = tokenizeWords(body, from, to);
  if (!toks.length) return null;
  const tail = body.slice(from, to).trimEnd();
  const lastChar = tail.at(-1) ?? '';
  const punctuated = lastChar === ',' || lastChar === ':';
  let k = -1;
  let n = 0;
  for (let j = toks.length - 1; j >= 0; j--) {
    const c = isCueAt(toks, j);
    if (c) {
      k = j;
      n = c;
      break;
    }
  }
  if (k < 0) {
    if (lastChar !== ':') return null;
    const subject = sentenceSubject(toks, toks.length);
    return subject ? { ...subject, cue: null, end: to } : null;
  }
  const cue = cueText(toks, k, n);
  const between = toks.slice(k + n);
  if (cue === 'according to') {
    if (!between.length) return null;
    const runEnd = speakerRun(toks, k + n, MAX_SPEAKER_WORDS + 3);
    if (runEnd < toks.length - 1 && !punctuated) return null;
    const [a, b] = span(toks, k + n, runEnd);
    return { speakerStart: a, speakerEnd: trimPunct(body, a, b), cue, end: to };
  }
  if (punctuated) {
    if (between.length > 10) return null;
    if (between[0] && ['that', 'if', 'whether', 'how', 'why', 'what'].includes(between[0].lower)) return null;
    // `said by email that, "…"`: the words quoted belong to a reported clause.
    if (on('said-that') && lastChar === ',' && between.some((t) => t.lower === 'that')) return null;
    // `wrote in her 2019 memoir, "…"`: a title follows the work it names.
    if (
      on('work-nouns') &&
      lastChar === ',' &&
      WORK_NOUNS.has(between.at(-1)?.lower.replace(/[^a-z-]/g, '') ?? '')
    )
      return null;
  } else {
    if (between.length > 3) return null;
    if (!between.every((t) => OBJECT_WORDS.has(t.lower) || isCapitalized(t))) return null;
    // "what is called" names a thing rather than quoting a person.
    if (
      WEAK_CUES.has(nth(toks, k).lower) &&
      ['is', 'was', 'be', 'been', 'being', 'are', 'were'].includes(toks[k - 1]?.lower ?? '')
    )
      return null;
  }
  if (k === 0 || (k === 1 && CLAUSE_OPENERS.has(nth(toks, 0).lower))) {
    // "Said Chen, "…"" puts the speaker after the cue.
    if (!between.length) return null;
    const runEnd = speakerRun(toks, k + n, MAX_SPEAKER_WORDS);
    const [a, b] = span(toks, k + n, runEnd);
    return { speakerStart: a, speakerEnd: trimPunct(body, a, b), cue, end: to };
  }
  const subject =
    (on('adjacent-name') ? adjacentName(toks, k) : null) ??
    appositiveSubject(toks, k) ??
    nearSubject(toks, k) ??
    sentenceSubject(toks, k);
  if (!subject) return null;
  return { ...subject, cue, end: to, object: between.length, objectNamed: between.some(isCapitalized) };
}

/**
 * The name written right before the cue (`… so heated that Gov. Ann Lee said`), or before the
 * cue a participle continues (`…, Lee said, adding`): the nearest named person is the speaker,
 * whatever the clause opened with. Not a name inside a prepositional phrase (`a spokesman for
 * Ann Lee said`), which the subject phrase holds.
 */
function adjacentName(toks: WordToken[], k: number): { speakerStart: number; speakerEnd: number } | null {
  let e = k;
  while (e > 0 && isAux(nth(toks, e - 1)) && !nth(toks, e - 1).post) e--;
  // `Lee said, adding, "…"`: the participle continues the clause of the cue before it.
  if (e > 1 && /ing$/.test(nth(toks, k).lower) && nth(toks, e - 1).post === ',' && isCueAt(toks, e - 1)) {
    e--;
    while (e > 0 && isAux(nth(toks, e - 1)) && !nth(toks, e - 1).post) e--;
  }
  if (e === 0 || nth(toks, e - 1).post) return null;
  let s = e;
  while (
    s > 0 &&
    isCapitalized(nth(toks, s - 1)) &&
    !opensQuote(nth(toks, s - 1)) &&
    (s === e || !nth(toks, s - 1).post)
  )
    s--;
  if (s === e || s === 0 || e - s > 5) return null;
  const before = nth(toks, s - 1);
  if (!before.post && !/^(?:that|as|when|while|and|but|because|after|before|then|so)$/.test(before.lower))
    return null;
  return { speakerStart: nth(toks, s).start, speakerEnd: nth(toks, e - 1).end };
}
