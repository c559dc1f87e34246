/**
 * The term dictionary of a loaded index: every indexed term in one sorted array, with its posting
 * list's place in the postings bytes and its document frequency. It answers what MiniSearch asks
 * of its radix tree (exact, prefix and within-distance lookups) while loading costs one JSON
 * array instead of a tree of a million objects.
 *
 * Expansions are bounded: MiniSearch scores every term under a prefix and every term within the
 * edit distance, and "sta" while typing reaches thousands of terms. Kept are the terms readers
 * most likely mean (closest, then most frequent), more of them the longer the word typed.
 */
import { decodeTerm, type Postings } from './postings.js';
import { lowerBound } from './sorted.js';

export function maxPrefixExpansions(prefix: string): number {
  return prefix.length <= 3 ? 40 : prefix.length === 4 ? 80 : 150;
}
export const MAX_FUZZY_EXPANSIONS = 30;

export interface ExpansionLimits {
  prefix: (prefix: string) => number;
  fuzzy: number;
}

const BOUNDED: ExpansionLimits = { prefix: maxPrefixExpansions, fuzzy: MAX_FUZZY_EXPANSIONS };
/** Decoded posting lists kept for the next queries: common words recur across queries. */
const CACHE_TERMS = 256;

export class TermIndex {
  private readonly cache = new Map<number, Postings>();

  constructor(
    readonly terms: string[],
    readonly offsets: Uint32Array,
    readonly bytes: Uint8Array,
    readonly df: Uint32Array,
    readonly limits: ExpansionLimits = BOUNDED,
  ) {}

  get size(): number {
    return this.terms.length;
  }

  /** Position of the first term >= key. */
  lowerBound(key: string, from = 0): number {
    return lowerBound(this.terms.length, (i) => this.terms[i]!, key, from);
  }

  indexOf(term: string): number {
    const i = this.lowerBound(term);
    return this.terms[i] === term ? i : -1;
  }

  postings(i: number): Postings {
    let hit = this.cache.get(i);
    if (hit) {
      this.cache.delete(i);
      this.cache.set(i, hit);
      return hit;
    }
    hit = decodeTerm(this.bytes, this.offsets[i]!);
    if (this.cache.size >= CACHE_TERMS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(i, hit);
    return hit;
  }

  /** [first, end) of the terms starting with `prefix`. */
  prefixRange(prefix: string, from = 0): [number, number] {
    const lo = this.lowerBound(prefix, from);
    let hi = lo;
    // Most prefixes cover few terms: step first, search only when the range is long.
    while (hi < this.terms.length && hi - lo < 8 && this.terms[hi]!.startsWith(prefix)) hi++;
    if (hi - lo < 8 || hi === this.terms.length) return [lo, hi];
    let end = this.terms.length;
    while (hi < end) {
      const mid = (hi + end) >>> 1;
      if (this.terms[mid]!.startsWith(prefix)) hi = mid + 1;
      else end = mid;
    }
    return [lo, hi];
  }

  /**
   * The first position after `from` whose term does not start with `prefix` (terms[from] does).
   * Gallops: the fuzzy walk skips thousands of small ranges, which a search over the whole
   * remaining list would make cost log(terms) each.
   */
  endOfPrefix(prefix: string, from: number): number {
    const terms = this.terms;
    let lo = from + 1;
    let step = 1;
    let hi = lo;
    while (hi < terms.length && terms[hi]!.startsWith(prefix)) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    hi = Math.min(hi, terms.length);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid]!.startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Positions of the terms starting with `prefix` (the prefix itself included), bounded. */
  prefixTerms(prefix: string): number[] {
    const [lo, hi] = this.prefixRange(prefix);
    const picked = Array.from({ length: hi - lo }, (_, k) => lo + k);
    const max = this.limits.prefix(prefix);
    return picked.length > max ? picked.sort((a, b) => this.df[b]! - this.df[a]!).slice(0, max) : picked;
  }

  /** [position, distance] of the terms within `maxDistance` edits (the term itself included), bounded. */
  fuzzyTerms(term: string, maxDistance: number): Array<[number, number]> {
    const found = this.withinDistance(term, maxDistance);
    if (found.length <= this.limits.fuzzy) return found;
    return found.sort((a, b) => a[1] - b[1] || this.df[b[0]]! - this.df[a[0]]!).slice(0, this.limits.fuzzy);
  }

  /**
   * Every term within `maxDistance` edits (Levenshtein) of `query`, as [term position, distance].
   * Walks the sorted terms keeping one matrix row per character depth: consecutive terms share
   * prefixes, so only the rows past the shared prefix are recomputed, and when a row already
   * exceeds the distance every term with that prefix is skipped by binary search, which is what
   * a walk of a trie would do. Same banded matrix as MiniSearch's fuzzySearch.
   */
  withinDistance(query: string, maxDistance: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const n = query.length + 1;
    const m = n + maxDistance;
    const matrix = new Uint8Array(m * n).fill(maxDistance + 1);
    for (let j = 0; j < n; ++j) matrix[j] = j;
    for (let i = 1; i < m; ++i) matrix[i * n] = i;

    const terms = this.terms;
    let prev = '';
    let valid = 0;
    for (let t = 0; t < terms.length; ) {
      const term = terms[t]!;
      let k = 0;
      const shared = Math.min(valid, term.length);
      while (k < shared && term.charCodeAt(k) === prev.charCodeAt(k)) k++;
      let pruned = -1;
      for (let i = k + 1; i <= term.length; i++) {
        if (i >= m) {
          pruned = i;
          break;
        }
        const char = term.charCodeAt(i - 1);
        const thisRow = n * i;
        const prevRow = thisRow - n;
        let min = matrix[thisRow]!;
        const jmin = Math.max(0, i - maxDistance - 1);
        const jmax = Math.min(n - 1, i + maxDistance);
        for (let j = jmin; j < jmax; ++j) {
          const rpl = matrix[prevRow + j]! + (char === query.charCodeAt(j) ? 0 : 1);
          const del = matrix[prevRow + j + 1]! + 1;
          const ins = matrix[thisRow + j]! + 1;
          const dist = (matrix[thisRow + j + 1] = Math.min(rpl, del, ins));
          if (dist < min) min = dist;
        }
        if (min > maxDistance) {
          pruned = i;
          break;
        }
      }
      prev = term;
      if (pruned >= 0) {
        valid = pruned - 1;
        t = this.endOfPrefix(term.slice(0, pruned), t);
        continue;
      }
      valid = term.length;
      const distance = matrix[term.length * n + n - 1]!;
      if (distance <= maxDistance) out.push([t, distance]);
      t++;
    }
    return out;
  }
}
