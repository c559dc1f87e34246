/**
 * Finds the attribution ("Peskov told reporters", "said Biden", "according to X") next to a
 * quoted piece: after its closing mark, or before its opening mark in the same sentence.
 */

import { SPEAKER_ROLES } from '../text/roles.js';
import { endsSentence, isCapitalized, tokenizeWords, type WordToken } from '../text/word-tokens.js';
import {
  CLAUSE_OPENERS,
  CUE_AUX,
  CUE_BASES,
  CUE_WORDS,
  DETERMINERS,
  PRONOUNS,
  WEAK_CUES,
} from './lexicon.js';
import { endsWithPeriod, opensQuote } from './marks.js';

export interface Attribution {
  /** Words between the cue and the quote ("reporters", "it as"); empty when adjacent. */
  object?: number;
  /** Those words name someone ("said Obama "…""): the subject of reported speech, not a listener. */
  objectNamed?: boolean;
  speakerStart: number;
  speakerEnd: number;
  cue: string | null;
  /** Offset just past the last word the attribution consumed. */
  end: number;
}

const MAX_SPEAKER_WORDS = 7;
/** Words after "said X" that end the speaker phrase ("said Smith on Monday"). */
const PHRASE_ENDERS = new Set([
  'at',
  'on',
  'in',
  'during',
  'to',
  'after',
  'before',
  'while',
  'when',
  'as',
  'last',
  'this',
  'yesterday',
  'today',
  'tonight',
  'earlier',
  'later',
  'recently',
  'via',
  'through',
  'from',
  'about',
  'with',
  'into',
  'over',
  'outside',
  'inside',
  'and',
  'but',
  'because',
  'than',
  'then',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'who',
  'whose',
  'which',
  'that',
  'referring',
  'adding',
  'noting',
  'pointing',
]);
/** What may stand between a cue and an unpunctuated quote: "told reporters", "called it", "chants of". */
const OBJECT_WORDS = new Set([
  'it',
  'them',
  'him',
  'her',
  'us',
  'me',
  'this',
  'as',
  'reporters',
  'crowd',
  'audience',
  'supporters',
  'journalists',
  'voters',
  'out',
  'of',
  'simply',
  'back',
  'aloud',
  'loudly',
]);
/** Past forms that end a subject phrase but are not speech verbs ("Flea shared the news, writing"). */
const OTHER_VERBS = new Set([
  'held',
  'took',
  'made',
  'gave',
  'spoke',
  'went',
  'got',
  'came',
  'sent',
  'led',
  'ran',
  'sat',
  'stood',
  'kept',
  'left',
  'brought',
  'thought',
  'felt',
  'met',
  'won',
  'lost',
  'drew',
  'saw',
  'has',
  'had',
  'is',
  'was',
  'were',
  'are',
  'will',
  'would',
  'can',
  'could',
  'did',
  'does',
]);

export function isCueAt(toks: WordToken[], i: number): number {
  const t = toks[i];
  // Words in capitals belong to a headline ("RED STATES GAIN"), not to a clause reporting speech.
  if (!t || opensQuote(t) || /^[^a-z]*[A-Z]{2}[^a-z]*$/.test(t.text)) return 0;
  // A capitalized cue form right after a capitalized word is part of a name: "the United States Mint".
  const prev = toks[i - 1];
  if (prev && t.text !== t.lower && !prev.post && isCapitalized(prev)) return 0;
  if (t.lower === 'according' && toks[i + 1]?.lower === 'to') return 2;
  if (t.lower === 'went' && toks[i + 1]?.lower === 'on' && !t.post) return 2;
  return CUE_WORDS.has(t.lower) ? 1 : 0;
}

/** "will", "has", "later" between speaker and cue; "Will" is a name. */
function isAux(t: WordToken): boolean {
  return t.text === t.lower && CUE_AUX.has(t.lower);
}

function cueText(toks: WordToken[], i: number, n: number): string {
  return toks
    .slice(i, i + n)
    .map((t) => t.lower)
    .join(' ');
}

/** A plausible head of a speaker phrase: a name, a pronoun, "the senator", "one aide". */
function startsSpeaker(t: WordToken): boolean {
  return (
    isCapitalized(t) ||
    PRONOUNS.has(t.lower) ||
    DETERMINERS.has(t.lower) ||
    SPEAKER_ROLES.has(t.lower) ||
    /^\d/.test(t.text)
  );
}

