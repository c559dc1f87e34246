/**
 * Typo lookups over a sorted list of strings (the term list, the lexicon, entity name keys):
 * every string within `max` edits of a query, found by walking the list in order with one
 * edit-distance matrix row per character depth. Consecutive strings share prefixes, so only the
 * rows past the shared prefix are recomputed; when a row's minimum already exceeds `max`, every
 * string under that prefix is skipped by galloping search, which is what a walk of a trie does.
 *
 * The distance is optimal string alignment (Damerau–Levenshtein without edits inside a swapped
 * pair): two neighbours swapped ("clinotn") is one typo, as readers make it, not two. Plain
 * Levenshtein is kept for comparisons with MiniSearch, whose radix tree counts a swap as two.
 *
 * Why pruning stays correct with swaps: a swap at row i + 1 costs the cell two rows up plus one,
 * and the cell diagonally below that, in row i, is at most the same (a substitution). So no cell
 * of a row is below the smallest of the row before, and a row above `max` ends its subtree.
 */

export interface WalkOptions {
  /** Count a swap of two neighbours as one edit (default true). */
  transpositions?: boolean;
  /**
   * Match strings that start with something within `max` edits of the query (type-ahead): the
   * distance is then the smallest over the string's prefixes.
   */
  prefix?: boolean;
  /** Stop after this many strings (prefix mode can match whole subtrees). */
  limit?: number;
  /** Walk only the strings at positions [from, to) (a prefix's range). */
  range?: [from: number, to: number];
}

/**
 * The first position after `from` whose string does not start with `prefix` (the string at
 * `from` does). Gallops: a walk skips thousands of small ranges, which a binary search over the
 * whole remaining list would make cost log(size) each.
 */
export function endOfPrefix(list: readonly string[], prefix: string, from: number): number {
  let lo = from + 1;
  let step = 1;
  let hi = lo;
  while (hi < list.length && list[hi]!.startsWith(prefix)) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, list.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.startsWith(prefix)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [position, distance] of every string of the sorted `list` within `max` edits of `query`, in list order. */
export function withinEdits(
  list: readonly string[],
  query: string,
  max: number,
  options: WalkOptions = {},
): Array<[number, number]> {
  const swaps = options.transpositions ?? true;
  const prefix = options.prefix ?? false;
  const limit = options.limit ?? Infinity;
  const out: Array<[number, number]> = [];
  const n = query.length + 1;
  // Strings longer than the query by more than `max` are too far: rows stop there.
  const m = n + max;
  // Distances are kept capped at max + 1 (all that matters is whether they exceed max), so a
  // byte per cell suffices whatever the query's length. Cells outside the band keep the cap.
  const cap = max + 1;
  const matrix = new Uint8Array(m * n).fill(cap);
  for (let j = 0; j < n; ++j) matrix[j] = Math.min(j, cap);
  for (let i = 1; i < m; ++i) matrix[i * n] = Math.min(i, cap);
  // Prefix mode: per depth, the smallest distance of the query to a prefix so far.
  const best = new Uint8Array(m);
  best[0] = matrix[n - 1]!;

  let prev = '';
  let valid = 0;
  const [from, size] = options.range ?? [0, list.length];
  for (let t = from; t < size && out.length < limit; ) {
    const key = list[t]!;
    let k = 0;
    const shared = Math.min(valid, key.length);
    while (k < shared && key.charCodeAt(k) === prev.charCodeAt(k)) k++;
    let pruned = -1;
    for (let i = k + 1; i <= key.length; i++) {
      if (i >= m) {
        pruned = i;
        break;
      }
      const char = key.charCodeAt(i - 1);
      const before = i > 1 ? key.charCodeAt(i - 2) : -1;
      const thisRow = n * i;
      const prevRow = thisRow - n;
      let min = matrix[thisRow]!;
      const jmin = Math.max(0, i - max - 1);
      const jmax = Math.min(n - 1, i + max);
      for (let j = jmin; j < jmax; ++j) {
        // Cell (i, j + 1): the key's first i characters against the query's first j + 1.
        const rpl = matrix[prevRow + j]! + (char === query.charCodeAt(j) ? 0 : 1);
        const del = matrix[prevRow + j + 1]! + 1;
        const ins = matrix[thisRow + j]! + 1;
        let dist = rpl;
        if (del < dist) dist = del;
        if (ins < dist) dist = ins;
        if (swaps && j > 0 && before === query.charCodeAt(j) && char === query.charCodeAt(j - 1)) {
          const swap = matrix[prevRow - n + j - 1]! + 1;
          if (swap < dist) dist = swap;
        }
        if (dist > cap) dist = cap;
        matrix[thisRow + j + 1] = dist;
        if (dist < min) min = dist;
      }
      const last = matrix[thisRow + n - 1]!;
      best[i] = best[i - 1]!;
      if (last < best[i]!) best[i] = last;
      if (min > max) {
        pruned = i;
        break;
      }
    }
    prev = key;
    if (pruned >= 0) {
      valid = pruned - 1;
      const end = Math.min(size, endOfPrefix(list, key.slice(0, pruned), t));
      // Every string under this prefix is as close as the prefix's best: deeper rows are too far.
      const d = best[pruned - 1]!;
      if (prefix && d <= max) for (let u = t; u < end && out.length < limit; u++) out.push([u, d]);
      t = end;
      continue;
    }
    valid = key.length;
    const distance = prefix ? best[key.length]! : matrix[key.length * n + n - 1]!;
    if (distance <= max) out.push([t, distance]);
    t++;
  }
  return out;
}

/** Optimal string alignment distance, capped at max + 1: the reference the walk is tested against. */
export function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, before[j - 2]! + 1);
      row.push(v);
      least = Math.min(least, v);
    }
    if (least > max) return max + 1;
    before = prev;
    prev = row;
  }
  return Math.min(prev[b.length]!, max + 1);
}
