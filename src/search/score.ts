/**
 * Scoring a query over the compact index: MiniSearch's own ranking (BM25 with its parameters,
 * its prefix and typo weights, its field boosts, its "more query words matched scores higher"
 * factor), computed into typed arrays instead of one Map entry and three small objects per
 * matching document. Large match sets ("inc", "said the") are what made MiniSearch's tail
 * latency; here they cost one multiply-add per posting. Additions happen in MiniSearch's order,
 * so scores are bit-for-bit its scores: test/node/compact-index.test.ts compares them with stock
 * MiniSearch on the same documents.
 */
import type { LoadedIndex } from '../index/load.js';
import { FIELD_BOOSTS, SEARCH_FIELDS } from '../index/options.js';
import type { TermIndex } from '../index/terms.js';

/** MiniSearch 7.2's defaults (defaultBM25params, defaultSearchOptions.weights). */
const K = 1.2;
const B = 0.7;
const D = 0.5;
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;
const BOOSTS = SEARCH_FIELDS.map((f) => FIELD_BOOSTS[f]);
const FIELDS = SEARCH_FIELDS.length;
const TITLE = SEARCH_FIELDS.indexOf('title');

/** One query word: matched exactly, and within `fuzzy` edits and as a prefix when asked. */
export interface TermSpec {
  term: string;
  fuzzy: number;
  prefix: boolean;
  /** Typos only after the first letter (or a swap of the first two): see TermIndex.fuzzyTerms. */
  anchored?: boolean;
}

export interface Expansion {
  /** Position in the term index. */
  term: number;
  weight: number;
}

export interface Scored {
  /** Matching documents, in the order MiniSearch would list them before sorting. */
  docs: Uint32Array;
  scores: Float64Array;
  /** The sums before the multiplication by the number of words matched. */
  totals: Float64Array;
  /** Per document, bit i set when it matched query word i (equal words share a bit). */
  masks: Uint32Array;
  /** Per document, how many distinct query words it matched (the bits set in its mask). */
  matched: Uint8Array;
  /** Every query word's bit. */
  allBits: number;
  /** Bit of each spec, in spec order. */
  bits: number[];
  /** Per document, the bits of the query words its title matched. */
  titleMasks: Uint32Array;
  /** Index term position → the bits of the query words that expanded to it (exactly, by typo or prefix). */
  termBits: Map<number, number>;
  /** Each query word's terms, with their weights. */
  expansions: Expansion[][];
  /** The index terms (after expansion) a document matched: what highlights mark. */
  termsOf(doc: number): Set<string>;
}

/**
 * What each query word expands to, as terms and weights, keyed by specKey: decided once, on the
 * whole corpus's term list, and handed to every shard, so that shards holding only their own
 * terms score exactly the terms one index would. The any-word fallback's widened words are keyed
 * the same way (their lists already cut to the terms it keeps: see widenScores).
 */
export type Expansions = Record<string, Array<[term: string, weight: number]>>;

export const specKey = (spec: TermSpec): string =>
  `${spec.term}\u0000${spec.fuzzy}\u0000${spec.prefix ? 1 : 0}\u0000${spec.anchored ? 1 : 0}`;

/** Whether a word expands beyond itself (typos, prefixes): only then must the corpus's term list decide. */
export const expands = (spec: TermSpec): boolean => spec.fuzzy > 0 || spec.prefix;

/** The words' expansions over this index's terms, by term: what a shard is handed. */
export function expandSpecs(
  terms: TermIndex,
  specs: TermSpec[],
  keep: (term: number) => boolean = () => true,
  into: Expansions = {},
): Expansions {
  for (const spec of specs)
    into[specKey(spec)] = expand(terms, spec)
      .filter((e) => keep(e.term))
      .map((e) => [terms.terms[e.term]!, e.weight]);
  return into;
}

/** Expansions decided elsewhere, as positions in this index's terms (terms it lacks are left out). */
function given(terms: TermIndex, list: Array<[string, number]>): Expansion[] {
  const out: Expansion[] = [];
  for (const [term, weight] of list) {
    const i = terms.indexOf(term);
    if (i >= 0) out.push({ term: i, weight });
  }
  return out;
}

/** A word's terms: handed (decided on the whole corpus) when it was, else expanded here. */
function expansionOf(terms: TermIndex, spec: TermSpec, handed?: Expansions): Expansion[] {
  const list = handed?.[specKey(spec)];
  return list ? given(terms, list) : expand(terms, spec);
}

