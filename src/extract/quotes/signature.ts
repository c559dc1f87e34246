/**
 * Quotations signed with a dash and a name, as fact-check pieces and collected reader or
 * voter comments print them.
 */
import type { Attribution } from './attribution.js';

import type { Paragraph } from './marks.js';

/** A dash, a name of up to five capitalised words, and maybe a short description after a comma. */
const SIGNED_NAME = String.raw`\p{Lu}[\p{L}.'’-]*?(?: \p{Lu}[\p{L}.'’-]*?){0,4}`;
const SIGNATURE = new RegExp(
  String.raw`^([-\u2013\u2014\u2015]{1,2}\s?)(${SIGNED_NAME})(?:,\s[^"“”\n]{1,80}?)?\.?$`,
  'u',
);

/**
 * A quotation paragraph signed with a dash and a name, `- Ann Lee.`: in the next
 * paragraph, as fact-check pieces print them, or right after the closing mark, as collected
 * reader or voter comments are printed (`"…" ― Ann Lee`).
 */
export function signature(body: string, next: Paragraph | undefined): Attribution | null {
  if (!next) return null;
  const m = SIGNATURE.exec(body.slice(next.start, next.end).trim());
  if (!m) return null;
  const speakerStart = body.indexOf(m[2]!, next.start);
  return { speakerStart, speakerEnd: speakerStart + m[2]!.length, cue: null, end: next.end };
}

/**
 * A paragraph that opens with a quote mark and ends `…” ― Ann Lee` is one signed quotation
 * from its first mark to the mark before the signature, even when it quotes someone else
 * inside with the same double marks (`…less than the “fair share” they promised…”`), which would
 * otherwise pair up wrongly.
 */
export function signedParagraph(
  body: string,
  para: Paragraph,
): { end: number; attribution: Attribution } | null {
  const text = body.slice(para.start, para.end);
  const m = /["”]\s*(?=[-\u2013\u2014\u2015]{1,2}\s?\p{Lu}[^"“”]*$)/u.exec(text);
  if (!m) return null;
  const end = para.start + m.index + 1;
  const attribution = signature(body, { start: end, end: para.end });
  return attribution ? { end, attribution } : null;
}