/** The end of a speaker phrase that starts at toks[i]: stops at punctuation or a phrase ender. */
function speakerRun(toks: WordToken[], i: number, limit: number): number {
  let j = i;
  while (j < toks.length && j - i < limit) {
    const t = toks[j]!;
    if (j > i && (PHRASE_ENDERS.has(t.lower) || opensQuote(t))) break;
    j++;
    if (t.post) break;
  }
  return finishName(toks, j);
}

/** A phrase cut at its length limit still takes the rest of a name it stopped inside. */
function finishName(toks: WordToken[], j: number): number {
  let e = j;
  while (e > 0 && e < toks.length && e - j < 6) {
    const prev = toks[e - 1]!;
    const t = toks[e]!;
    if (prev.post || !isCapitalized(prev) || !isCapitalized(t) || opensQuote(t) || isCueAt(toks, e)) break;
    e++;
  }
  return e;
}

/** Extends "Smith, a lawyer for the group," over the appositive when there is one. */
function withAppositive(toks: WordToken[], end: number, limit: number): number {
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
    const t = toks[j]!;
    if (opensQuote(t)) break;
    if (j > end && isCueAt(toks, j)) break;
    j++;
    if (endsSentence(t) || /[;:]/.test(t.post)) break;
    if (t.post === ',' && (/(ing|ed)$/.test(toks[j]?.lower ?? '') || isCueAt(toks, j))) break;
  }
  return finishName(toks, j);
}

/** "director of the institute", "then ambassador to Israel": a role with no article before it. */
function isBareRole(toks: WordToken[], i: number): boolean {
  for (let j = i; j < toks.length && j - i < 5; j++) {
    const t = toks[j]!;
    if (!/^[a-z][a-z-]*$/.test(t.text) || isCueAt(toks, j) || /(ing|ly)$/.test(t.lower)) return false;
    if (j > i && ['of', 'for', 'at', 'to', 'with'].includes(t.lower)) return true;
    if ((PHRASE_ENDERS.has(t.lower) && !['then', 'now'].includes(t.lower)) || t.post) return false;
  }
  return false;
}

function span(toks: WordToken[], from: number, to: number): [number, number] {
  return [toks[from]!.start, toks[to - 1]!.end];
}

/** `"…," Peskov told reporters` / `"…," said Biden, who …` right after the closing mark. */
export function attributionAfter(
  body: string,
  from: number,
  to: number,
  continues = false,
): Attribution | null {
  const toks = tokenizeWords(body, from, Math.min(to, from + 400));
  if (!toks.length || opensQuote(toks[0]!)) return null;
  let i = 0;
  if (toks[0]!.lower === 'then' || toks[0]!.lower === 'also') i = 1;
  // `"…," Read said`: a capitalized cue form followed by a cue is a name.
  const n =
    toks[i]!.text !== toks[i]!.lower && !toks[i]!.post && isCueAt(toks, i + 1)
      ? 0
      : isCueAt(toks, i) || (continues && invertedFrame(toks, i) ? 1 : 0);
  if (n) {
    const s = i + n;
    const first = toks[s];
    if (!first || toks[i + n - 1]!.post) return null;
    const runEnd = speakerRun(toks, s, MAX_SPEAKER_WORDS);
    if (!startsSpeaker(first) && !toks.slice(s, runEnd).some(isCapitalized)) return null;
    const end = withAppositive(toks, runEnd, 30);
    const [a, b] = span(toks, s, end);
    return {
      speakerStart: a,
      speakerEnd: trimPunct(body, a, b),
      cue: cueText(toks, i, n),
      end: toks[end - 1]!.end,
    };
  }
  for (let k = 1; k < Math.min(toks.length, 40); k++) {
    if (endsSentence(toks[k - 1]!) || opensQuote(toks[k]!)) return null;
    const c = isCueAt(toks, k) || (continues && (speechFrameAt(toks, k) || pluralFrameAt(toks, k)) ? 1 : 0);
    if (!c) continue;
    let e = k;
    while (e > 0 && isAux(toks[e - 1]!) && !toks[e - 1]!.post) e--;
    if (e === 0) return null;
    const core = toks.slice(0, e);
    const firstComma = core.findIndex((t) => t.post === ',');
    const headLen = firstComma < 0 ? core.length : firstComma + 1;
    if (headLen > MAX_SPEAKER_WORDS + 3) return null;
    // "warm-and-fuzzy Trump said", or "federal prosecutors wrote" after a quote ending in a comma.
    // "to back Clinton's campaign while adding" continues the reporter's clause instead.
    const plausible =
      startsSpeaker(toks[0]!) ||
      (core.slice(0, 3).some(isCapitalized) && !NOT_SUBJECT_START.has(toks[0]!.lower)) ||
      (continues && headLen <= 3);
    if (!plausible) return null;
    if (
      core.some(
        (t, j) => isCueAt(toks, j) && !SPEAKER_ROLES.has(t.lower) && !(j === e - 1 && t.text !== t.lower),
      )
    )
      return null;
    const [a, b] = span(toks, 0, e);
    return {
      speakerStart: a,
      speakerEnd: trimPunct(body, a, b),
      cue: cueText(toks, k, c),
      end: toks[k + c - 1]!.end,
    };
  }
  return null;
}

