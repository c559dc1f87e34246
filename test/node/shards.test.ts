/**
 * Sharding must not change an answer: a corpus with its quotes and entities, split into 4 article
 * shards, entity shards and a dictionary (each shard holding only its own terms, scoring with
 * corpus-wide statistics and the dictionary's expansions), merged by the sharded engine, against
 * one index over the same corpus: same hits in the same order with the same scores, same totals,
 * same facet counts, same entity pages, suggestions and documents. Shards answer in-process here;
 * the workerd test (test/worker/shards.test.ts) runs the same through Durable Objects. The bundled
 * sample runs everywhere; PolNeAR, with its large match sets and deep pages, where the corpora are.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareCorpus } from '../../src/build/build.js';
import { type LoadedIndex, loadIndex } from '../../src/index/load.js';
import { memorySource } from '../../src/index/memory-source.js';
import { serializeIndex } from '../../src/index/serialize.js';
import { shardOf } from '../../src/index/shard-of.js';
import type { Corpus } from '../../src/model/corpus.js';
import { defaultExtractor } from '../../src/pipeline/default-extractor.js';
import { localEngine, type SearchEngine } from '../../src/search/engine.js';
import type { SearchParams } from '../../src/search/search.js';
import { localShardClient, type ShardClient, shardedEngine } from '../../src/shard/engine.js';
import { corpusPath, hasCorpora } from '../corpora.js';

const root = new URL('../../', import.meta.url).pathname;
const SHARDS = 4;
const ENTITY_SHARDS = 2;
const base: SearchParams = { q: '', types: [], limit: 10, offset: 0 };
const FACETS = ['type', 'publisher', 'person', 'organization', 'place', 'speaker', 'published'] as const;

/** The words a corpus's queries are made of: the same query shapes, with words its articles hold. */
interface Case {
  name: string;
  input: string;
  /** Plain queries: single words, pairs, a typo, a prefix, a full name, three words. */
  words: string[];
  /** Two phrases and a phrase beside a word. */
  phrases: string[];
  /** Common words (large match sets) and rare pairs (the any-word fallback over the whole corpus). */
  broad: string[];
  /** A word that many quotes and articles hold (quotes, distinct, a failing shard). */
  common: string;
  /** Words for date order and recency, deep pages, a person filter and a date range. */
  topic: string;
  paging: string;
  filtered: string;
  dated: string;
  publisher: string;
  /** An entity query, and the id of a person to filter by. */
  entityQuery: string;
  personId: string;
  dates: [string, string];
  facetQueries: Array<readonly [(typeof FACETS)[number], string]>;
  suggestions: string[];
  /**
   * Typos (a swap is one edit), title starts, names typed with a slip, and the any-word fallback
   * with its short-word typos and its order by words matched: ranking signals on every shard.
   */
  slips: string[];
  /** A typo'd query for distinct articles and page 2, and a name typed with a slip. */
  slip: string;
  nameSlip: string;
}

const CASES: Case[] = [
  {
    name: 'the bundled sample',
    input: `${root}index-data/articles`,
    words: [
      'northfield',
      'harbor strike',
      'kovacevic',
      'reserve bank',
      'quintanila',
      'quin',
      'ana kovacevic',
      'budget vote delayed',
    ],
    phrases: ['"harbor bridge"', '"the port" -strike', 'budget "the government"'],
    broad: ['said the', 'the', 'of to', 'zzqx harbor', 'northfield qqqzz', 'harbor -strike'],
    common: 'harbor',
    topic: 'vote',
    paging: 'the',
    filtered: 'said',
    dated: 'the',
    publisher: 'Meridian Wire',
    entityQuery: 'ana kovacevic',
    personId: 'person-ana-kovacevic',
    dates: ['2026-10-01', '2026-10-31'],
    facetQueries: [
      ['person', 'kov'],
      ['publisher', ''],
      ['speaker', 'quin'],
      ['organization', 'nior'],
    ],
    suggestions: ['no', 'harb', 'ana k', 'ana kovacevci', 'kovaecvic'],
    slips: [
      'ana kovacevci',
      'harbor stirke vote',
      'budget vtoe',
      'harbor stirke zqxv',
      'budget vtoe delayde',
      // A short word one article holds: no shard may take it for a slip of "bank" or "hand".
      'band zqxv',
      'bouy zqxv',
    ],
    slip: 'harbor stirke',
    nameSlip: 'ana kovacveic',
  },
  {
    name: 'PolNeAR',
    input: corpusPath('polnear/articles.ndjson'),
    words: [
      'clinton',
      'trump campaign',
      'benghazi',
      'email server',
      'presidnt',
      'obam',
      'hillary clinton',
      'tax reform plan',
    ],
    phrases: ['"white house"', '"said he" -clinton', 'trump "the campaign"'],
    broad: ['said the', 'the', 'of to', 'zzqx clinton', 'benghazi qqqzz', 'clinton -trump'],
    common: 'clinton',
    topic: 'debate',
    paging: 'campaign',
    filtered: 'campaign',
    dated: 'senate',
    publisher: 'Politico',
    entityQuery: 'donald trump',
    personId: 'person-hillary-clinton',
    dates: ['2016-01-01', '2016-06-30'],
    facetQueries: [
      ['person', 'cli'],
      ['publisher', ''],
      ['speaker', 'trum'],
      ['organization', 'fbi'],
    ],
    suggestions: ['cl', 'hill', 'donald t', 'hillary clintno', 'donlad'],
    slips: ['hillary clintno', 'donald turmp campaign', 'obama sasy', 'clinton emial zqxv', 'tax plna'],
    slip: 'clinton campaing',
    nameSlip: 'hilary clinton',
  },
];

