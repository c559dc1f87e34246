/** Word tokens over a bounded window of the body, with their offsets and punctuation. */

import { ABBREVIATIONS } from '../quotes/lexicon.js';

export interface Tok {
  /** The word without surrounding quote marks or punctuation, as written. */
  w: string;
  lw: string;
  start: number;
  end: number;
  /** Punctuation before / after the word ("“", ",", ".”"). */
  pre: string;
  post: string;
}

const LEADING = /^[("“”'‘’`[{\u2014\u2013]+/;
const TRAILING = /[)"“”'’,.;:!?\]}\u2014\u2013]+$/;

export function tokenize(body: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  const re = /\S+/g;
  const text = body.slice(from, to);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const pre = LEADING.exec(raw)?.[0] ?? '';
    let post = raw.length > pre.length ? (TRAILING.exec(raw.slice(pre.length))?.[0] ?? '') : '';
    let w = raw.slice(pre.length, raw.length - post.length);
    // Keep an abbreviation's own period with the word: "Mr.", "U.S.", "A."
    if (post.startsWith('.') && w && isAbbreviation(w)) {
      w += '.';
      post = post.slice(1);
    }
    const start = from + m.index + pre.length;
    out.push({ w, lw: w.toLowerCase(), start, end: start + w.length, pre, post });
  }
  return out;
}

function isAbbreviation(w: string): boolean {
  if (/^[A-Z]$/.test(w)) return true; // an initial
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(w)) return true; // U.S, D.C
  return ABBREVIATIONS.has(w.toLowerCase());
}

export function endsSentence(t: Tok): boolean {
  // "(D-Wash.)" closes a parenthesis, not the sentence.
  if (t.pre.includes('(') && /^\.?\)$/.test(t.post)) return false;
  return /[.!?]['"”’)\]]*$/.test(t.post);
}

/**
 * `…because "men should not be there." Cruz says, "…"`: a quote inside a sentence that closes
 * on a period ends that sentence, so the words after it start a new one.
 */
export function endsWithPeriod(body: string, end: number): boolean {
  return /\.['"”’]+$/.test(body.slice(Math.max(0, end - 4), end));
}

/** Opens a quotation: the next quoted piece starts here. */
export function opensQuote(t: Tok): boolean {
  return /["“”']/.test(t.pre);
}

export function isCapitalized(t: Tok): boolean {
  return /^[A-Z\u00C0-\u00DE]/.test(t.w);
}