/**
 * `"…," Ortiz retaliated.`: right after a quote its sentence goes on from, a name or pronoun
 * and a past-tense verb that ends the clause report speech, whatever the verb.
 */
function speechFrameAt(toks: WordToken[], k: number): boolean {
  const t = toks[k]!;
  if (k > 5 || !/^[a-z]{3,}ed$/.test(t.text) || OTHER_VERBS.has(t.lower)) return false;
  const head = toks.slice(0, k);
  const named =
    (head.length === 1 && PRONOUNS.has(head[0]!.lower)) ||
    (head.every((h) => isCapitalized(h) && !h.post) && k <= 3) ||
    describedSpeaker(head);
  return named && endsFrame(toks, k);
}

/** "an angry Varga", "the harbor master": a determiner, plain words, and a name or role last. */
function describedSpeaker(head: WordToken[]): boolean {
  const last = head.at(-1);
  if (
    head.length < 2 ||
    !last ||
    !DETERMINERS.has(head[0]!.lower) ||
    !(isCapitalized(last) || SPEAKER_ROLES.has(last.lower))
  )
    return false;
  return head.every(
    (h, j) =>
      !h.post &&
      /^[\p{L}-]+$/u.test(h.text) &&
      !CUE_WORDS.has(h.lower) &&
      (j === 0 || !DETERMINERS.has(h.lower)),
  );
}

/** `"…!" beamed Ann Lee`: after a quote its sentence goes on from, a past-tense verb and a full name. */
function invertedFrame(toks: WordToken[], i: number): boolean {
  const t = toks[i]!;
  if (!/^[a-z]{3,}ed$/.test(t.text) || OTHER_VERBS.has(t.lower) || t.post) return false;
  const a = toks[i + 1];
  const b = toks[i + 2];
  return !!a && !!b && isCapitalized(a) && isCapitalized(b);
}

/** `"…," they conclude.` / `"…," critics argue`: a plural subject with a speech verb's base form. */
function pluralFrameAt(toks: WordToken[], k: number): boolean {
  const t = toks[k]!;
  if (k > 3 || t.text !== t.lower || !CUE_BASES.has(t.lower)) return false;
  const head = toks.slice(0, k);
  const plural =
    (head.length === 1 && ['they', 'we'].includes(head[0]!.lower)) ||
    (head.length > 1 && /[^s]s$/.test(head.at(-1)!.lower) && !head.some((h) => h.post));
  return plural && endsFrame(toks, k);
}

/** The verb at k closes the speaker's clause: punctuation, the end, or a time or place after it. */
function endsFrame(toks: WordToken[], k: number): boolean {
  const t = toks[k]!;
  const next = toks[k + 1];
  return (!!t.post && /^[.,;!?]/.test(t.post)) || !next || FRAME_FOLLOWERS.has(next.lower);
}

const FRAME_FOLLOWERS = new Set([
  'on',
  'at',
  'in',
  'to',
  'as',
  'during',
  'after',
  'before',
  'while',
  'with',
  'from',
  'back',
  'later',
  'again',
]);

function trimPunct(body: string, a: number, b: number): number {
  let e = b;
  while (e > a && /[\s,;:]/.test(body[e - 1]!)) e--;
  return e;
}

