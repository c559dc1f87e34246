/**
 * Reliability and security of the HTTP surface, in workerd: request limits, security headers,
 * CORS, ETag/304, Cache-Control, error bodies that reveal no internals, rate limiting through
 * Miniflare's Rate Limiting binding and the optional API key.
 *
 * Kept together so that every guard of the HTTP surface can be reviewed in one read; each
 * `describe` stands alone.
 */
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/worker/app.js';
import { LIMITS } from '../../src/worker/schemas.js';
// biome-ignore lint/correctness/useImportExtensions: a ?raw import names the file as it is
import wranglerToml from '../../wrangler.toml?raw';
import { BASE, checkedApp, contractApp, fetchWorker, get, sample } from './helpers.js';

type Bindings = Record<string, unknown>;

afterEach(() => {
  vi.restoreAllMocks();
});

/** A fresh app (own index holder) over the test index, with bindings changed. */
function appWith(overrides: Bindings) {
  const app = checkedApp();
  const bindings = { ...env, ...overrides };
  return async (path: string, init: RequestInit = {}) => {
    const res = await app.request(`${BASE}${path}`, init, bindings);
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: text ? (JSON.parse(text) as any) : null };
  };
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}x`).join(' ');

describe('request limits', () => {
  it.each([
    [`/search?q=${encodeURIComponent(words(LIMITS.qMaxTerms + 1))}`, 400, 'too_many_terms'],
    [
      `/search?q=${encodeURIComponent(`vote -${words(LIMITS.qMaxTerms).replaceAll(' ', ' -')}`)}`,
      400,
      'too_many_terms',
    ],
    [
      `/search?q=${encodeURIComponent(
        Array(LIMITS.qMaxPhrases + 1)
          .fill('"harbor bridge"')
          .join(' '),
      )}`,
      400,
      'too_many_phrases',
    ],
    [
      `/search?q=${encodeURIComponent(
        Array(LIMITS.qMaxPhrases + 1)
          .fill('long-range')
          .join(' '),
      )}`,
      400,
      'too_many_phrases',
    ],
    [`/suggest?q=${encodeURIComponent(words(LIMITS.qMaxTerms + 1))}`, 400, 'too_many_terms'],
    [`/facets/person?q=${encodeURIComponent(words(LIMITS.qMaxTerms + 1))}`, 400, 'too_many_terms'],
    [`/suggest?q=${'a'.repeat(LIMITS.qMaxChars + 1)}`, 400, 'query_too_long'],
    [`/facets/person?q=x&limit=${LIMITS.facetLimitMax + 1}`, 400, 'invalid_limit'],
    [`/suggest?q=x&limit=${LIMITS.suggestLimitMax + 1}`, 400, 'invalid_limit'],
    [`/search?q=x&offset=1e400`, 400, 'invalid_offset'],
    [`/search?q=x&facets=person,nope`, 400, 'invalid_facet'],
    ['/search?q=x&limit=99999999999999999999', 400, 'invalid_limit'],
    ['/search?q=a%ED%A0%80b', 400, 'invalid_parameter'],
    [
      `/search?${Array.from({ length: LIMITS.paramsMax + 1 }, (_, i) => `p${i}=1`).join('&')}`,
      400,
      'too_many_parameters',
    ],
    [`/search?q=x&pad=${'a'.repeat(LIMITS.urlMaxChars)}`, 414, 'uri_too_long'],
    [`/nope?pad=${'a'.repeat(LIMITS.urlMaxChars)}`, 414, 'uri_too_long'],
  ])('%s → %i %s', async (path, status, code) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });

  it('accepts queries at the limits', async () => {
    for (const q of [
      words(LIMITS.qMaxTerms),
      Array(LIMITS.qMaxPhrases).fill('"harbor bridge"').join(' '),
      Array(LIMITS.qMaxTerms).fill('ab').join(' '),
    ]) {
      for (const route of ['/search', '/suggest', '/facets/person']) {
        const res = await get(`${route}?q=${encodeURIComponent(q)}`);
        expect(res.status, `${route} ${q}`).toBe(200);
      }
    }
    expect(
      (await get(`/search?${Array.from({ length: LIMITS.paramsMax }, (_, i) => `p${i}=1`).join('&')}`))
        .status,
    ).toBe(200);
  });

  it('refuses oversized headers with 431', async () => {
    const headers = new Headers();
    for (let i = 0; i < 8; i++) headers.set(`x-pad-${i}`, 'a'.repeat(LIMITS.headersMaxBytes / 8));
    const res = await get('/search?q=vote', { headers });
    expect(res.status).toBe(431);
    expect(res.body.error.code).toBe('headers_too_large');
  });
});

describe('the OpenAPI document', () => {
  it('lists the limits, their error answers and the optional key', async () => {
    const { body } = await get('/openapi.json');
    expect(body['x-limits']).toEqual(LIMITS);
    const responses = body.paths['/search'].get.responses;
    for (const status of ['400', '401', '414', '429', '431', '503'])
      expect(responses[status], status).toBeDefined();
    expect(body.components.securitySchemes.bearer.scheme).toBe('bearer');
  });
});

describe('security headers', () => {
  it('are on JSON answers, errors included', async () => {
    for (const path of ['/search?q=vote', '/nope', '/search?limit=0', '/health']) {
      const { headers } = await get(path);
      expect(headers.get('X-Content-Type-Options'), path).toBe('nosniff');
      expect(headers.get('Content-Security-Policy'), path).toContain("default-src 'none'");
      expect(headers.get('Content-Security-Policy'), path).toContain("frame-ancestors 'none'");
      expect(headers.get('X-Frame-Options'), path).toBe('DENY');
      expect(headers.get('Referrer-Policy'), path).toBe('no-referrer');
      expect(headers.get('Strict-Transport-Security'), path).toMatch(/max-age=\d+/);
      expect(headers.get('Cross-Origin-Resource-Policy'), path).toBe('same-origin');
      expect(headers.get('X-Powered-By'), path).toBeNull();
    }
  });

  it('leave the demo page its own nonce CSP', async () => {
    const res = await fetchWorker(`${BASE}/`);
    const html = await res.text();
    expect(res.status).toBe(200);
    const csp = res.headers.get('Content-Security-Policy')!;
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(csp).toContain("connect-src 'self'");
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
  });

  it('leave widget.js embeddable from other origins', async () => {
    const res = await fetchWorker(`${BASE}/widget.js`);
    await res.arrayBuffer();
    // The widget is built by `npm run build:widget`; the workerd project may run without it.
    if (res.status === 404) return;
    expect(res.status).toBe(200);
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect(res.headers.get('Cache-Control')).toMatch(/max-age=300/);
  });
});

describe('CORS', () => {
  it('with "*" allows any origin, never with credentials', async () => {
    const res = await get('/search?q=vote', { headers: { Origin: 'https://anywhere.example' } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
  });

  it('with a list allows only the listed origins', async () => {
    const call = appWith({ CORS_ORIGINS: 'https://news.example, https://other.example/' });
    const allowed = await call('/search?q=vote', { headers: { Origin: 'https://other.example' } });
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('https://other.example');
    expect(allowed.headers.get('Vary')).toMatch(/Origin/);
    expect(allowed.headers.get('Access-Control-Allow-Credentials')).toBeNull();
    const refused = await call('/search?q=vote', { headers: { Origin: 'https://evil.example' } });
    expect(refused.status).toBe(200);
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBeNull();

    const preflight = await call('/search', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://news.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('https://news.example');
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD,OPTIONS');
    expect(preflight.headers.get('Access-Control-Allow-Credentials')).toBeNull();
    const evilPreflight = await call('/search', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(evilPreflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('ETag and Cache-Control', () => {
  it('tag index-backed answers with the index version and answer 304 to If-None-Match', async () => {
    const stats = await get('/stats');
    const article = sample[0]!.id as string;
    for (const path of [
      '/search?q=vote',
      '/suggest?q=vo',
      '/facets/person?q=a',
      `/articles/${article}`,
      '/stats',
    ]) {
      const first = await get(path);
      expect(first.status, path).toBe(200);
      const tag = first.headers.get('ETag')!;
      expect(tag, path).toMatch(/^W\/"[0-9a-f]{32}(\.[0-9A-Za-z-]+)?"$/);
      expect(tag, path).toContain(stats.body.contentHash.slice(0, 32));

      const again = await fetchWorker(`${BASE}${path}`, {
        headers: { 'If-None-Match': `W/"other", ${tag}` },
      });
      expect(again.status, path).toBe(304);
      expect(await again.text(), path).toBe('');
      expect(again.headers.get('ETag'), path).toBe(tag);
      expect(again.headers.get('Cache-Control'), path).toBe(first.headers.get('Cache-Control'));

      const stale = await fetchWorker(`${BASE}${path}`, { headers: { 'If-None-Match': 'W/"0000"' } });
      expect(stale.status, path).toBe(200);
      await stale.arrayBuffer();
    }
  });

  it('never tag or cache errors, and never revalidate a missing document into a 304', async () => {
    for (const path of ['/search?limit=0', '/articles/no-such-id', '/nope']) {
      const res = await get(path);
      expect(res.headers.get('ETag'), path).toBeNull();
      expect(res.headers.get('Cache-Control'), path).toBe('no-store');
    }
    const star = await fetchWorker(`${BASE}/articles/no-such-id`, { headers: { 'If-None-Match': '*' } });
    expect(star.status).toBe(404);
    await star.arrayBuffer();
  });

  it('suit each route', async () => {
    const article = sample[0]!.id as string;
    const expected: Array<[string, RegExp]> = [
      ['/search?q=vote', /^public, max-age=60\b/],
      ['/suggest?q=vo', /^public, max-age=60\b/],
      ['/facets/person', /^public, max-age=60\b/],
      [`/articles/${article}`, /^public, max-age=3600\b/],
      ['/stats', /^public, max-age=60$/],
      ['/openapi.json', /^public, max-age=3600$/],
      ['/health', /^no-store$/],
    ];
    for (const [path, cache] of expected)
      expect((await get(path)).headers.get('Cache-Control'), path).toMatch(cache);
    expect((await get('/health')).headers.get('ETag')).toBeNull();
  });
});

describe('error bodies', () => {
  const LEAKS = [/\n\s+at /, /\.(ts|js):\d+/, /\/work\//, /node_modules/, /secret/i];

  it('of an internal error say nothing about internals', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = contractApp(createApp(), { undocumented: [/^\/boom$/] });
    app.app.get('/boom', () => {
      throw new TypeError('secret detail at /work/main/src/secret.ts:12');
    });
    const res = await app.request(`${BASE}/boom`, {}, env);
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: 'Internal error' } });
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    for (const leak of LEAKS) expect(text).not.toMatch(leak);
  });

  it('of a failing index store say nothing about the storage', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = checkedApp({
      source: () => ({
        name: 'fs:/work/main/secret-index',
        read: async () => {
          throw new Error('EACCES: permission denied, open /work/main/secret-index/manifest.json');
        },
      }),
    });
    for (const path of ['/search?q=vote', '/health']) {
      const res = await app.request(`${BASE}${path}`, {}, env);
      const text = await res.text();
      expect(res.status, path).toBe(503);
      expect(JSON.parse(text).error.code, path).toBe('index_corrupt');
      for (const leak of LEAKS) expect(text, path).not.toMatch(leak);
    }
  });

  it('of bad requests are JSON with a code, whatever the input', async () => {
    for (const path of [
      '/search?q=%E0%A4%A',
      '/search?q=%',
      '/search?limit=%00',
      '/facets/%2e%2e%2fsecret',
      '/articles/%2e%2e%2fmanifest.json',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBeLessThan(500);
      expect(typeof res.body.error?.code === 'string' || res.status === 200, path).toBe(true);
    }
  });
});

describe('rate limiting (Miniflare Rate Limiting binding)', () => {
  it('is bound from wrangler.toml, with the limit and period that 429s quote', () => {
    expect(typeof env.RATE_LIMITER?.limit).toBe('function');
    const simple =
      /\[\[ratelimits\]\][^[]*name = "RATE_LIMITER"[^[]*simple = \{ limit = (\d+), period = (\d+) \}/.exec(
        wranglerToml,
      );
    expect(simple?.slice(1).map(Number)).toEqual([LIMITS.rateLimitRequests, LIMITS.rateLimitPeriodSeconds]);
  });

  it('answers 429 with Retry-After once a client exceeds the limit, per client', async () => {
    // TEST_RATE_LIMITER allows 3 requests per 60 s window (vitest.config.ts).
    const call = appWith({ RATE_LIMITER: env.TEST_RATE_LIMITER });
    const client = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof call>> | null = null;
    // 8 requests: even if a window boundary passes during the burst, some must be refused.
    for (let i = 0; i < 8; i++) {
      const res = await call('/search?q=vote', { headers: { 'CF-Connecting-IP': client } });
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(limited).not.toBeNull();
    expect(limited!.body.error.code).toBe('rate_limited');
    expect(limited!.headers.get('Retry-After')).toBe(String(LIMITS.rateLimitPeriodSeconds));
    expect(limited!.headers.get('Cache-Control')).toBe('no-store');
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);

    // Another client is not affected; /health (probes) and preflights are never limited.
    expect((await call('/search?q=vote', { headers: { 'CF-Connecting-IP': '192.0.2.77' } })).status).toBe(
      200,
    );
    expect((await call('/health', { headers: { 'CF-Connecting-IP': client } })).status).toBe(200);
    const preflight = await call('/search', {
      method: 'OPTIONS',
      headers: {
        'CF-Connecting-IP': client,
        Origin: 'https://a.example',
        'Access-Control-Request-Method': 'GET',
      },
    });
    expect(preflight.status).toBe(204);
  });

  it('lets requests through when the limiter itself fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = { limit: async () => Promise.reject(new Error('limiter down')) };
    const call = appWith({ RATE_LIMITER: broken });
    expect((await call('/search?q=vote')).status).toBe(200);
  });
});

describe('API key', () => {
  const KEY = 'test-key-0123456789';
  const call = appWith({ API_KEY: KEY });

  it('makes the index private: 401 without the key, with a stable code', async () => {
    for (const path of [
      '/search?q=vote',
      '/suggest?q=vo',
      '/facets/person',
      '/stats',
      `/articles/${sample[0]!.id}`,
      '/entities/x',
      '/quotes/x',
    ]) {
      const res = await call(path);
      expect(res.status, path).toBe(401);
      expect(res.body.error.code, path).toBe('api_key_required');
      expect(res.headers.get('WWW-Authenticate'), path).toMatch(/^Bearer /);
      expect(res.headers.get('Cache-Control'), path).toBe('no-store');
    }
    for (const init of [
      { headers: { Authorization: 'Bearer wrong' } },
      { headers: { Authorization: `Bearer ${KEY}x` } },
    ]) {
      const res = await call('/search?q=vote', init);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('api_key_invalid');
    }
    expect((await call('/search?q=vote&key=wrong')).body.error.code).toBe('api_key_invalid');
  });

  it('serves with the key, as a Bearer token or ?key=, privately cached', async () => {
    const bearer = await call('/search?q=vote', { headers: { Authorization: `Bearer ${KEY}` } });
    expect(bearer.status).toBe(200);
    expect(bearer.body.total).toBeGreaterThan(0);
    expect(bearer.headers.get('Cache-Control')).toMatch(/^private, /);
    expect(bearer.headers.get('Vary')).toMatch(/Authorization/);
    const query = await call(`/search?q=vote&key=${KEY}`);
    expect(query.status).toBe(200);
    expect(query.body.total).toBe(bearer.body.total);
  });

  it('keeps /health public but reveals nothing without the key', async () => {
    const anonymous = await call('/health');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ status: 'ok' });
    const keyed = await call('/health', { headers: { Authorization: `Bearer ${KEY}` } });
    expect(keyed.body.index.counts.article).toBe(sample.length);
  });

  it('leaves the public parts public', async () => {
    expect((await call('/openapi.json')).status).toBe(200);
    const demo = await checkedApp().request(`${BASE}/`, {}, { ...env, API_KEY: KEY });
    expect(demo.status).toBe(200);
    await demo.arrayBuffer();
  });

  it('answers a private, unavailable index on /health with the code only', async () => {
    const app = checkedApp({ source: () => ({ name: 'assets:/nowhere', read: async () => null }) });
    const res = await app.request(`${BASE}/health`, {}, { ...env, API_KEY: KEY });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'unavailable',
      error: { code: 'index_missing', message: 'The index is unavailable' },
    });
  });
});
