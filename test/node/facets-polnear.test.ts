/** Facet counts on a real corpus, checked against counts computed from the raw NDJSON. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareCorpus } from '../../src/build/build.js';
import { type LoadedIndex, loadIndex } from '../../src/index/load.js';
import { memorySource } from '../../src/index/memory-source.js';
import { serializeIndex } from '../../src/index/serialize.js';
import { search } from '../../src/search/search.js';
import { corpusPath, hasCorpora } from '../corpora.js';

const present = hasCorpora('PolNeAR facets', 'polnear/articles.ndjson');
const path = corpusPath('polnear/articles.ndjson');
const raw = present
  ? readFileSync(path, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, any>)
  : [];
let index: LoadedIndex;

beforeAll(async () => {
  if (!present) return;
  const { corpus } = await prepareCorpus({ inputs: [path] });
  index = await loadIndex(memorySource(await serializeIndex(corpus, { sources: [path], skipped: 0 })));
}, 120_000);

function counts(
  rows: Array<Record<string, any>>,
  key: (r: Record<string, any>) => string | null,
): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

describe.skipIf(!present)('PolNeAR facets', () => {
  it('publisher and month counts equal the raw counts and the known totals', () => {
    const r = search(index, {
      q: '',
      types: ['article'],
      limit: 1,
      offset: 0,
      facets: ['publisher', 'published'],
      facetLimit: 100,
    });
    expect(r.total).toBe(1012);
    const publishers = new Map(r.facets!.publisher!.values.map((v) => [v.value, v.count]));
    expect(publishers).toEqual(counts(raw, (a) => a.publisher));
    expect(publishers.get('Breitbart')).toBe(148);
    const months = new Map(r.facets!.published!.values.map((v) => [v.value, v.count]));
    expect(months).toEqual(counts(raw, (a) => a.published?.slice(0, 7) ?? null));
  });

  it('counts a query match set disjunctively', () => {
    const q = 'benghazi';
    const matching = raw.filter((a) => /benghazi/i.test(`${a.title}\n${a.body}`));
    const all = search(index, {
      q,
      types: ['article'],
      limit: 5,
      offset: 0,
      facets: ['publisher'],
      facetLimit: 100,
    });
    expect(all.total).toBe(matching.length);
    expect(new Map(all.facets!.publisher!.values.map((v) => [v.value, v.count]))).toEqual(
      counts(matching, (a) => a.publisher),
    );
    const one = search(index, {
      q,
      types: ['article'],
      limit: 5,
      offset: 0,
      facets: ['publisher'],
      facetLimit: 100,
      filters: { facets: { publisher: { include: ['Breitbart'], exclude: [] } }, from: null, to: null },
    });
    expect(one.total).toBe(matching.filter((a) => a.publisher === 'Breitbart').length);
    expect(one.facets!.publisher).toEqual(all.facets!.publisher);
    expect(one.hits.every((h) => h.type === 'article' && h.publisher === 'Breitbart')).toBe(true);
  });
});
