/**
 * A sharded index served by Durable Objects in workerd: a corpus in 4 shards answers exactly as
 * the same corpus in one index (hits, scores, order, totals, facet counts, entity pages,
 * suggestions, documents), and a shard whose files are gone gives a flagged partial answer or a
 * 503, never a silent wrong one. The corpus is PolNeAR where the research corpora are, else the
 * bundled sample (the global setup builds whichever it says).
 */
import { env } from 'cloudflare:test';
import { describe, expect, inject, it, vi } from 'vitest';
import { checkedApp } from './helpers.js';

const BASE = 'https://search.example';
// One app per index: an app keeps the index it loaded first for its whole life.
const one = { app: checkedApp(), env: { ...env, INDEX_PATH: '/test-shards-one' } };
const four = { app: checkedApp(), env: { ...env, INDEX_PATH: '/test-shards' } };
const broken = { app: checkedApp(), env: { ...env, INDEX_PATH: '/test-shards-broken' } };
type Served = typeof one;

async function get(path: string, s: Served): Promise<{ status: number; body: any }> {
  const res = await s.app.request(`${BASE}${path}`, {}, s.env);
  const body = (await res.json()) as any;
  if (body && typeof body === 'object') delete body.tookMs;
  return { status: res.status, body };
}

const POLNEAR = {
  name: 'PolNeAR',
  paths: [
    '/search?q=clinton&facets=type,publisher,person,speaker,published',
    '/search?q=trump+campaign&facets=person,organization,place',
    '/search?q=%22white+house%22&facets=publisher',
    '/search?q=presidnt',
    '/search?q=obam',
    '/search?q=said+the&facets=publisher',
    '/search?q=zzqx+clinton',
    '/search?q=hillary+clintno',
    '/search?q=clinton+emial+zqxv&facets=publisher',
    '/search?q=obama+sasy',
    '/search?q=&facets=type,publisher,published&facetLimit=5',
    '/search?q=&publisher=Politico&facets=publisher,person',
    '/search?q=clinton&type=quote&facets=speaker',
    '/search?q=debate&sort=date',
    '/search?q=clinton&distinct=article',
    '/search?q=campaign&offset=20&limit=10',
    '/search?q=nothingmatcheszz',
    '/suggest?q=hill',
    '/suggest?q=hillary+clintno',
    '/facets/person?q=cli',
    '/entities/person-hillary-clinton',
  ],
  word: 'clinton',
  articles: 'benghazi',
  person: 'person-hillary-clinton',
};

const SAMPLE = {
  name: 'the bundled sample',
  paths: [
    '/search?q=harbor&facets=type,publisher,person,speaker,published',
    '/search?q=harbor+strike&facets=person,organization,place',
    '/search?q=%22harbor+bridge%22&facets=publisher',
    '/search?q=quintanila',
    '/search?q=kova',
    '/search?q=said+the&facets=publisher',
    '/search?q=zzqx+harbor',
    '/search?q=ana+kovacevci',
    '/search?q=harbor+stirke+zqxv&facets=publisher',
    '/search?q=budget+vtoe',
    '/search?q=&facets=type,publisher,published&facetLimit=5',
    '/search?q=&publisher=Meridian+Wire&facets=publisher,person',
    '/search?q=harbor&type=quote&facets=speaker',
    '/search?q=vote&sort=date',
    '/search?q=harbor&distinct=article',
    '/search?q=the&offset=20&limit=10',
    '/search?q=nothingmatcheszz',
    '/suggest?q=kov',
    '/suggest?q=ana+kovacevci',
    '/facets/person?q=kov',
    '/entities/person-ana-kovacevic',
  ],
  word: 'harbor',
  articles: 'northfield',
  person: 'person-ana-kovacevic',
};

const corpus = inject('polnear') ? POLNEAR : SAMPLE;
const PATHS = corpus.paths;

describe(`${corpus.name} in 4 shards on Durable Objects`, () => {
  it('reports its shards in /stats: 4 of articles, one of entities, the dictionary', async () => {
    const { status, body } = await get('/stats', four);
    expect(status).toBe(200);
    expect(body.shards.map((s: { role: string }) => s.role)).toEqual([
      'articles',
      'articles',
      'articles',
      'articles',
      'entities',
      'dictionary',
    ]);
  });

  it.each(PATHS)('%s answers as one index does', async (path) => {
    const want = await get(path, one);
    const got = await get(path, four);
    expect(want.status).toBe(200);
    expect(got).toEqual(want);
    // Not one index twice: the sharded app did fan out.
    expect((await get('/stats', four)).body.shards).toHaveLength(6);
    expect((await get('/stats', one)).body.shards).toBeUndefined();
  });

  it('serves documents from the shard their article hashes to', async () => {
    const page = await get(`/search?q=${corpus.articles}&type=article,quote&limit=5`, one);
    for (const hit of page.body.hits) {
      const path = hit.type === 'quote' ? `/quotes/${encodeURIComponent(hit.id)}` : `/articles/${hit.id}`;
      expect(await get(path, four)).toEqual(await get(path, one));
    }
    expect((await get('/articles/no-such-article', four)).status).toBe(404);
  });

  it('flags a failed shard in a search, and refuses an entity page it cannot make whole', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const partial = await get(`/search?q=${corpus.word}&facets=publisher`, broken);
    expect(partial.status).toBe(200);
    expect(partial.body.partial).toEqual({ failedShards: [2] });
    const whole = await get(`/search?q=${corpus.word}&facets=publisher`, one);
    expect(partial.body.total).toBeLessThan(whole.body.total);
    const res = await broken.app.request(`${BASE}/search?q=${corpus.word}`, {}, broken.env);
    // A partial answer must not be cached as if it were whole.
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('ETag')).toBeNull();
    // A whole answer does get one.
    expect(
      (await four.app.request(`${BASE}/search?q=${corpus.word}`, {}, four.env)).headers.get('ETag'),
    ).not.toBeNull();
    const page = await get(`/entities/${corpus.person}`, broken);
    expect(page.status).toBe(503);
    expect(page.body.error.code).toBe('shard_unavailable');
  });
});
