/** Binary search over anything sorted by UTF-16 code units: the term list, the lexicon, name keys. */

/** The first position in [from, length) whose key is >= `key`. */
export function lowerBound(length: number, keyAt: (i: number) => string, key: string, from = 0): number {
  let lo = from;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyAt(mid) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
