/**
 * The compact index (format 2) and its scorer must answer exactly as MiniSearch would on the
 * same documents: same documents, same scores, same matched words and terms, for exact words,
 * prefixes, typos and several words. Expansion bounds are lifted and typos are counted as
 * Levenshtein distances here, as stock MiniSearch counts them; a swap of neighbours as one edit
 * (what the served index does) is tested against a brute-force distance in edit-walk.test.ts.
 */
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareCorpus } from '../../src/build/build.js';
import { toIndexDocs } from '../../src/index/index-docs.js';
import { invert } from '../../src/index/invert.js';
import { type LoadedIndex, loadIndex } from '../../src/index/load.js';
import { memorySource } from '../../src/index/memory-source.js';
import { type IndexDoc, indexOptions } from '../../src/index/options.js';
import { packSections, Sections } from '../../src/index/sections.js';
import { serializeIndex } from '../../src/index/serialize.js';
import { TermIndex } from '../../src/index/terms.js';
import type { Corpus } from '../../src/model/corpus.js';
import { defaultExtractor } from '../../src/pipeline/default-extractor.js';
import { scoreQuery, type TermSpec } from '../../src/search/score.js';
import { search } from '../../src/search/search.js';

const root = new URL('../../', import.meta.url).pathname;
let corpus: Corpus;
let index: LoadedIndex;
let stock: MiniSearch<IndexDoc>;
let keys: string[];
let unbounded: LoadedIndex;

beforeAll(async () => {
  corpus = (await prepareCorpus({ inputs: [`${root}index-data/articles`], extractor: defaultExtractor }))
    .corpus;
  index = await loadIndex(memorySource(await serializeIndex(corpus, { sources: [], skipped: 0 })));
  const docs = toIndexDocs(corpus);
  keys = docs.map((d) => d.id);
  stock = new MiniSearch(indexOptions);
  stock.addAll(docs);
  const t = index.terms;
  unbounded = {
    ...index,
    // Levenshtein distances, as MiniSearch's radix tree counts them (a swap is two edits there).
    terms: new TermIndex(t.terms, t.offsets, t.bytes, t.df, {
      prefix: () => Infinity,
      fuzzy: Infinity,
      transpositions: false,
    }),
  };
}, 120_000);

const QUERIES: TermSpec[][] = [
  [{ term: 'harbor', fuzzy: 0, prefix: false }],
  [
    { term: 'harbor', fuzzy: 0, prefix: false },
    { term: 'bridge', fuzzy: 1, prefix: false },
  ],
  [
    { term: 'harbor', fuzzy: 0, prefix: false },
    { term: 'bridge', fuzzy: 0, prefix: false },
    { term: 'council', fuzzy: 1, prefix: true },
  ],
  [{ term: 'brid', fuzzy: 0, prefix: true }],
  [{ term: 'ha', fuzzy: 0, prefix: true }],
  [{ term: 'councel', fuzzy: 1, prefix: false }],
  [{ term: 'minstr', fuzzy: 2, prefix: false }],
  [
    { term: 'mayor', fuzzy: 0, prefix: false },
    { term: 'danel', fuzzy: 1, prefix: true },
  ],
  [
    { term: 'the', fuzzy: 0, prefix: false },
    { term: 'of', fuzzy: 0, prefix: false },
    { term: 'the', fuzzy: 0, prefix: false },
  ],
  [{ term: 'kovacevic', fuzzy: 0, prefix: false }],
  [{ term: 'zzzz', fuzzy: 1, prefix: false }],
];

