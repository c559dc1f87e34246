/**
 * Highlighted text as DOM nodes. Marks come from the API's offsets over the plain text, never
 * from its HTML form, so everything the index holds can only ever become text nodes.
 */
import type { Highlights } from './client.js';

/** Sorted, in bounds, non-overlapping; anything else is dropped rather than trusted. */
export function cleanRanges(ranges: unknown, length: number): Array<[number, number]> {
  if (!Array.isArray(ranges)) return [];
  const sorted = ranges
    .filter(
      (r): r is [number, number] => Array.isArray(r) && Number.isInteger(r[0]) && Number.isInteger(r[1]),
    )
    .map(([s, e]): [number, number] => [Math.max(0, s), Math.min(length, e)])
    .filter(([s, e]) => s < e)
    .sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}

export function highlighted(
  doc: Document,
  text: string,
  highlight: Highlights | undefined,
  field: string,
): DocumentFragment {
  const frag = doc.createDocumentFragment();
  let at = 0;
  for (const [s, e] of cleanRanges(highlight?.[field]?.ranges, text.length)) {
    if (s > at) frag.append(text.slice(at, s));
    const mark = doc.createElement('mark');
    mark.setAttribute('part', 'mark');
    mark.textContent = text.slice(s, e);
    frag.append(mark);
    at = e;
  }
  if (at < text.length) frag.append(text.slice(at));
  return frag;
}
