/**
 * Word tokens over a bounded window of the body, with their offsets and the punctuation around
 * them: the tokeniser of quote attribution, which reads a few hundred characters around each
 * quotation mark, many times per article. Why it is not article-tokens.ts: see that file's
 * header.
 */
import { WORD_ABBREVIATIONS } from './abbreviations.js';

export interface WordToken {
  /** The word without surrounding quote marks or punctuation, as written. */
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Punctuation before / after the word ("“", ",", ".”"). */
  pre: string;
  post: string;
}

const LEADING = /^[("“”'‘’`[{\u2014\u2013]+/;
const TRAILING = /[)"“”'’,.;:!?\]}\u2014\u2013]+$/;

/** The words of body[from, to): whitespace-separated, punctuation at either end moved to pre and post. */
export function tokenizeWords(body: string, from: number, to: number): WordToken[] {
  const out: WordToken[] = [];
  const re = /\S+/g;
  const window = body.slice(from, to);
  for (let m = re.exec(window); m; m = re.exec(window)) {
    const raw = m[0];
    const pre = LEADING.exec(raw)?.[0] ?? '';
    let post = raw.length > pre.length ? (TRAILING.exec(raw.slice(pre.length))?.[0] ?? '') : '';
    let text = raw.slice(pre.length, raw.length - post.length);
    // Keep an abbreviation's own period with the word: "Mr.", "U.S.", "A."
    if (post.startsWith('.') && text && isAbbreviation(text)) {
      text += '.';
      post = post.slice(1);
    }
    const start = from + m.index + pre.length;
    out.push({ text, lower: text.toLowerCase(), start, end: start + text.length, pre, post });
  }
  return out;
}

function isAbbreviation(w: string): boolean {
  if (/^[A-Z]$/.test(w)) return true; // an initial
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(w)) return true; // U.S, D.C
  return WORD_ABBREVIATIONS.has(w.toLowerCase());
}

export function endsSentence(t: WordToken): boolean {
  // "(D-Wash.)" closes a parenthesis, not the sentence.
  if (t.pre.includes('(') && /^\.?\)$/.test(t.post)) return false;
  return /[.!?]['"”’)\]]*$/.test(t.post);
}

export function isCapitalized(t: WordToken): boolean {
  return /^[A-Z\u00C0-\u00DE]/.test(t.text);
}