/** Start of the sentence that contains `at`, looking no further back than `floor`. */
export function sentenceStart(body: string, floor: number, at: number): number {
  const toks = tokenizeWords(body, Math.max(floor, at - 500), at);
  for (let k = toks.length - 1; k >= 0; k--) {
    if (endsSentence(toks[k]!)) return toks[k + 1]?.start ?? at;
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
    const own =
      lastChar === ':' && between.slice(0, -1).some((t) => t.post === ',')
        ? lastClauseSubject(toks, to)
        : null;
    if (own) return own;
    if (between.length > 10) return null;
    if (between[0] && ['that', 'if', 'whether', 'how', 'why', 'what'].includes(between[0].lower)) return null;
    // `said by email that, "…"`: the words quoted belong to a reported clause.
    if (lastChar === ',' && between.some((t) => t.lower === 'that')) return null;
    // `wrote in her 2019 memoir, "…"`: a title follows the work it names.
    if (lastChar === ',' && WORK_NOUNS.has(between.at(-1)?.lower.replace(/[^a-z-]/g, '') ?? '')) return null;
    if (between.some((t) => PRONOUNS.has(t.lower) && t.lower !== 'it' && t.lower !== 'you')) return null;
  } else {
    if (between.length > 3) return null;
    if (!between.every((t) => OBJECT_WORDS.has(t.lower) || isCapitalized(t))) return null;
    if (between.at(-1)?.lower === 'of' && !/^chant|^cr(y|ies)/.test(between.at(-2)?.lower ?? '')) return null;
    // "the so-called", "what is called" name things rather than quote people.
    if (
      toks[k - 1]?.lower === 'so' ||
      (WEAK_CUES.has(toks[k]!.lower) &&
        ['is', 'was', 'be', 'been', 'being', 'are', 'were'].includes(toks[k - 1]?.lower ?? ''))
    )
      return null;
  }
  if (k === 0 || (k === 1 && CLAUSE_OPENERS.has(toks[0]!.lower))) {
    // "Said Comey, "…"" puts the speaker after the cue.
    if (!between.length) return null;
    const runEnd = speakerRun(toks, k + n, MAX_SPEAKER_WORDS);
    const [a, b] = span(toks, k + n, runEnd);
    return { speakerStart: a, speakerEnd: trimPunct(body, a, b), cue, end: to };
  }
  const subject = appositiveSubject(toks, k) ?? nearSubject(toks, k) ?? sentenceSubject(toks, k);
  if (!subject) return null;
  return { ...subject, cue, end: to, object: between.length, objectNamed: between.some(isCapitalized) };
}

/** Works that carry a title: `her memoir, "…"`, `a radio ad, "…"`. */
const WORK_NOUNS = new Set([
  'book',
  'memoir',
  'novel',
  'column',
  'essay',
  'ad',
  'advertisement',
  'commercial',
  'film',
  'movie',
  'documentary',
  'song',
  'album',
  'podcast',
  'slogan',
  'headline',
  'title',
  'sheet',
  'newsletter',
  'poem',
  'painting',
  'exhibit',
]);

const PERSONAL = new Set(['he', 'she', 'they', 'i', 'we']);

/**
 * `The vote started late, and when it failed, I changed my plan: "…"`: a colon after a clause of
 * its own, past the sentence's speech verb, introduces what that clause's subject said.
 */
function lastClauseSubject(toks: WordToken[], to: number): Attribution | null {
  let s = toks.length - 1;
  while (s > 0 && toks[s - 1]!.post !== ',') s--;
  while (s < toks.length && ['that', 'and', 'but', 'so', 'then'].includes(toks[s]!.lower)) s++;
  const first = toks[s];
  if (
    !first ||
    !(PERSONAL.has(first.lower) || isCapitalized(first)) ||
    toks.slice(s).some((_t, j) => isCueAt(toks, s + j))
  )
    return null;
  const subject = sentenceSubject(toks.slice(s), toks.length - s);
  return subject ? { ...subject, cue: null, end: to } : null;
}

const NOT_SUBJECT_START = new Set([
  'in',
  'on',
  'at',
  'after',
  'before',
  'during',
  'for',
  'with',
  'from',
  'by',
  'to',
  'of',
  'speaking',
  'asked',
  'appearing',
  'just',
  'last',
  'earlier',
  'hours',
  'days',
  'weeks',
  'months',
  'minutes',
  'moments',
  'ever',
  'meanwhile',
  'however',
  'instead',
  'still',
]);

