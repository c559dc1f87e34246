/**
 * The term dictionary of a loaded index: every indexed term in one sorted array, with its posting
 * list's place in the postings bytes and its document frequency. It answers what MiniSearch asks
 * of its radix tree (exact, prefix and within-distance lookups) while loading costs one JSON
 * array instead of a tree of a million objects. Unlike MiniSearch, a swap of two neighbours is
 * one edit (./edit-walk.ts): "clinotn" is one typo from "clinton", as a reader made it.
 *
 * Expansions are bounded: MiniSearch scores every term under a prefix and every term within the
 * edit distance, and "sta" while typing reaches thousands of terms. Kept are the terms readers
 * most likely mean (closest, then most frequent), more of them the longer the word typed.
 */
import { withinEdits } from './edit-walk.js';
import { decodeTerm, type Postings } from './postings.js';
import { lowerBound } from './sorted.js';

export function maxPrefixExpansions(prefix: string): number {
  return prefix.length <= 3 ? 40 : prefix.length === 4 ? 80 : 150;
}
export const MAX_FUZZY_EXPANSIONS = 30;

export interface ExpansionLimits {
  prefix: (prefix: string) => number;
  fuzzy: number;
  /** Whether a swap of neighbours is one edit (false: Levenshtein, as stock MiniSearch counts). */
  transpositions: boolean;
}

const BOUNDED: ExpansionLimits = {
  prefix: maxPrefixExpansions,
  fuzzy: MAX_FUZZY_EXPANSIONS,
  transpositions: true,
};
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

  /** Positions of the terms starting with `prefix` (the prefix itself included), bounded. */
  prefixTerms(prefix: string): number[] {
    const [lo, hi] = this.prefixRange(prefix);
    const picked = Array.from({ length: hi - lo }, (_, k) => lo + k);
    const max = this.limits.prefix(prefix);
    return picked.length > max ? picked.sort((a, b) => this.df[b]! - this.df[a]!).slice(0, max) : picked;
  }

  /**
   * [position, distance] of the terms within `maxDistance` edits (the term itself included),
   * bounded. `anchored`: only terms that start with the word's first or second letter (a typo
   * after the first letter, or a swap of the first two), which walks a small part of the list.
   */
  fuzzyTerms(term: string, maxDistance: number, anchored = false): Array<[number, number]> {
    const found = this.withinDistance(term, maxDistance, anchored);
    if (found.length <= this.limits.fuzzy) return found;
    return found.sort((a, b) => a[1] - b[1] || this.df[b[0]]! - this.df[a[0]]!).slice(0, this.limits.fuzzy);
  }

  /** Every term within `maxDistance` edits of `query`, as [term position, distance] (see ./edit-walk.ts). */
  withinDistance(query: string, maxDistance: number, anchored = false): Array<[number, number]> {
    const transpositions = this.limits.transpositions;
    if (!anchored || query.length < 2) return withinEdits(this.terms, query, maxDistance, { transpositions });
    const starts = query[0] === query[1] ? [query[0]!] : [query[0]!, query[1]!];
    return starts
      .flatMap((c) =>
        withinEdits(this.terms, query, maxDistance, { transpositions, range: this.prefixRange(c) }),
      )
      .sort((a, b) => a[0] - b[0]);
  }
}
