/**
 * Pairs double quotation marks (curly, straight, and the NYT-style two apostrophes) into
 * quoted pieces, one paragraph at a time so a missing mark cannot derail the whole body. An
 * article that opens more quotations with single marks than with double ones (British house
 * style, `'…,' she said`) has its single marks paired instead, and its double marks are the
 * quotations inside quotations.
 */
import type { WordToken } from '../text/word-tokens.js';
import { on } from './options.js';

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

const BEFORE_OPENING = /[\s([{\u2014\u2013>:,]/;

/** The article quotes with single marks: more quotations open with them than with double marks. */
export function usesSingleMarks(body: string): boolean {
  let single = 0;
  let double = 0;
  // One pass over the marks only: this runs on every article.
  for (let i = body.search(/[\u2018\u201C"']/); i >= 0 && i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\u2018' && ch !== '\u201C' && ch !== '"' && ch !== "'") continue;
    if (i > 0 && !BEFORE_OPENING.test(body[i - 1]!)) continue;
    if (ch === "'" && body[i + 1] === "'") {
      double++;
      i++;
    } else if (ch === '\u201C' || ch === '"') double++;
    else if (/\p{L}/u.test(body[i + 1] ?? '')) single++;
  }
  return single > double;
}

type MarkKind = 'open' | 'close' | 'either' | 'single';

/** The quotation mark at i, as [length, kind], or [0, null]. */
function markAt(body: string, i: number, single: boolean): [number, MarkKind | null] {
  const ch = body[i]!;
  if (single) {
    if (ch === '\u2018') return [1, 'open'];
    // A right single mark or an apostrophe is also the apostrophe of "don't": it quotes only
    // where it sits on the side of a word a quotation mark does.
    if (ch === '\u2019' || ch === "'") return [1, 'single'];
    return [0, null];
  }
  if (ch === '\u201C') return [1, 'open'];
  if (ch === '\u201D') return [1, 'close'];
  if (ch === '"') return [1, 'either'];
  // ''' is a nested single quote closing together with the double one.
  if (ch === "'" && body[i + 1] === "'") return [body[i + 2] === "'" ? 3 : 2, 'either'];
  if (ch === '`' && body[i + 1] === '`') return [2, 'open'];
  return [0, null];
}

/** The quoted pieces of each paragraph, paired mark to mark. */
export function findQuotedPieces(body: string, paragraphs: Paragraph[]): QuotedPiece[] {
  const pieces: QuotedPiece[] = [];
  const single = on('single-marks') && usesSingleMarks(body);
  paragraphs.forEach((para, index) => {
    let open = -1;
    let i = para.start;
    while (i < para.end) {
      const [len, kind] = markAt(body, i, single);
      if (kind === null) {
        i++;
        continue;
      }
      const markEnd = i + len;
      // Nothing closes at a paragraph start: a mark there opens, even `” … what` with a right
      // mark and a space.
      const opening = i === para.start || isOpeningSide(body, i, markEnd, para);
      const closing = isClosingSide(body, i, markEnd, para);
      if (kind === 'single') {
        if (open < 0 && opening && !closing) open = i;
        else if (open >= 0 && closing && !opening) {
          pieces.push({ start: open, end: markEnd, closed: true, para: index });
          open = -1;
        }
        i = markEnd;
        continue;
      }
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
