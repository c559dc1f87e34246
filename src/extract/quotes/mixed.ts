/**
 * Mixed quotations that a speech verb hands the sentence to: `Ann Lee said "the rules" were
 * unclear to everyone.` The quoted words open what the speaker said and the reporter's words
 * finish it, so the quotation runs from the opening mark to the end of the sentence (as
 * PolNeAR's annotators mark such content), not just to the closing mark.
 */

import { endsSentence, tokenizeWords } from '../text/word-tokens.js';
import type { Attribution } from './attribution.js';
import { WEAK_CUES } from './cues.js';

/**
 * The cue sits right before the opening mark (`said "…"`, `claimed "…"`, no object between)
 * and the quote closes inside its sentence. Naming cues (`called "…"`, `described "…"`) label
 * rather than report, and `according to "…"` names a source document, so neither qualifies.
 */
export function spokenIntoSentence(body: string, a: Attribution, quoteEnd: number): boolean {
  if (a.object || WEAK_CUES.has(a.cue ?? '') || a.cue === 'according to') return false;
  const closesSentence =
    /[.!?]['"”’]*$/.test(body.slice(quoteEnd - 4, quoteEnd)) ||
    /^[.!?]/.test(body.slice(quoteEnd, quoteEnd + 1));
  return !closesSentence;
}

/**
 * Where the sentence that goes on at `from` ends, before its final period (a closing mark
 * after the period stays in); the paragraph end when the sentence is cut off.
 */
export function sentenceEndAfter(body: string, from: number, to: number): number | null {
  const toks = tokenizeWords(body, from, to);
  const t = toks.find((x) => endsSentence(x));
  if (!t) return toks.length ? toks.at(-1)!.end : null;
  return /^[.!?]$/.test(t.post) ? t.end : t.end + t.post.length;
}