/** "Mitt Romney, the 2012 nominee, said:" keeps its appositive, as written. */
function appositiveSubject(
  toks: WordToken[],
  k: number,
): { speakerStart: number; speakerEnd: number } | null {
  let e = k;
  while (e > 0 && isAux(toks[e - 1]!) && !toks[e - 1]!.post) e--;
  if (e === 0 || toks[e - 1]!.post !== ',') return null;
  // Walk back over comma-separated chunks to the one that starts the clause.
  let s = e - 1;
  let chunks = 0;
  while (s > 0 && e - s < 30) {
    if (
      (toks[s - 1]!.post && /[.;:!?]/.test(toks[s - 1]!.post)) ||
      /^[-\u2013\u2014]*$/.test(toks[s - 1]!.text)
    )
      break;
    if (toks[s - 1]!.post === ',') chunks++;
    s--;
  }
  let start = s;
  // Skip a leading adverbial chunk ("In a statement, Brian Fallon, …").
  for (let j = s; j < e - 1 && chunks > 0; j++) {
    if (toks[j]!.post !== ',') continue;
    if (!NOT_SUBJECT_START.has(toks[start]!.lower) && !CLAUSE_OPENERS.has(toks[start]!.lower)) break;
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
    (toks[start]!.post === '' && toks.slice(start, e).findIndex((t) => t.post === ',') > MAX_SPEAKER_WORDS)
  )
    return null;
  if (toks.slice(start, e).some((_t, j) => j > 0 && isCueAt(toks, start + j))) return null;
  return { speakerStart: first.start, speakerEnd: toks[subjectEnd(toks, start, e) - 1]!.end };
}

/**
 * Where the subject ends in `Trump returned the compliment, telling reporters` or
 * `Clinton, speaking in Ohio, said`: at the verb of the clause before the participle cue,
 * and before a participial phrase, which describes what the speaker did rather than who they are.
 */
function subjectEnd(toks: WordToken[], start: number, e: number): number {
  let firstChunk = true;
  for (let j = start + 1; j < e; j++) {
    const t = toks[j]!;
    const opensChunk = toks[j - 1]!.post === ',';
    if (opensChunk) firstChunk = false;
    if (firstChunk && !looksNominal(t)) return j;
    if (opensChunk && /(ing|ed|ly)$/.test(t.lower) && !SPEAKER_ROLES.has(t.lower)) return j;
  }
  return e;
}

/** The phrase right before the cue, back to the last comma: "…, Trump said". */
function nearSubject(toks: WordToken[], k: number): { speakerStart: number; speakerEnd: number } | null {
  let e = k;
  while (e > 0 && isAux(toks[e - 1]!) && !toks[e - 1]!.post) e--;
  let s = e;
  while (s > 0 && !toks[s - 1]!.post && !toks[s - 1]!.pre.includes('“') && e - s < MAX_SPEAKER_WORDS + 1) s--;
  if (s > 0 && !toks[s - 1]!.post) return null;
  while (s < e && CLAUSE_OPENERS.has(toks[s]!.lower)) s++;
  if (
    s >= e ||
    e - s > MAX_SPEAKER_WORDS ||
    !startsSpeaker(toks[s]!) ||
    NOT_SUBJECT_START.has(toks[s]!.lower)
  )
    return null;
  if (toks.slice(s, e).some((t) => !looksNominal(t))) return null;
  return { speakerStart: toks[s]!.start, speakerEnd: toks[e - 1]!.end };
}

/** Words that can sit inside a speaker phrase ("the Vermont senator", "Sen. Jeff Merkley of Oregon"). */
function looksNominal(t: WordToken): boolean {
  return (
    isCapitalized(t) ||
    PRONOUNS.has(t.lower) ||
    DETERMINERS.has(t.lower) ||
    SPEAKER_ROLES.has(t.lower) ||
    ['of', 'for', 'at', 'and', 'top', 'new', 'longtime', 'other', '’s', "'s"].includes(t.lower) ||
    /^\d/.test(t.text) ||
    (/^[a-z]+(?:-[a-z]+)*$/.test(t.text) && !CUE_WORDS.has(t.lower) && !/(ed|ly)$/.test(t.lower))
  );
}

