/** Facet counts from the Worker in workerd over all of PolNeAR, against counts from the raw input. */
import { env } from 'cloudflare:test';
import { describe, expect, inject, it } from 'vitest';
import { assetsSource } from '../../src/store/drivers/assets.js';
import { BASE, checkedApp } from './helpers.js';

const app = checkedApp({ source: (e) => assetsSource(e.ASSETS, '/test-polnear') });

async function call(path: string): Promise<any> {
  const res = await app.request(`${BASE}${path}`, {}, env);
  expect(res.status, path).toBe(200);
  return res.json();
}

async function expected(): Promise<any> {
  return (await env.ASSETS.fetch('https://assets.local/test-polnear/expected.json')).json();
}

const asMap = (values: Array<{ value: string; count: number }>) =>
  Object.fromEntries(values.map((v) => [v.value, v.count]));

// Built by the global setup only where the research corpora are.
describe.skipIf(!inject('polnear'))('PolNeAR facets in workerd', () => {
  it('count publishers and months over all 1,012 articles', async () => {
    const want = await expected();
    const body = await call('/search?type=article&limit=1&facets=publisher,published&facetLimit=100');
    expect(body.total).toBe(want.total);
    expect(asMap(body.facets.publisher.values)).toEqual(want.publisher);
    expect(asMap(body.facets.published.values)).toEqual(want.month);
  });

  it('count a query match set, disjunctively under a publisher filter', async () => {
    const want = (await expected()).benghazi;
    const all = await call('/search?q=benghazi&type=article&facets=publisher&facetLimit=100');
    expect(all.total).toBe(want.total);
    expect(asMap(all.facets.publisher.values)).toEqual(want.publisher);
    const one = await call(
      '/search?q=benghazi&type=article&facets=publisher&facetLimit=100&publisher=Breitbart',
    );
    expect(one.total).toBe(want.publisher.Breitbart);
    expect(asMap(one.facets.publisher.values)).toEqual(want.publisher);
  });
});
