/**
 * Publishing without a redeploy, in workerd against Miniflare's local R2 (INDEX_BUCKET): the
 * admin routes upload a version and switch the pointer, the Worker (INDEX_SOURCE = "r2") picks
 * up the new pointer while requests are in flight without ever mixing two versions, rollback
 * restores the previous version, pruning keeps the current one and two previous ones.
 *
 * Version A is the sample index (public/test-index), version B a two-article index
 * (public/test-publish-b), both built by the global setup and read here through ASSETS. Every
 * test works under its own key prefix (INDEX_R2_PREFIX) with its own app (own index holder).
 *
 * One file because the publishing protocol (upload, switch, refresh, rollback, prune) is one
 * lifecycle: its steps share the two versions and are read best in order.
 */
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { type AdminAnswer, adminSite, asset, BASE, checkedApp, fetchWorker, sample } from './helpers.js';

const KEY = 'admin-key-for-tests-0123456789';
const encoder = new TextEncoder();

interface LocalVersion {
  manifest: Record<string, any> & {
    version: string;
    files: Record<string, { path: string; bytes: number; chunks?: Array<{ path: string; bytes: number }> }>;
  };
  /** Path inside the version folder → bytes. */
  files: Map<string, Uint8Array>;
}

/** A built index as the publish script would find it on disk (the files its manifest lists, chunks for chunked ones). */
async function localVersion(root: string): Promise<LocalVersion> {
  const manifest = (await (await asset(`${root}/manifest.json`)).json()) as LocalVersion['manifest'];
  const files = new Map<string, Uint8Array>();
  for (const f of Object.values(manifest.files).flatMap((file) => file.chunks ?? [file])) {
    files.set(
      f.path,
      new Uint8Array(await (await asset(`${root}/${manifest.version}/${f.path}`)).arrayBuffer()),
    );
  }
  return { manifest, files };
}

/** The same files under another version name (publishing checks names and sizes, not hashes). */
function renamed(v: LocalVersion, version: string): LocalVersion {
  return { manifest: { ...v.manifest, version }, files: v.files };
}

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * A fresh app over R2 under a prefix of its own, with ADMIN_KEY and a refresh on every request;
 * `wrap` may put a spy between the app and the (real, local) bucket.
 */
function publisher(
  overrides: Record<string, unknown> = {},
  wrap?: (bucket: R2Bucket, prefix: string) => R2Bucket,
) {
  const { prefix, call, sendJson } = adminSite({ key: KEY, label: 'test', overrides, wrap });
  const upload = (version: string, path: string, bytes: Uint8Array, key: string | null = KEY) =>
    call(
      `/admin/index/files/${version}/${path}`,
      {
        method: 'PUT',
        body: bytes as Uint8Array<ArrayBuffer>,
        headers: { 'Content-Length': String(bytes.byteLength) },
      },
      key,
    );
  const post = (path: string, body: unknown) => sendJson('POST', path, body);
  const uploadVersion = async (v: LocalVersion) => {
    for (const [path, bytes] of v.files)
      expect((await upload(v.manifest.version, path, bytes)).status).toBe(201);
  };
  const publish = (v: LocalVersion) => post('/admin/index/publish', { manifest: v.manifest });
  const uploadAndPublish = async (v: LocalVersion) => {
    await uploadVersion(v);
    const res = await publish(v);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res;
  };
  const r2 = (path: string) => env.INDEX_BUCKET.get(`${prefix}/${path}`);
  const keys = async () =>
    (await env.INDEX_BUCKET.list({ prefix: `${prefix}/` })).objects
      .map((o) => o.key.slice(prefix.length + 1))
      .sort();
  return { prefix, call, upload, post, uploadVersion, publish, uploadAndPublish, r2, keys };
}

const SEARCH = '/search?q=harbor&type=article&limit=50&facets=publisher';
/** What must be equal between two answers of the same version (tookMs is not). */
const essence = (body: any): { total: number; match: string; ids: string[]; facets: unknown } => ({
  total: body.total,
  match: body.match,
  ids: body.hits.map((h: any) => h.id),
  facets: body.facets,
});

const sampleIds = new Set(sample.map((a) => a.id));

