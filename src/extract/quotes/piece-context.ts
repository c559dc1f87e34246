/**
 * What surrounds a quoted piece, as grouping reads it: where it opens in its sentence, whether
 * it closes on a comma or opens with a capital, a colon introduction in the paragraph before,
 * and whether the next piece goes on with the same quotation.
 */
import { nth } from '../text/nth.js';

import { endsSentence, tokenizeWords } from '../text/word-tokens.js';
import type { Attribution } from './attribution.js';
import { attributionAfter, attributionAtSentenceEnd } from './attribution-after.js';
import { attributionBefore, sentenceStart } from './attribution-before.js';
import { isCueAt } from './cues.js';
import type { Paragraph, QuotedPiece } from './marks.js';

/** `Ann Lee said:` closing the previous paragraph introduces a quote paragraph. */
export function colonIntro(
  body: string,
  prev: { start: number; end: number },
  prevEnd: number,
): Attribution | null {
  if (body[prev.end - 1] !== ':') return null;
  const floor = Math.max(prev.start, prevEnd);
  const s = sentenceStart(body, floor, prev.end);
  return attributionBefore(body, s, prev.end);
}

/**
 * Where a quote opens: S sentence start, P after a colon, dash or bracket, C after a comma, W
 * after a word.
 */
export function positionOf(lead: string): 'S' | 'P' | 'C' | 'W' {
  if (lead === '') return 'S';
  const last = lead.at(-1)!;
  if (
    last === ':' ||
    last === '(' ||
    last === '[' ||
    (/[\u2014\u2013-]$/.test(lead) && /\s[\u2014\u2013-]+$|[\u2014\u2013]$/.test(lead))
  )
    return 'P';
  if (last === ',') return 'C';
  return 'W';
}

/**
 * After `"…," he said`, the next quoted piece of the paragraph continues the same quotation
 * unless something else is said in between or it carries an attribution of its own.
 */
export function continuesQuote(
  body: string,
  from: number,
  next: QuotedPiece,
  after: QuotedPiece | undefined,
  paragraphs: Paragraph[],
): boolean {
  // `…," said Ann Lee. Bo Chen replied: "…"`: a new sentence introducing the next piece with a colon.
  if (/[.!?]['"”’)]*\s+[^.!?]+:\s*$/.test(body.slice(from, next.start))) return false;
  const toks = tokenizeWords(body, from, next.start);
  if (toks.length > 60) return false;
  if (toks.some((_, k) => isCueAt(toks, k))) return false;
  const short = toks.length <= 12 && toks.every((t, k) => k === toks.length - 1 || !endsSentence(t));
  const atSentenceStart = toks.length === 0 || /[.!?,:;]['"”’)]*$/.test(toks.at(-1)!.post);
  if (!short && !atSentenceStart) return false;
  if (!next.closed) return true;
  const limit = after && after.para === next.para ? after.start : nth(paragraphs, next.para).end;
  // `"…" to cut costs, she said.` carries an attribution of its own at its sentence's end.
  return !attributionAfter(body, next.end, limit) && !attributionAtSentenceEnd(body, next.end, limit, true);
}

/** The quote closes on a comma, question or exclamation mark: its sentence goes on. */
export function endsWithComma(body: string, end: number): boolean {
  return /[,?!\u2014-]['"”’]*$/.test(body.slice(Math.max(0, end - 4), end));
}

/** The quoted words open with a capital: a sentence of their own rather than a continuation. */
export function opensCapitalized(body: string, piece: QuotedPiece): boolean {
  return /^\P{L}*\p{Lu}/u.test(body.slice(piece.start, piece.end));
}

export function countWords(body: string, start: number, end: number): number {
  return body
    .slice(start, end)
    .split(/\s+/)
    .filter((w) => /\w/.test(w)).length;
}