describe('compact index (format 2)', () => {
  // Expanded terms are visited in sorted order rather than the tree's, so sums may differ in the
  // last bit: scores are compared to 12 significant digits.
  const rounded = (score: number) => Number(score.toPrecision(12));

  it.each(
    QUERIES.map(
      (specs) =>
        [
          specs.map((s) => `${s.term}${s.prefix ? '*' : ''}${s.fuzzy ? `~${s.fuzzy}` : ''}`).join(' '),
          specs,
        ] as const,
    ),
  )('scores %s as stock MiniSearch does', (_, specs) => {
    const query = {
      combineWith: 'OR',
      queries: specs.map((s) => ({ queries: [s.term], fuzzy: s.fuzzy || false, prefix: s.prefix })),
    } as const;
    const want = stock
      .search(query)
      .map((r) => [r.id, rounded(r.score), [...r.queryTerms].sort(), [...r.terms].sort()])
      .sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const scored = scoreQuery(unbounded, specs);
    const got = [...scored.docs]
      .map((doc, i) => {
        const words = specs.filter((_, k) => scored.masks[i]! & scored.bits[k]!).map((s) => s.term);
        return [
          keys[doc],
          rounded(scored.scores[i]!),
          [...new Set(words)].sort(),
          [...scored.termsOf(doc)].sort(),
        ];
      })
      .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    if (specs[0]!.term !== 'zzzz') expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(want);
  });

  it('inverts documents exactly as MiniSearch indexes them: postings, field lengths, their averages', () => {
    const inverted = invert(toIndexDocs(corpus));
    const internals = stock as unknown as {
      _index: Iterable<[string, Map<number, Map<number, number>>]>;
      _fieldLength: Map<number, number[]>;
      _avgFieldLength: number[];
    };
    const theirs = new Map(internals._index);
    expect(inverted.entries.map(([t]) => t)).toEqual([...theirs.keys()].sort());
    for (const [term, data] of inverted.entries) {
      const asMaps = new Map(
        data.flatMap((postings, field) =>
          postings
            ? [[field, new Map(postings.flatMap((v, i) => (i % 2 ? [] : [[v, postings[i + 1]!]])))] as const]
            : [],
        ),
      );
      expect(asMaps, term).toEqual(theirs.get(term));
    }
    expect(inverted.fieldLength).toEqual(internals._fieldLength);
    // Bit-equal floats, not close ones: BM25 divides by them.
    expect(inverted.avgFieldLength).toStrictEqual(internals._avgFieldLength);
    expect(inverted.documentCount).toBe(stock.documentCount);
  });

  it('finds every term within the edit distance, as the radix tree does', () => {
    const tree = (
      stock as unknown as { _index: { fuzzyGet(t: string, d: number): Map<string, [unknown, number]> } }
    )._index;
    for (const [q, d] of [
      ['harbr', 1],
      ['councilor', 2],
      ['a', 1],
      ['bridges', 2],
      ['xq', 2],
    ] as const) {
      const want = [...tree.fuzzyGet(q, d)].map(([term, [, dist]]) => [term, dist]).sort();
      const got = unbounded.terms
        .withinDistance(q, d)
        .map(([i, dist]) => [index.terms.terms[i], dist])
        .sort();
      expect(got).toEqual(want);
    }
  });

  it('bounds prefix and typo expansions, keeping the most frequent terms', () => {
    const all = index.terms.prefixRange('c');
    expect(all[1] - all[0]).toBeGreaterThan(40);
    const kept = index.terms.prefixTerms('c');
    expect(kept).toHaveLength(40);
    const minKept = Math.min(...kept.map((i) => index.terms.df[i]!));
    for (let i = all[0]; i < all[1]; i++)
      if (!kept.includes(i)) expect(index.terms.df[i]).toBeLessThanOrEqual(minKept);
    const near = index.terms.withinDistance('tens', 2);
    expect(near.length).toBeGreaterThan(30);
    const fuzzy = index.terms.fuzzyTerms('tens', 2);
    expect(fuzzy).toHaveLength(30);
    // Closest first: every dropped term is at least as far as the farthest kept one.
    const farthest = Math.max(...fuzzy.map(([, d]) => d));
    for (const [i, d] of near) if (!fuzzy.some(([k]) => k === i)) expect(d).toBeGreaterThanOrEqual(farthest);
  });

  it('keeps the stored documents and facet columns in document order', () => {
    expect(index.docs.count).toBe(keys.length);
    const first = corpus.articles[0]!;
    expect(index.docs.get(0)).toEqual(first);
    expect(index.docs.find('article', first.id)).toBe(0);
    const q = corpus.quotes[0]!;
    const qd = index.docs.find('quote', q.id)!;
    expect(index.columns.docType(qd)).toBe('quote');
    expect(index.columns.article[qd]).toBe(index.docs.find('article', q.articleId));
    expect(index.columns.valuesOf('type', qd)).toEqual(['quote']);
    expect(index.docs.find('article', 'no-such-id')).toBeUndefined();
  });

  it('checks phrases within a text budget, best candidates first, and says when it was cut short', () => {
    const params = { q: '"of the"', types: [], limit: 50, offset: 0 };
    const exact = search(index, params);
    expect(exact.total).toBeGreaterThan(5);
    expect(exact.approximate).toBeUndefined();
    const cut = search(index, { ...params, phraseBudget: 2000 });
    expect(cut.approximate).toBe(true);
    expect(cut.hits.length).toBeGreaterThan(0);
    expect(cut.hits.length).toBeLessThan(exact.hits.length);
    // What was checked is right: every hit of the cut answer is a hit of the exact one.
    const exactIds = new Set(exact.hits.map((h) => h.id));
    for (const h of cut.hits) expect(exactIds.has(h.id)).toBe(true);
    // The total is an estimate from the share of checked candidates that held the phrase.
    expect(cut.total).toBeGreaterThan(cut.hits.length);
    expect(Math.abs(cut.total - exact.total)).toBeLessThanOrEqual(exact.total);
  });

  it('refuses a section that lies outside the file or has another type', () => {
    const { bytes, table } = packSections({ a: new Uint32Array([1, 2, 3]), b: new Float64Array([0.5]) });
    const sections = new Sections(bytes, table);
    expect([...sections.get('a', 'u32')]).toEqual([1, 2, 3]);
    expect(sections.get('b', 'f64')[0]).toBe(0.5);
    expect(() => sections.get('a', 'f64')).toThrow(/is u32/);
    expect(() => new Sections(bytes.subarray(0, 8), table).get('b', 'f64')).toThrow(/outside the file/);
    // A view on a misaligned copy (as Node's pooled buffers can be) still reads right.
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect([...new Sections(shifted.subarray(1), table).get('a', 'u32')]).toEqual([1, 2, 3]);
  });
});
