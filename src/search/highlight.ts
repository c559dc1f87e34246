/**
 * Highlights and snippets. Ranges are UTF-16 offsets into the text they accompany; the html
 * form is that text escaped, with <mark> around the ranges and no other markup, ever.
 */
import { processTerm } from '../index/options.js';

export type Range = [number, number];

export interface Highlighted {
  html: string;
  ranges: Range[];
}

export interface Token {
  term: string;
  start: number;
  end: number;
}

// The complement of the tokenizer's separators in ../index/options.ts.
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

export function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const term = processTerm(m[0]);
    if (term) out.push({ term, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Characters whose folding (NFKD, marks removed, lower-cased) could change a word or its length:
 * anything beyond ASCII except no-break space and general punctuation (curly quotes and dashes
 * are common and are separators anyway).
 */
export const FOLDABLE = /[^\x00-\x7f\u00a0\u2000-\u206f]/;
const SEPARATOR = /[\n\r\p{Z}\p{P}]/u;

/**
 * The tokens of `text` whose term is in `matched`, in text order. Without foldable characters a
 * term is its word lower-cased, so a substring search with a check of the characters around it
 * finds them without tokenizing a whole article body for a few words.
 */
export function matchedTokens(text: string, matched: ReadonlySet<string>): Token[] {
  if (FOLDABLE.test(text)) return tokensOf(text).filter((t) => matched.has(t.term));
  const lower = text.toLowerCase();
  const out: Token[] = [];
  for (const term of matched) {
    if (term === '') continue;
    for (let i = lower.indexOf(term); i >= 0; i = lower.indexOf(term, i + 1)) {
      const end = i + term.length;
      if (
        (i === 0 || SEPARATOR.test(lower[i - 1]!)) &&
        (end === lower.length || SEPARATOR.test(lower[end]!))
      ) {
        out.push({ term, start: i, end });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function markedHtml(text: string, ranges: Range[]): string {
  let html = '';
  let at = 0;
  for (const [start, end] of ranges) {
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at));
}

/** Adjacent matched words merge into one range, so a phrase is one <mark>. */
function rangesOf(text: string, tokens: Token[]): Range[] {
  const ranges: Range[] = [];
  for (const t of tokens) {
    const last = ranges[ranges.length - 1];
    if (last && /^[\s\p{P}]*$/u.test(text.slice(last[1], t.start)) && t.start - last[1] <= 2) last[1] = t.end;
    else ranges.push([t.start, t.end]);
  }
  return ranges;
}

export function highlight(text: string, matched: ReadonlySet<string>): Highlighted {
  const ranges = rangesOf(text, matchedTokens(text, matched));
  return { html: markedHtml(text, ranges), ranges };
}

export interface Snippet extends Highlighted {
  text: string;
}

/**
 * The passage of `body` around its best match: the sentence holding the most distinct matched
 * words (earliest on ties), extended or cropped to about `size` characters at word boundaries.
 */
export function snippet(body: string, matched: ReadonlySet<string>, size = 240): Snippet {
  const tokens = matchedTokens(body, matched);
  const sentenceStarts = [
    0,
    ...[...body.matchAll(/[.!?]["”’)\]]*\s+|\n\n/g)].map((m) => m.index + m[0].length),
  ];
  let best = 0;
  let bestScore = 0;
  let t = 0;
  for (let s = 0; s < sentenceStarts.length; s++) {
    const to = sentenceStarts[s + 1] ?? body.length;
    const distinct = new Set<string>();
    for (; t < tokens.length && tokens[t]!.start < to; t++) distinct.add(tokens[t]!.term);
    if (distinct.size > bestScore) {
      bestScore = distinct.size;
      best = sentenceStarts[s]!;
    }
  }
  let start = best;
  // A sentence whose first match is far in: start shortly before the match instead.
  const firstMatch = tokens.find((t) => t.start >= start);
  if (firstMatch && firstMatch.start - start > size / 2) {
    const space = body.lastIndexOf(' ', firstMatch.start - 40);
    start = space > start ? space + 1 : start;
  }
  let end = Math.min(body.length, start + size);
  if (end < body.length) {
    const space = body.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const core = body.slice(start, end).replace(/\s+/g, ' ');
  const prefix = start > 0 ? '…' : '';
  const text = `${prefix}${core}${end < body.length ? '…' : ''}`;
  const { ranges } = highlight(core, matched);
  const shifted = ranges.map(([s, e]) => [s + prefix.length, e + prefix.length] as Range);
  return { text, ranges: shifted, html: markedHtml(text, shifted) };
}