/** The terms one word expands to, with MiniSearch's weights (executeQuerySpec). */
function expand(terms: TermIndex, spec: TermSpec): Expansion[] {
  const out: Expansion[] = [];
  const exact = terms.indexOf(spec.term);
  if (exact >= 0) out.push({ term: exact, weight: 1 });
  const fuzzy = spec.fuzzy > 0 ? terms.fuzzyTerms(spec.term, spec.fuzzy, spec.anchored) : [];
  if (spec.prefix) {
    const inPrefix = new Set<number>();
    for (const i of terms.prefixTerms(spec.term)) {
      const length = terms.terms[i]!.length;
      const distance = length - spec.term.length;
      if (!distance) continue;
      inPrefix.add(i);
      out.push({ term: i, weight: (PREFIX_WEIGHT * length) / (length + 0.3 * distance) });
    }
    // A term both under the prefix and within the distance is scored as a prefix match only.
    for (let k = fuzzy.length - 1; k >= 0; k--) if (inPrefix.has(fuzzy[k]![0])) fuzzy.splice(k, 1);
  }
  for (const [i, distance] of fuzzy) {
    if (!distance) continue;
    const length = terms.terms[i]!.length;
    out.push({ term: i, weight: (FUZZY_WEIGHT * length) / (length + distance) });
  }
  return out;
}

/** Per-index scratch arrays, reused by every query: search is synchronous, so one at a time. */
interface Scratch {
  total: Float64Array;
  spec: Float64Array;
  mask: Uint32Array;
  title: Uint32Array;
  seen: Uint32Array;
  /** widenScores: a document's position + 1 in the strict arrays (0 elsewhere). */
  pos: Uint32Array;
  stamp: number;
}
const scratches = new WeakMap<LoadedIndex, Scratch>();

function scratchFor(index: LoadedIndex): Scratch {
  let s = scratches.get(index);
  if (!s) {
    const n = index.docs.count;
    s = {
      total: new Float64Array(n),
      spec: new Float64Array(n),
      mask: new Uint32Array(n),
      title: new Uint32Array(n),
      seen: new Uint32Array(n),
      pos: new Uint32Array(n),
      stamp: 0,
    };
    scratches.set(index, s);
  }
  return s;
}

/**
 * `handed`: expansions decided on the whole corpus (a shard's query); words without one expand
 * here. Terms are added in the order they are listed, which is the order one index adds them in,
 * so sums (and so scores) are bit for bit the same.
 */
export function scoreQuery(index: LoadedIndex, specs: TermSpec[], handed?: Expansions): Scored {
  const s = scratchFor(index);
  const bitOf = new Map<string, number>();
  const bits = specs.map((spec) => {
    let bit = bitOf.get(spec.term);
    if (bit === undefined) bitOf.set(spec.term, (bit = 1 << bitOf.size));
    return bit;
  });
  const expansions = specs.map((spec) => expansionOf(index.terms, spec, handed));
  const touched: number[] = [];
  const termBits = new Map<number, number>();
  specs.forEach((_, k) => {
    addWord(index, s, expansions[k]!, bits[k]!, touched, termBits);
  });
  return collect(index, s, touched, bits, expansions, termBits);
}

/**
 * The scores of `strict` with some words' typo budgets widened (`specs`: the same words, larger
 * budgets): only the terms the wider budgets add are scored, and their contributions are added
 * to the documents' sums. The any-word fallback uses it, so that a query's common words are not
 * scored twice. The strict documents keep their positions; documents only the added terms
 * matched come after them.
 */
export function widenScores(
  index: LoadedIndex,
  strict: Scored,
  /** The specs `strict` was scored with, and the same with some budgets widened. */
  before: TermSpec[],
  specs: TermSpec[],
  /** Which added terms to score (by position in the term index); a handed list was cut already. */
  keep: (term: number) => boolean = () => true,
  handed?: Expansions,
): Scored {
  const added = strict.expansions.map((list, k) => {
    if (specs[k]!.fuzzy === before[k]!.fuzzy) return [];
    const had = new Set(list.map((e) => e.term));
    const widened = handed?.[specKey(specs[k]!)];
    return widened
      ? given(index.terms, widened).filter((e) => !had.has(e.term))
      : expand(index.terms, specs[k]!).filter((e) => !had.has(e.term) && keep(e.term));
  });
  if (added.every((a) => a.length === 0)) return strict;
  const s = scratchFor(index);
  // The added terms alone, into clean sums: usually a few rare words' postings.
  const touched: number[] = [];
  const termBits = new Map(strict.termBits);
  added.forEach((terms, k) => {
    if (terms.length > 0) addWord(index, s, terms, strict.bits[k]!, touched, termBits);
  });
  // Then patched into copies of the strict arrays: a common word's thousands of documents are
  // copied, not scored or collected again.
  const count = strict.docs.length;
  for (let i = 0; i < count; i++) s.pos[strict.docs[i]!] = i + 1;
  const fresh = touched.filter((doc) => s.pos[doc] === 0);
  const grow = <T extends Uint8Array | Uint32Array | Float64Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(count + fresh.length);
    out.set(a);
    return out;
  };
  const docs = grow(strict.docs);
  const totals = grow(strict.totals);
  const scores = grow(strict.scores);
  const masks = grow(strict.masks);
  const matched = grow(strict.matched);
  const titleMasks = grow(strict.titleMasks);
  fresh.forEach((doc, k) => {
    docs[count + k] = doc;
    s.pos[doc] = count + k + 1;
  });
  for (const doc of touched) {
    const i = s.pos[doc]! - 1;
    totals[i] = totals[i]! + s.total[doc]!;
    masks[i] = masks[i]! | s.mask[doc]!;
    titleMasks[i] = titleMasks[i]! | s.title[doc]!;
    matched[i] = popcount(masks[i]!);
    scores[i] = totals[i]! * matched[i]!;
    s.mask[doc] = 0;
    s.title[doc] = 0;
  }
  for (let i = 0; i < docs.length; i++) s.pos[docs[i]!] = 0;
  const expansions = strict.expansions.map((list, k) => [...list, ...added[k]!]);
  return {
    docs,
    scores,
    totals,
    masks,
    matched,
    allBits: strict.allBits,
    bits: strict.bits,
    titleMasks,
    termBits,
    expansions,
    termsOf: termsOfDocs(index, expansions),
  };
}