function queries(c: Case): Array<[string, SearchParams]> {
  const out: Array<[string, SearchParams]> = [];
  const add = (label: string, p: Partial<SearchParams>) => out.push([label, { ...base, ...p }]);
  for (const q of c.words) add(q, { q, facets: [...FACETS] });
  // Each shard has its own phrase budget: compare phrases checked in full (the budget is tested apart).
  for (const q of c.phrases) add(q, { q, facets: ['publisher', 'person'], phraseBudget: Infinity });
  // Common words: large match sets; rare pairs: the any-word fallback over the whole corpus.
  for (const q of c.broad) add(q, { q, facets: ['publisher', 'person'] });
  for (const q of c.slips) add(q, { q, facets: ['publisher', 'person'] });
  add('typo distinct', { q: c.slip, distinct: 'article' });
  add('typo page 2', { q: c.slip, offset: 10, limit: 10 });
  add('name with a slip', { q: c.nameSlip, types: ['entity'] });
  add('browse', { q: '', facets: [...FACETS], facetLimit: 5 });
  add('browse filtered', {
    q: '',
    filters: { facets: { publisher: { include: [c.publisher], exclude: [] } }, from: null, to: null },
    facets: ['publisher', 'person'],
  });
  add('quotes by type', { q: c.common, types: ['quote'], facets: ['speaker'] });
  add('entities', { q: c.entityQuery, types: ['entity'] });
  add('date order', { q: c.topic, sort: 'date' });
  add('recency', { q: c.topic, recency: true });
  add('distinct', { q: c.common, distinct: 'article' });
  add('page 3', { q: c.paging, offset: 20, limit: 10 });
  add('deep page', { q: 'the', offset: 500, limit: 20, facets: ['publisher'] });
  add('person filter', {
    q: c.filtered,
    filters: { facets: { person: { include: [c.personId], exclude: [] } }, from: null, to: null },
    facets: ['person'],
  });
  add('dates', {
    q: c.dated,
    filters: { facets: {}, from: Date.parse(c.dates[0]), to: Date.parse(c.dates[1]) },
    facets: ['published'],
  });
  return out;
}

