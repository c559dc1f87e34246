import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { INDEX_FORMAT_VERSION, OPTIONS_HASH } from '../../src/index/options.js';
import { assetsSource } from '../../src/store/drivers/assets.js';
import { BASE, checkedApp, get, sample } from './helpers.js';

describe('GET /health and /stats', () => {
  it('reports the served index', async () => {
    const { status, body } = await get('/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.index.counts.article).toBe(sample.length);
    expect(body.index.version).toMatch(/^v-[0-9a-f]{12}$/);
  });

  it('gives the manifest facts', async () => {
    const { status, body } = await get('/stats');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      formatVersion: INDEX_FORMAT_VERSION,
      minisearchVersion: '7.2.0',
      optionsHash: OPTIONS_HASH,
      skipped: 0,
    });
    expect(body.counts.article).toBe(sample.length);
    expect(body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.bytes).toBeGreaterThan(1000);
    // Where the build ran stays out of the index: paths relative to its working folder.
    expect(body.sources).toEqual(['index-data/articles/sample.ndjson']);
  });
});

/** An app whose index lives at another place in the assets: the broken ones the setup wrote. */
async function appAt(root: string) {
  const app = checkedApp({ source: (e) => assetsSource(e.ASSETS, root) });
  const call = async (path: string) => {
    const res = await app.request(`${BASE}${path}`, {}, env);
    return { status: res.status, body: (await res.json()) as any };
  };
  return {
    search: await call('/search?q=vote'),
    health: await call('/health'),
    missingRoute: await call('/nope'),
  };
}

describe('an index that cannot be served', () => {
  it.each([
    ['/test-faults/nowhere', 'index_missing'],
    ['/test-faults/options-mismatch', 'index_incompatible'],
    ['/test-faults/format-mismatch', 'index_incompatible'],
    ['/test-faults/truncated-index', 'index_corrupt'],
    ['/test-faults/missing-file', 'index_corrupt'],
    ['/test-faults/store-not-json', 'index_corrupt'],
    ['/test-faults/header-not-json', 'index_corrupt'],
  ])('%s answers 503 %s, and /health says why', async (root, code) => {
    const { search, health, missingRoute } = await appAt(root);
    expect(search.status).toBe(503);
    expect(search.body.error.code).toBe(code);
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'unavailable', error: { code } });
    expect(health.body.error.message.length).toBeGreaterThan(10);
    expect(missingRoute.status).toBe(404);
  });
});

describe('an index that fails while loading', () => {
  it('is never half-served: every request of a failed load is 503, and a later load retries', async () => {
    let calls = 0;
    let failing = true;
    const real = (e: { ASSETS: Fetcher }) => assetsSource(e.ASSETS, '/test-index');
    // Reads succeed except for the document store, which fails while the index is broken.
    const app = checkedApp({
      source: (e) => ({
        name: 'flaky',
        read: async (path) => {
          calls++;
          if (failing && path.endsWith('docs.ndjson')) return null;
          return real(e).read(path);
        },
      }),
    });
    const results = await Promise.all(
      ['/search?q=vote', '/stats', '/health'].map((p) => app.request(`${BASE}${p}`, {}, env)),
    );
    for (const res of results) {
      expect(res.status).toBe(503);
      expect(((await res.json()) as any).error.code).toBe('index_corrupt');
    }
    failing = false;
    const ok = await app.request(`${BASE}/search?q=vote`, {}, env);
    expect(ok.status).toBe(200);
    expect(calls).toBeGreaterThan(6);
  });
});