/** The subject at the start of the clause: "Band member Flea", "An early tweet", "He". */
function sentenceSubject(
  toks: WordToken[],
  limit: number,
): { speakerStart: number; speakerEnd: number } | null {
  let s = subjectStart(toks, limit);
  while (s < limit && CLAUSE_OPENERS.has(toks[s]!.lower)) s++;
  const first = toks[s];
  if (!first || s >= limit) return null;
  if (PRONOUNS.has(first.lower)) return { speakerStart: first.start, speakerEnd: first.end };
  if (!startsSpeaker(first)) return null;
  let e = s;
  while (e < limit && e - s < MAX_SPEAKER_WORDS) {
    const t = toks[e]!;
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
    speakerEnd: toks[withNameApposition(toks, Math.min(limit, finishName(toks, e)), limit) - 1]!.end,
  };
}

/** A headline or dateline before a dash (`POLLS TIGHTEN - Ann Lee:`) and a leading adverbial (`On Tuesday,`) are not the subject. */
function subjectStart(toks: WordToken[], limit: number): number {
  let s = 0;
  for (let j = 0; j < limit - 1; j++) {
    if (/^[-\u2013\u2014]*$/.test(toks[j]!.text) && startsSpeaker(toks[j + 1]!)) s = j + 1;
  }
  const t = toks[s];
  if (!t || !(NOT_SUBJECT_START.has(t.lower) || CLAUSE_OPENERS.has(t.lower) || /ing$/.test(t.lower)))
    return s;
  for (let j = s; j < limit - 1 && j - s < 20; j++) {
    if (toks[j]!.post === ',') return startsSpeaker(toks[j + 1]!) ? j + 1 : s;
    if (toks[j]!.post) break;
  }
  return s;
}

/** `her senior adviser, Jake Sullivan, said`: the name after a description belongs to it. */
function withNameApposition(toks: WordToken[], e: number, limit: number): number {
  if (toks[e - 1]?.post !== ',') return e;
  let j = e;
  while (j < limit && j - e < 4 && isCapitalized(toks[j]!) && !toks[j]!.post) j++;
  const last = toks[j];
  if (j >= limit || !last || !isCapitalized(last) || last.post !== ',' || j + 1 > limit) return e;
  const next = toks[j + 1];
  return next && (isCueAt(toks, j + 1) || isAux(next)) ? j + 1 : e;
}

/**
 * `"…" for the council, said Ann Lee.`: an attribution closing the sentence a quote opens, after one
 * of its commas (the last that starts an attribution, so a long appositive after the name
 * does not hide it). The quote's words and the reporter's words up to that comma are what
 * the speaker said, so `contentEnd` marks the comma.
 */
export function attributionAtSentenceEnd(
  body: string,
  from: number,
  to: number,
  beforeQuote = false,
): (Attribution & { contentEnd: number; interrupts?: boolean }) | null {
  // A quote closing on a full stop ends its sentence; what follows is a new one.
  if (endsWithPeriod(body, from)) return null;
  const toks = tokenizeWords(body, from, Math.min(to, from + 400));
  let e = 0;
  while (e < toks.length && !opensQuote(toks[e]!) && !endsSentence(toks[e]!)) e++;
  let quoteAt = -1;
  if (e >= toks.length || opensQuote(toks[e]!)) {
    // With beforeQuote, the attribution may also close the clause before another quoted piece.
    if (!beforeQuote) return null;
    quoteAt = toks[e]?.start ?? to;
    e--;
  }
  if (e < 0) return null;
  for (let c = e; c > 0; c--) {
    if (toks[c - 1]!.post !== ',') continue;
    const found = attributionAfter(body, toks[c]!.start, toks[e]!.end + toks[e]!.post.length);
    // The attribution opens its chunk ("said X, a …" or "X said"), it does not sit deep inside it.
    if (found && tokenizeWords(body, toks[c]!.start, found.speakerStart).length <= MAX_SPEAKER_WORDS + 3) {
      // `"If…" by the allies, she said, "we…"`: one quotation interrupted by its attribution, which
      // the quoted piece next goes on with.
      const interrupts = quoteAt >= 0 && /^[^.;:!?]{0,80},\s*$/.test(body.slice(found.end, quoteAt));
      return { ...found, end: toks[e]!.end, contentEnd: interrupts ? quoteAt : toks[c - 1]!.end, interrupts };
    }
  }
  return null;
}
