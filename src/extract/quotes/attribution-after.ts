/**
 * The attribution after a quote's closing mark: `"…," Ann Lee told reporters`, `"…," said Ann Lee,
 * who …`, the frames without a listed speech verb (`"…," Lee retaliated.`, `"…," critics argue`),
 * and an attribution closing the sentence the quote opens (`"…" for the council, said Ann Lee.`).
 */

import { nth } from '../text/nth.js';
import { SPEAKER_ROLES } from '../text/roles.js';
import { endsSentence, isCapitalized, tokenizeWords, type WordToken } from '../text/word-tokens.js';
import { type Attribution, MAX_SPEAKER_WORDS } from './attribution.js';
import { CUE_BASES, CUE_WORDS, cueText, isAux, isCueAt } from './cues.js';
import { endsWithPeriod, opensQuote } from './marks.js';
import { on } from './options.js';
import { span, speakerRun, startsSpeaker, trimPunct, withAppositive } from './speaker-phrase.js';
import { DETERMINERS, FRAME_FOLLOWERS, NOT_SUBJECT_START, OTHER_VERBS, PRONOUNS } from './words.js';

/** `"…," Marin told reporters` / `"…," said Ann Lee, who …` right after the closing mark. */
export function attributionAfter(
  body: string,
  from: number,
  to: number,
  continues = false,
): Attribution | null {
  const toks = tokenizeWords(body, from, Math.min(to, from + 400));
  if (!toks.length || opensQuote(nth(toks, 0))) return null;
  let i = 0;
  if (nth(toks, 0).lower === 'then' || nth(toks, 0).lower === 'also') i = 1;
  // `"…," Hale said`: a capitalized cue form followed by a cue is a name.
  const n =
    nth(toks, i).text !== nth(toks, i).lower && !nth(toks, i).post && isCueAt(toks, i + 1)
      ? 0
      : isCueAt(toks, i) || (continues && on('inverted-frame') && invertedFrame(toks, i) ? 1 : 0);
  if (n) {
    const s = i + n;
    const first = toks[s];
    if (!first || nth(toks, i + n - 1).post) return null;
    const runEnd = speakerRun(toks, s, MAX_SPEAKER_WORDS);
    if (!startsSpeaker(first) && !toks.slice(s, runEnd).some(isCapitalized)) return null;
    const end = withAppositive(toks, runEnd, 30);
    const [a, b] = span(toks, s, end);
    return {
      speakerStart: a,
      speakerEnd: trimPunct(body, a, b),
      cue: cueText(toks, i, n),
      end: nth(toks, end - 1).end,
    };
  }
  for (let k = 1; k < Math.min(toks.length, 40); k++) {
    if (endsSentence(nth(toks, k - 1)) || opensQuote(nth(toks, k))) return null;
    const c =
      isCueAt(toks, k) ||
      (continues &&
      ((on('speech-frame') && speechFrameAt(toks, k)) || (on('plural-frame') && pluralFrameAt(toks, k)))
        ? 1
        : 0);
    if (!c) continue;
    let e = k;
    while (e > 0 && isAux(nth(toks, e - 1)) && !nth(toks, e - 1).post) e--;
    if (e === 0) return null;
    const core = toks.slice(0, e);
    const firstComma = core.findIndex((t) => t.post === ',');
    const headLen = firstComma < 0 ? core.length : firstComma + 1;
    if (headLen > MAX_SPEAKER_WORDS + 3) return null;
    // "soft-spoken Lee said", or "federal prosecutors wrote" after a quote ending in a comma.
    // "to back Chen's campaign while adding" continues the reporter's clause instead.
    const plausible =
      startsSpeaker(nth(toks, 0)) ||
      (core.slice(0, 3).some(isCapitalized) && !NOT_SUBJECT_START.has(nth(toks, 0).lower)) ||
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
      end: nth(toks, k + c - 1).end,
    };
  }
  return null;
}

/**
 * `"…," Reyes retorted.`: right after a quote its sentence goes on from, a name or pronoun
 * and a past-tense verb that ends the clause report speech, whatever the verb.
 */
function speechFrameAt(toks: WordToken[], k: number): boolean {
  const t = nth(toks, k);
  if (k > 5 || !/^[a-z]{3,}ed$/.test(t.text) || OTHER_VERBS.has(t.lower)) return false;
  const head = toks.slice(0, k);
  const named =
    (head.length === 1 && PRONOUNS.has(nth(head, 0).lower)) ||
    (head.every((h) => isCapitalized(h) && !h.post) && k <= 3) ||
    describedSpeaker(head);
  return named && endsFrame(toks, k);
}

/** "an angry Reyes", "the harbor master": a determiner, plain words, and a name or role last. */
function describedSpeaker(head: WordToken[]): boolean {
  const last = head.at(-1);
  if (
    head.length < 2 ||
    !last ||
    !DETERMINERS.has(nth(head, 0).lower) ||
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
  const t = nth(toks, i);
  if (!/^[a-z]{3,}ed$/.test(t.text) || OTHER_VERBS.has(t.lower) || t.post) return false;
  const a = toks[i + 1];
  const b = toks[i + 2];
  return !!a && !!b && isCapitalized(a) && isCapitalized(b);
}

/** `"…," they conclude.` / `"…," critics argue`: a plural subject with a speech verb's base form. */
function pluralFrameAt(toks: WordToken[], k: number): boolean {
  const t = nth(toks, k);
  if (k > 3 || t.text !== t.lower || !CUE_BASES.has(t.lower)) return false;
  const head = toks.slice(0, k);
  const plural =
    (head.length === 1 && ['they', 'we'].includes(nth(head, 0).lower)) ||
    (head.length > 1 && /[^s]s$/.test(head.at(-1)!.lower) && !head.some((h) => h.post));
  return plural && endsFrame(toks, k);
}

/** The verb at k closes the speaker's clause: punctuation, the end, or a time or place after it. */
function endsFrame(toks: WordToken[], k: number): boolean {
  const t = nth(toks, k);
  const next = toks[k + 1];
  return (!!t.post && /^[.,;!?]/.test(t.post)) || !next || FRAME_FOLLOWERS.has(next.lower);
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
  while (e < toks.length && !opensQuote(nth(toks, e)) && !endsSentence(nth(toks, e))) e++;
  let quoteAt = -1;
  if (e >= toks.length || opensQuote(nth(toks, e))) {
    // With beforeQuote, the attribution may also close the clause before another quoted piece.
    if (!beforeQuote) return null;
    quoteAt = toks[e]?.start ?? to;
    e--;
  }
  if (e < 0) return null;
  for (let c = e; c > 0; c--) {
    if (nth(toks, c - 1).post !== ',') continue;
    const found = attributionAfter(body, nth(toks, c).start, nth(toks, e).end + nth(toks, e).post.length);
    // The attribution opens its chunk ("said X, a …" or "X said"), it does not sit deep inside it.
    if (
      found &&
      tokenizeWords(body, nth(toks, c).start, found.speakerStart).length <= MAX_SPEAKER_WORDS + 3
    ) {
      // `"If…" by the allies, she said, "we…"`: one quotation interrupted by its attribution, which
      // the quoted piece next goes on with.
      const interrupts = quoteAt >= 0 && /^[^.;:!?]{0,80},\s*$/.test(body.slice(found.end, quoteAt));
      return {
        ...found,
        end: nth(toks, e).end,
        contentEnd: interrupts ? quoteAt : nth(toks, c - 1).end,
        interrupts,
      };
    }
  }
  return null;
}
