/**
 * Pairs double quotation marks (curly, straight, and the NYT-style two apostrophes) into
 * quoted pieces, one paragraph at a time so a missing mark cannot derail the whole body.
 */
import type { WordToken } from '../text/word-tokens.js';

export interface Paragraph {
  start: number;
  end: number;
}

export interface QuotedPiece {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just past the closing mark, or the paragraph end when the quote runs on. */
  end: number;
  /** False when the paragraph ended before the quote closed (a multi-paragraph quote). */
  closed: boolean;
  para: number;
}

/** Paragraphs split at blank lines, with invisible format characters at their start skipped. */
export function splitParagraphs(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  while (start <= body.length) {
    const i = body.indexOf('\n\n', start);
    const end = i < 0 ? body.length : i;
    // Invisible direction marks pasted in from social posts do not move the paragraph's first mark.
    let first = start;
    while (first < end && /\p{Cf}/u.test(body[first]!)) first++;
    out.push({ start: first, end });
    if (i < 0) break;
    start = i + 2;
  }
  return out;
}

const OPENING_CONTEXT = /[\s([{\u2014\u2013\-/:;,>]/;
const CLOSING_CONTEXT = /[\s.,;:!?)\]}\u2014\u2013\-/<'\u2019]/;

function isOpeningSide(body: string, markStart: number, markEnd: number, para: Paragraph): boolean {
  const prev = markStart > para.start ? body[markStart - 1]! : ' ';
  const next = markEnd < para.end ? body[markEnd]! : ' ';
  return OPENING_CONTEXT.test(prev) && !/\s/.test(next);
}

function isClosingSide(body: string, markStart: number, markEnd: number, para: Paragraph): boolean {
  const prev = markStart > para.start ? body[markStart - 1]! : ' ';
  const next = markEnd < para.end ? body[markEnd]! : ' ';
  return !/\s/.test(prev) && CLOSING_CONTEXT.test(next);
}

/** The quoted pieces of each paragraph, paired mark to mark. */
export function findQuotedPieces(body: string, paragraphs: Paragraph[]): QuotedPiece[] {
  const pieces: QuotedPiece[] = [];
  paragraphs.forEach((para, index) => {
    let open = -1;
    let i = para.start;
    while (i < para.end) {
      const ch = body[i]!;
      let len = 0;
      let kind: 'open' | 'close' | 'either' | null = null;
      if (ch === '\u201C') [len, kind] = [1, 'open'];
      else if (ch === '\u201D') [len, kind] = [1, 'close'];
      else if (ch === '"') [len, kind] = [1, 'either'];
      else if (ch === "'" && body[i + 1] === "'") {
        // ''' is a nested single quote closing together with the double one.
        len = body[i + 2] === "'" ? 3 : 2;
        kind = 'either';
      } else if (ch === '`' && body[i + 1] === '`') [len, kind] = [2, 'open'];
      if (kind === null) {
        i++;
        continue;
      }
      const markEnd = i + len;
      // Nothing closes at a paragraph start: a mark there opens, even `” … what` with a right
      // mark and a space.
      const opening = i === para.start || isOpeningSide(body, i, markEnd, para);
      const closing = isClosingSide(body, i, markEnd, para);
      if (open < 0) {
        // A closing mark with nothing open is a stray; a right mark used as a left one is not.
        if (kind === 'open' || (kind === 'either' && !closing) || (kind === 'close' && opening)) {
          open = i;
        }
      } else if (
        (kind === 'open' && !(closing && !opening)) ||
        (kind === 'either' && opening && !closing && i > open + 1 && isRestart(body, open, i))
      ) {
        // An opening mark inside an open quote means the earlier one was never closed
        // (unless it sits where a closing mark belongs: a typo for one).
        pieces.push({ start: open, end: trimEnd(body, open, i), closed: false, para: index });
        open = i;
      } else {
        pieces.push({ start: open, end: markEnd, closed: true, para: index });
        open = -1;
      }
      i = markEnd;
    }
    if (open >= 0) pieces.push({ start: open, end: para.end, closed: false, para: index });
  });
  return pieces;
}

/** A straight mark after whitespace inside an open quote only reopens after a sentence end. */
function isRestart(body: string, open: number, at: number): boolean {
  const before = body.slice(Math.max(open, at - 3), at);
  return /[.!?]\s+$/.test(before) && at - open > 40;
}

function trimEnd(body: string, start: number, end: number): number {
  let e = end;
  while (e > start + 1 && /\s/.test(body[e - 1]!)) e--;
  return e;
}

/**
 * `…because "the gates stay shut." Chen says, "…"`: a quote inside a sentence that closes
 * on a period ends that sentence, so the words after it start a new one.
 */
export function endsWithPeriod(body: string, end: number): boolean {
  return /\.['"”’]+$/.test(body.slice(Math.max(0, end - 4), end));
}

/** Opens a quotation: the next quoted piece starts here. */
export function opensQuote(t: WordToken): boolean {
  return /["“”']/.test(t.pre);
}