describe.each(CASES)(`$name in ${SHARDS} shards`, (c) => {
  const present = c.name !== 'PolNeAR' || hasCorpora('PolNeAR in shards', 'polnear/articles.ndjson');
  let corpus: Corpus;
  let one: SearchEngine;
  let shards: LoadedIndex[];
  let sharded: SearchEngine;

  beforeAll(async () => {
    if (!present) return;
    ({ corpus } = await prepareCorpus({
      inputs: [c.input],
      extractor: defaultExtractor,
      cacheFile: `${root}.cache/extract.json`,
    }));
    one = localEngine(
      await loadIndex(memorySource(await serializeIndex(corpus, { sources: [], skipped: 0 }))),
    );
    const split = await serializeIndex(corpus, {
      sources: [],
      skipped: 0,
      shards: SHARDS,
      entityShards: ENTITY_SHARDS,
    });
    shards = await Promise.all(
      split.manifest.shards!.map((_, i) => loadIndex(memorySource(split), { shard: i })),
    );
    sharded = shardedEngine(split.manifest, shards.map(localShardClient));
  }, 300_000);

  it.skipIf(!present)(
    'keeps each article with its quotes, each entity once, and only its own terms in each shard',
    () => {
      const roles = shards.map((s, i) => s.manifest.shards![i]!.role);
      expect(roles).toEqual([
        ...Array(SHARDS).fill('articles'),
        ...Array(ENTITY_SHARDS).fill('entities'),
        'dictionary',
      ]);
      const dictionary = shards.at(-1)!;
      expect(dictionary.docs.count).toBe(0);
      const held = new Set<string>();
      for (const [i, s] of shards.entries()) {
        expect(s.totalDocuments).toBe(corpus.articles.length + corpus.quotes.length + corpus.entities.length);
        if (roles[i] === 'dictionary') continue;
        for (const term of s.terms.terms) held.add(term);
        expect(s.terms.size).toBeLessThan(dictionary.terms.size);
        for (let doc = 0; doc < s.docs.count; doc++) {
          const type = s.columns.docType(doc);
          const stored = s.docs.get(doc) as { id: string; articleId?: string };
          if (roles[i] === 'entities') {
            expect(type).toBe('entity');
            expect(shardOf(stored.id, ENTITY_SHARDS)).toBe(i - SHARDS);
          } else {
            expect(type).not.toBe('entity');
            expect(shardOf(stored.articleId ?? stored.id, SHARDS)).toBe(i);
          }
        }
      }
      // The dictionary lists the terms the shards hold, no more.
      expect([...held].sort()).toEqual(dictionary.terms.terms);
      const count = (role: string, key: 'article' | 'entity') =>
        shards.reduce((n, s, i) => n + (roles[i] === role ? s.manifest.shards![i]!.counts[key] : 0), 0);
      expect(count('articles', 'article')).toBe(corpus.articles.length);
      expect(count('entities', 'entity')).toBe(corpus.entities.length);
    },
  );

  it.skipIf(!present).each(queries(c))('answers %s as one index does', async (_, params) => {
    const want = await one.search(params);
    const got = await sharded.search(params);
    expect(want.total).toBeGreaterThan(0);
    expect(want.approximate).toBeUndefined();
    expect(got).toEqual(want);
  });

  it.skipIf(!present)(
    'answers short words the corpus knows but some article shard lacks as one index does',
    async () => {
      // Such a word is exact in the dictionary, while the shards without it hold words one edit
      // away: only the dictionary's expansions keep those shards from scoring a slip of it.
      const articleShards = shards.slice(0, SHARDS);
      const short = shards
        .at(-1)!
        .terms.terms.filter(
          (t) =>
            /^\p{L}{3,4}$/u.test(t) &&
            articleShards.some((s) => s.terms.indexOf(t) < 0) &&
            articleShards.some((s) => s.terms.indexOf(t) >= 0),
        );
      expect(short.length).toBeGreaterThan(0);
      const picked = [0, 1, 2, 3, 4].map((k) => short[Math.floor((k * short.length) / 5)]!);
      for (const w of new Set(picked)) {
        for (const q of [w, `${w} ${c.common}`, `${w} zqxv`]) {
          const params = { ...base, q, facets: ['publisher', 'person'] as SearchParams['facets'] };
          expect(await sharded.search(params), q).toEqual(await one.search(params));
        }
      }
    },
  );

  it.skipIf(!present)(
    'gives the same entity pages, facet value searches, suggestions and documents',
    async () => {
      const people = corpus.entities
        .filter((e) => e.kind === 'person')
        .sort((a, b) => b.mentionCount - a.mentionCount)
        .slice(0, 5);
      for (const e of people) expect(await sharded.entityPage(e.id)).toEqual(await one.entityPage(e.id));
      expect(await sharded.entityPage('person-nobody-at-all')).toBeNull();
      for (const [facet, q] of c.facetQueries) {
        expect(await sharded.facetValues(facet, q, 10)).toEqual(await one.facetValues(facet, q, 10));
      }
      for (const q of c.suggestions) expect(await sharded.suggest(q, 8)).toEqual(await one.suggest(q, 8));
      const a = corpus.articles[17 % corpus.articles.length]!;
      const q = corpus.quotes[5]!;
      expect(await sharded.document('article', a.id)).toEqual(a);
      expect(await sharded.document('quote', q.id)).toEqual(q);
      expect(await sharded.document('article', 'no-such-article')).toBeNull();
    },
  );

  it.skipIf(!present)(
    'says a merged answer is approximate when a shard cut its phrase checks short',
    async () => {
      const got = await sharded.search({ ...base, q: '"of the"', phraseBudget: 20_000 });
      expect(got.approximate).toBe(true);
      expect(got.hits).toHaveLength(10);
    },
  );

  it.skipIf(!present)(
    'flags a shard that fails or times out, and refuses what it cannot answer whole',
    async () => {
      // Every question fails at once, but facet values never come: the engine's timeout ends them.
      const broken = new Proxy({} as ShardClient, {
        get: (_, question) =>
          question === 'facetValues' ? () => new Promise(() => {}) : () => Promise.reject(new Error('boom')),
      });
      const clients = shards.map(localShardClient);
      clients[2] = broken;
      const engine = shardedEngine(sharded.manifest, clients, { timeoutMs: 200 });
      const quiet = console.error;
      console.error = () => {};
      try {
        const res = await engine.search({ ...base, q: c.common });
        expect(res.partial).toEqual({ failedShards: [2] });
        expect(res.total).toBeLessThan((await one.search({ ...base, q: c.common })).total);
        const values = await engine.facetValues('publisher', '', 10);
        expect(values.partial).toEqual({ failedShards: [2] });
        await expect(engine.entityPage(corpus.entities[0]!.id)).rejects.toThrow(/Shard 2/);
        const inTwo = corpus.articles.find((x) => shardOf(x.id, SHARDS) === 2)!;
        await expect(engine.document('article', inTwo.id)).rejects.toThrow(/Shard 2/);
      } finally {
        console.error = quiet;
      }
    },
  );
});