/** Adds one query word's terms to the documents' sums (MiniSearch's order of additions). */
function addWord(
  index: LoadedIndex,
  s: Scratch,
  expansions: Expansion[],
  bit: number,
  touched: number[],
  termBits: Map<number, number>,
): void {
  const { terms, fieldLengths, liveStats } = index;
  // Corpus-wide statistics: a shard scores its documents exactly as the whole index would; an
  // index with pending live updates, as the base and the updates together.
  const n = liveStats?.documents ?? index.totalDocuments;
  const avgFieldLength = liveStats?.avgFieldLength ?? index.avgFieldLength;
  const stamp = ++s.stamp;
  const inSpec: number[] = [];
  for (const e of expansions) {
    termBits.set(e.term, (termBits.get(e.term) ?? 0) | bit);
    const postings = terms.postings(e.term);
    for (let f = 0; f < FIELDS; f++) {
      const p = postings[f];
      if (!p) continue;
      if (f === TITLE) for (const doc of p.docs) s.title[doc] = s.title[doc]! | bit;
      const { docs, tfs } = p;
      const matching = liveStats ? liveStats.df(e.term, f, p.df) : p.df;
      const avg = avgFieldLength[f]!;
      // calcBM25Score's expression, term by term, so that results match MiniSearch's exactly.
      const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
      const weight = e.weight * 1 * BOOSTS[f]! * 1;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        const tf = tfs[i]!;
        const raw =
          idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * fieldLengths[doc * FIELDS + f]!) / avg)));
        const weighted = weight * raw;
        if (s.seen[doc] !== stamp) {
          s.seen[doc] = stamp;
          s.spec[doc] = weighted;
          inSpec.push(doc);
        } else {
          s.spec[doc] = s.spec[doc]! + weighted;
        }
      }
    }
  }
  for (const doc of inSpec) {
    if (s.mask[doc] === 0) {
      s.total[doc] = s.spec[doc]!;
      touched.push(doc);
    } else {
      s.total[doc] = s.total[doc]! + s.spec[doc]!;
    }
    s.mask[doc] = s.mask[doc]! | bit;
  }
}

/** The touched documents' sums as a Scored, the scratch arrays left clean for the next query. */
function collect(
  index: LoadedIndex,
  s: Scratch,
  touched: number[],
  bits: number[],
  expansions: Expansion[][],
  termBits: Map<number, number>,
): Scored {
  // Wrap the stamp long before it overflows a Uint32.
  if (s.stamp > 0xfffffff0) {
    s.seen.fill(0);
    s.stamp = 0;
  }
  const docs = Uint32Array.from(touched);
  const totals = new Float64Array(docs.length);
  const scores = new Float64Array(docs.length);
  const masks = new Uint32Array(docs.length);
  const matched = new Uint8Array(docs.length);
  const titleMasks = new Uint32Array(docs.length);
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    const mask = s.mask[doc]!;
    masks[i] = mask;
    matched[i] = popcount(mask);
    titleMasks[i] = s.title[doc]!;
    s.title[doc] = 0;
    totals[i] = s.total[doc]!;
    // MiniSearch multiplies by the number of distinct query words matched.
    scores[i] = s.total[doc]! * matched[i]!;
    s.mask[doc] = 0;
  }
  let allBits = 0;
  for (const bit of bits) allBits |= bit;
  return {
    docs,
    scores,
    totals,
    masks,
    matched,
    allBits,
    bits,
    titleMasks,
    termBits,
    expansions,
    termsOf: termsOfDocs(index, expansions),
  };
}

/** The index terms of `expansions` a document holds: what its highlights mark. */
function termsOfDocs(index: LoadedIndex, expansions: Expansion[][]): (doc: number) => Set<string> {
  const { terms } = index;
  return (doc) => {
    const out = new Set<string>();
    for (const list of expansions) {
      for (const e of list) {
        if (terms.postings(e.term).some((p) => p?.has(doc))) out.add(terms.terms[e.term]!);
      }
    }
    return out;
  };
}

export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