describe('publishing into R2', () => {
  it('uploads every file (nested paths too), publishes, and serves the version from R2', async () => {
    const a = await localVersion('test-index');
    const p = publisher();
    // Before anything is published the R2-backed Worker has no index.
    const empty = await p.call('/health');
    expect(empty.body).toMatchObject({ status: 'unavailable', error: { code: 'index_missing' } });
    expect(empty.body.error.message).toContain('npm run publish-index');

    await p.uploadVersion(a);
    // A file the manifest does not list (a shard of a later layout): stored under its relative path.
    const extra = encoder.encode('{"shard":0}');
    const put = await p.upload(a.manifest.version, 'shard-0/extra.json', extra);
    expect(put.status).toBe(201);
    expect(put.body).toEqual({
      version: a.manifest.version,
      path: 'shard-0/extra.json',
      bytes: extra.byteLength,
    });
    expect(put.headers.get('Cache-Control')).toBe('no-store');

    const res = await p.publish(a);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const bytes = Object.values(a.manifest.files).reduce((s, f) => s + f.bytes, 0);
    expect(res.body).toMatchObject({
      version: a.manifest.version,
      previous: null,
      files: a.files.size,
      bytes,
      pruned: [],
    });
    expect(res.headers.get('Cache-Control')).toBe('no-store');

    // The pointer, the manifest's copy in the version folder, the history, every file.
    expect(JSON.parse(await (await p.r2('manifest.json'))!.text()).version).toBe(a.manifest.version);
    expect(JSON.parse(await (await p.r2(`${a.manifest.version}/manifest.json`))!.text())).toEqual(a.manifest);
    const history = JSON.parse(await (await p.r2('versions.json'))!.text());
    expect(history).toEqual([{ version: a.manifest.version, publishedAt: expect.any(String) }]);
    expect(await p.keys()).toEqual(
      [
        'manifest.json',
        'versions.json',
        `${a.manifest.version}/manifest.json`,
        `${a.manifest.version}/shard-0/extra.json`,
        ...[...a.files.keys()].map((f) => `${a.manifest.version}/${f}`),
      ].sort(),
    );

    const search = await p.call(SEARCH, {}, null);
    expect(search.status).toBe(200);
    expect(search.headers.get('X-Index-Version')).toBe(a.manifest.version);
    expect(search.body.hits.length).toBeGreaterThan(0);
    for (const hit of search.body.hits) expect(sampleIds.has(hit.id), hit.id).toBe(true);
    expect((await p.call('/health', {}, null)).body).toMatchObject({
      status: 'ok',
      index: { version: a.manifest.version },
    });

    const versions = await p.call('/admin/index/versions');
    expect(versions.status).toBe(200);
    expect(versions.body).toEqual({ current: a.manifest.version, history, stored: [a.manifest.version] });
  });

  it('uploads a version stored in chunks chunk by chunk, and serves from R2 what assets serve', async () => {
    const chunked = await localVersion('test-chunked');
    expect(chunked.manifest.files.docs!.chunks!.length).toBeGreaterThan(1);
    const p = publisher();
    await p.uploadAndPublish(chunked);
    expect(await p.keys()).toContain(`${chunked.manifest.version}/docs.1.ndjson`);
    const fromAssets = checkedApp();
    const assetsEnv = { ...env, INDEX_PATH: '/test-chunked' };
    for (const path of [
      SEARCH,
      '/search?q=council%20bridge&facets=person,type',
      `/articles/${sample[3]!.id}`,
    ]) {
      const r2 = await p.call(path, {}, null);
      const assets = await fromAssets.request(`${BASE}${path}`, {}, assetsEnv);
      expect(r2.status).toBe(200);
      expect(assets.status).toBe(200);
      expect(r2.headers.get('X-Index-Version')).toBe(chunked.manifest.version);
      const body = (await assets.json()) as any;
      if (path === SEARCH) expect(essence(r2.body)).toEqual(essence(body));
      else expect({ ...r2.body, tookMs: 0 }).toEqual({ ...body, tookMs: 0 });
    }
    // The same answers as the sample stored whole.
    const whole = await fetchWorker(`${BASE}${SEARCH}`);
    expect(essence(await whole.json())).toEqual(essence((await p.call(SEARCH, {}, null)).body));
  });

  it('switches versions during a burst of requests: every answer is wholly A or wholly B', async () => {
    const [a, b] = await Promise.all([localVersion('test-index'), localVersion('test-publish-b')]);
    expect(a.manifest.version).not.toBe(b.manifest.version);
    // Four overlapping waves of requests: before the publish starts, just before its pointer
    // put and just after it (launched from inside the put, while the publish still runs), and
    // once the publish has returned. B's files read slowly, so requests that saw the new
    // pointer wait for a whole B while others still answer from A.
    const waves: Promise<AdminAnswer>[][] = [[], [], [], []];
    let search: () => Promise<AdminAnswer> = () => Promise.reject(new Error('not yet'));
    let switching = false;
    const p = publisher(
      {},
      (bucket, prefix) =>
        new Proxy(bucket, {
          get(target, prop) {
            if (prop === 'put') {
              return async (key: string, ...rest: unknown[]) => {
                const pointer = switching && key === `${prefix}/manifest.json`;
                if (pointer) for (let i = 0; i < 15; i++) waves[1]!.push(search());
                const stored = await (target.put as (...args: unknown[]) => Promise<unknown>)(key, ...rest);
                if (pointer) for (let i = 0; i < 15; i++) waves[2]!.push(search());
                return stored;
              };
            }
            if (prop === 'get') {
              return async (key: string, ...rest: unknown[]) => {
                if (key.startsWith(`${prefix}/${b.manifest.version}/`))
                  await new Promise((r) => setTimeout(r, 20));
                return (target.get as (...args: unknown[]) => unknown)(key, ...rest);
              };
            }
            const value = Reflect.get(target, prop);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        }),
    );
    search = () => p.call(SEARCH, {}, null);
    await p.uploadAndPublish(a);
    const first = await search();
    expect(first.headers.get('X-Index-Version')).toBe(a.manifest.version);
    const expected: Record<string, ReturnType<typeof essence>> = {
      [a.manifest.version]: essence(first.body),
    };
    await p.uploadVersion(b);

    for (let i = 0; i < 10; i++) waves[0]!.push(search());
    switching = true;
    const published = await p.publish(b);
    switching = false;
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body).toMatchObject({
      version: b.manifest.version,
      previous: a.manifest.version,
      pruned: [],
    });
    for (let i = 0; i < 10; i++) waves[3]!.push(search());
    const answers = await Promise.all(waves.map((w) => Promise.all(w)));
    expect(answers.map((w) => w.length)).toEqual([10, 15, 15, 10]);

    const bAnswer = await search();
    expect(bAnswer.headers.get('X-Index-Version')).toBe(b.manifest.version);
    expected[b.manifest.version] = essence(bAnswer.body);
    // The two versions answer differently: B holds only its two articles.
    expect([...expected[b.manifest.version]!.ids].sort()).toEqual([
      'publish-b-harbor-ferry',
      'publish-b-harbor-lights',
    ]);
    expect(expected[a.manifest.version]!.ids.length).toBeGreaterThan(2);
    expect(expected[a.manifest.version]!.ids.every((id) => sampleIds.has(id))).toBe(true);

    const seen: Record<string, number> = {};
    for (const res of answers.flat()) {
      expect(res.status).toBe(200);
      const version = res.headers.get('X-Index-Version')!;
      expect([a.manifest.version, b.manifest.version]).toContain(version);
      // Hits, total and facet counts all from the version the answer names.
      expect(essence(res.body)).toEqual(expected[version]);
      seen[version] = (seen[version] ?? 0) + 1;
    }
    // Requests that started before the switch finished on A; every one started after it got B.
    expect(seen[a.manifest.version]).toBeGreaterThan(0);
    expect(seen[b.manifest.version]).toBeGreaterThan(0);
    for (const res of [...answers[2]!, ...answers[3]!])
      expect(res.headers.get('X-Index-Version')).toBe(b.manifest.version);
  });

  it('rolls back to the previous version, then has nothing further to roll back to', async () => {
    const [a, b] = await Promise.all([localVersion('test-index'), localVersion('test-publish-b')]);
    const p = publisher();
    await p.uploadAndPublish(a);
    const fromA = essence((await p.call(SEARCH, {}, null)).body);
    await p.uploadAndPublish(b);
    expect((await p.call(SEARCH, {}, null)).headers.get('X-Index-Version')).toBe(b.manifest.version);

    const rollback = await p.post('/admin/index/rollback', {});
    expect(rollback.status, JSON.stringify(rollback.body)).toBe(200);
    expect(rollback.body).toMatchObject({ version: a.manifest.version, rolledBackFrom: b.manifest.version });
    expect(JSON.parse(await (await p.r2('manifest.json'))!.text()).version).toBe(a.manifest.version);
    const again = await p.call(SEARCH, {}, null);
    expect(again.headers.get('X-Index-Version')).toBe(a.manifest.version);
    expect(essence(again.body)).toEqual(fromA);
    // B's files stay until the next publish prunes them; the history is A alone.
    const versions = await p.call('/admin/index/versions');
    expect(versions.body.current).toBe(a.manifest.version);
    expect(versions.body.history.map((e: any) => e.version)).toEqual([a.manifest.version]);
    expect(versions.body.stored).toEqual([a.manifest.version, b.manifest.version].sort());

    const none = await p.post('/admin/index/rollback', {});
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('no_previous_version');
    expect((await p.call(SEARCH, {}, null)).headers.get('X-Index-Version')).toBe(a.manifest.version);
  });

  it('prunes all but the current version and the two previous ones after a publish', async () => {
    const a = await localVersion('test-index');
    const p = publisher();
    const names = ['v-a00001', 'v-a00002', 'v-a00003', 'v-a00004'];
    const results = [];
    // An upload that was never published is pruned too.
    expect((await p.upload('v-dead00', 'index.json', encoder.encode('{}'))).status).toBe(201);
    for (const name of names) results.push((await p.uploadAndPublish(renamed(a, name))).body);
    expect(results.map((r) => r.pruned)).toEqual([['v-dead00'], [], [], ['v-a00001']]);
    expect(results[3].history.map((e: any) => e.version)).toEqual(['v-a00002', 'v-a00003', 'v-a00004']);
    const versions = await p.call('/admin/index/versions');
    expect(versions.body.current).toBe('v-a00004');
    expect(versions.body.stored).toEqual(['v-a00002', 'v-a00003', 'v-a00004']);
    expect((await p.keys()).filter((k) => k.startsWith('v-a00001/') || k.startsWith('v-dead00/'))).toEqual(
      [],
    );
    expect((await p.call(SEARCH, {}, null)).headers.get('X-Index-Version')).toBe('v-a00004');

    // Two rollbacks reach the oldest kept version; a third has nothing left.
    expect((await p.post('/admin/index/rollback', {})).body.version).toBe('v-a00003');
    expect((await p.post('/admin/index/rollback', {})).body.version).toBe('v-a00002');
    expect((await p.post('/admin/index/rollback', {})).status).toBe(409);
    expect((await p.call(SEARCH, {}, null)).headers.get('X-Index-Version')).toBe('v-a00002');

    // Publishing the current version again changes nothing and keeps one history entry for it.
    const again = await p.publish(renamed(a, 'v-a00002'));
    expect(again.status).toBe(200);
    expect(again.body.history.map((e: any) => e.version)).toEqual(['v-a00002']);
    // v-a00003 and v-a00004 were rolled back from: no longer in the history, so pruned now.
    expect(again.body.pruned).toEqual(['v-a00003', 'v-a00004']);
  });

  it('keeps serving the old version when a new one fails to load, and logs why', async () => {
    const a = await localVersion('test-index');
    const p = publisher();
    await p.uploadAndPublish(a);
    expect((await p.call(SEARCH, {}, null)).headers.get('X-Index-Version')).toBe(a.manifest.version);
    // Complete by name and size, so publishing accepts it, but not an index.
    const broken: LocalVersion = {
      manifest: { ...a.manifest, version: 'v-bad000' },
      files: new Map([...a.files].map(([k, v]) => [k, new Uint8Array(v.byteLength).fill(60)])),
    };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await p.uploadAndPublish(broken);
    for (let i = 0; i < 3; i++) {
      const res = await p.call(SEARCH, {}, null);
      expect(res.status).toBe(200);
      expect(res.headers.get('X-Index-Version')).toBe(a.manifest.version);
    }
    expect(errors.mock.calls.some((c) => String(c[0]).includes('v-bad000 could not be loaded'))).toBe(true);
  });

  it('re-reads the pointer only every INDEX_REFRESH_SECONDS', async () => {
    const [a, b] = await Promise.all([localVersion('test-index'), localVersion('test-publish-b')]);
    const p = publisher({ INDEX_REFRESH_SECONDS: '3600' });
    await p.uploadAndPublish(a);
    expect((await p.call(SEARCH, {}, null)).headers.get('X-Index-Version')).toBe(a.manifest.version);
    await p.uploadAndPublish(b);
    // Within the hour this isolate keeps A (a new isolate would read B) ...
    expect((await p.call(SEARCH, {}, null)).headers.get('X-Index-Version')).toBe(a.manifest.version);
    // ... and once the hour is over, the next request reads the pointer and moves to B.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 3_601_000);
      expect((await p.call(SEARCH, {}, null)).headers.get('X-Index-Version')).toBe(b.manifest.version);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('admin routes: access', () => {
  const routes: Array<[string, string]> = [
    ['PUT', '/admin/index/files/v-abc123/index.json'],
    ['POST', '/admin/index/publish'],
    ['POST', '/admin/index/rollback'],
    ['GET', '/admin/index/versions'],
  ];

  it('do not exist without ADMIN_KEY: 404 like any unknown path', async () => {
    const p = publisher({ ADMIN_KEY: undefined });
    for (const [method, path] of routes) {
      const res = await p.call(path, { method, ...(method === 'GET' ? {} : { body: '{}' }) });
      expect(res.status, path).toBe(404);
      expect(res.body.error.code, path).toBe('route_not_found');
    }
    // The Worker as configured by wrangler.toml has no ADMIN_KEY (unless a local .dev.vars adds one).
    if (!env.ADMIN_KEY) {
      const res = await fetchWorker(`${BASE}/admin/index/versions`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as any).error.code).toBe('route_not_found');
    }
    expect(await p.keys()).toEqual([]);
  });

  it('answer 401 unauthorized without the right bearer key, never cached, never CORS-readable', async () => {
    const p = publisher();
    for (const [method, path] of routes) {
      for (const key of [null, 'wrong-key', `${KEY}x`]) {
        const res = await p.call(
          path,
          {
            method,
            headers: { Origin: 'https://news.example' },
            ...(method === 'GET' ? {} : { body: '{}' }),
          },
          key,
        );
        expect(res.status, `${path} ${key}`).toBe(401);
        expect(res.body.error.code).toBe('unauthorized');
        expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer /);
        expect(res.headers.get('Cache-Control')).toBe('no-store');
        expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
      }
    }
    // The key in the query string is not accepted (it would end up in logs).
    expect((await p.call(`/admin/index/versions?key=${KEY}`, {}, null)).status).toBe(401);
    // A preflight from a page gets no CORS permission either.
    const preflight = await p.call(
      '/admin/index/publish',
      {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://news.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization',
        },
      },
      null,
    );
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toBeNull();
    // Authorized answers carry no CORS headers either.
    const ok = await p.call('/admin/index/versions', { headers: { Origin: 'https://news.example' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(ok.headers.get('Cache-Control')).toBe('no-store');
    expect(await p.keys()).toEqual([]);
  });
});

describe('admin routes: validation', () => {
  it('refuses versions and paths that are not plain relative names (400), writing nothing', async () => {
    const p = publisher();
    const body = encoder.encode('x');
    const bad = [
      'not-a-version/index.json',
      'v-ABC123/index.json',
      'v-abc/index.json',
      'v-abc123',
      'v-abc123/',
      'v-abc123//etc/passwd',
      'v-abc123/..%2F..%2Fmanifest.json',
      'v-abc123/%2e%2e%2fversions.json',
      'v-abc123/.hidden',
      'v-abc123/a%00b',
      'v-abc123/a b',
      `v-abc123/${Array(9).fill('d').join('/')}`,
      `v-abc123/${'n'.repeat(129)}`,
    ];
    for (const rest of bad) {
      const res = await p.call(`/admin/index/files/${rest}`, {
        method: 'PUT',
        body,
        headers: { 'Content-Length': '1' },
      });
      expect(res.status, rest).toBe(400);
      expect(res.body.error.code, rest).toBe('invalid_path');
    }
    // Dot segments are resolved by URL parsing before routing: they never reach a key.
    for (const rest of ['v-abc123/../../manifest.json', 'v-abc123/%2e%2e/%2e%2e/manifest.json']) {
      const res = await p.call(`/admin/index/files/${rest}`, {
        method: 'PUT',
        body,
        headers: { 'Content-Length': '1' },
      });
      expect([400, 404], rest).toContain(res.status);
    }
    expect(await p.keys()).toEqual([]);
  });

  it('needs a bounded body of declared length', async () => {
    const p = publisher();
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(encoder.encode('abc'));
        c.close();
      },
    });
    const unsized = await p.call('/admin/index/files/v-abc123/index.json', { method: 'PUT', body: stream });
    expect(unsized.status).toBe(411);
    expect(unsized.body.error.code).toBe('length_required');
    const huge = await p.call('/admin/index/files/v-abc123/index.json', {
      method: 'PUT',
      body: encoder.encode('abc'),
      headers: { 'Content-Length': String(200 * 1024 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    expect(await p.keys()).toEqual([]);
  });

  it('refuses to publish an incomplete version (409, naming what is missing) and keeps the pointer', async () => {
    const a = await localVersion('test-index');
    const p = publisher();
    const [first, second] = [...a.files.keys()];
    await p.upload(a.manifest.version, first!, a.files.get(first!)!);
    await p.upload(a.manifest.version, second!, a.files.get(second!)!.subarray(1));
    const res = await p.publish(a);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('incomplete_version');
    const missing = [...a.files.keys()].slice(2);
    for (const f of missing)
      expect(res.body.error.message).toContain(`${a.manifest.version}/${f} is missing`);
    expect(res.body.error.message).toContain(
      `${a.manifest.version}/${second} has ${a.files.get(second!)!.byteLength - 1} bytes`,
    );
    expect(await p.r2('manifest.json')).toBeNull();
    expect(await p.r2('versions.json')).toBeNull();
  });

  it('refuses a manifest that is malformed (400) or that this Worker cannot serve (409)', async () => {
    const a = await localVersion('test-index');
    const p = publisher();
    await p.uploadVersion(a);
    const cases: Array<[unknown, number, string]> = [
      [{}, 400, 'invalid_manifest'],
      [{ manifest: { version: a.manifest.version } }, 400, 'invalid_manifest'],
      [{ manifest: { ...a.manifest, version: '../escape' } }, 400, 'invalid_manifest'],
      [
        { manifest: { ...a.manifest, files: { index: { path: '/etc/passwd', bytes: 1 } } } },
        400,
        'invalid_manifest',
      ],
      [{ manifest: { ...a.manifest, optionsHash: '0000000000000000' } }, 409, 'index_incompatible'],
      [{ manifest: { ...a.manifest, formatVersion: 999 } }, 409, 'index_incompatible'],
    ];
    for (const [body, status, code] of cases) {
      const res = await p.post('/admin/index/publish', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    expect(await p.r2('manifest.json')).toBeNull();
  });
});

describe('publishing a sharded version', () => {
  // Uploading four shards into Miniflare's R2 and loading them in four objects takes seconds on a
  // busy machine: a minute before the test counts as hung.
  it('is served from R2 by the shard objects, answering as the same version served from the assets', async () => {
    const sharded = await localVersion('test-shards');
    // 4 article shards, an entity shard and the dictionary.
    expect(sharded.manifest.shards).toHaveLength(6);
    const p = publisher();
    await p.uploadAndPublish(sharded);
    const fromAssets = checkedApp();
    const assetsEnv = { ...env, INDEX_PATH: '/test-shards' };
    // The global setup shards PolNeAR where the research corpora are, else the bundled sample.
    const paths = inject('polnear')
      ? [
          '/search?q=clinton&facets=publisher,person',
          '/search?q=%22white+house%22',
          '/entities/person-hillary-clinton',
          '/suggest?q=hill',
        ]
      : [
          '/search?q=harbor&facets=publisher,person',
          '/search?q=%22harbor+bridge%22',
          '/entities/person-ana-kovacevic',
          '/suggest?q=kov',
        ];
    for (const path of paths) {
      const got = await p.call(path, {}, null);
      const want = await fromAssets.request(`${BASE}${path}`, {}, assetsEnv);
      const wantBody = (await want.json()) as any;
      expect(got.status, path).toBe(200);
      expect(got.headers.get('X-Index-Version')).toBe(sharded.manifest.version);
      delete got.body.tookMs;
      delete wantBody.tookMs;
      expect(got.body, path).toEqual(wantBody);
    }
  }, 60_000);
});
