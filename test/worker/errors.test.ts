import { describe, expect, it } from 'vitest';
import { get } from './helpers.js';

const cases: Array<[string, string]> = [
  ['/search?q=x&limit=0', 'invalid_limit'],
  ['/search?q=x&limit=1000', 'invalid_limit'],
  ['/search?q=x&limit=abc', 'invalid_limit'],
  ['/search?q=x&limit=2.5', 'invalid_limit'],
  ['/search?q=x&offset=-1', 'invalid_offset'],
  ['/search?q=x&offset=10001', 'invalid_offset'],
  ['/search?q=x&type=bogus', 'invalid_type'],
  ['/search?q=x&type=article&type=bogus', 'invalid_type'],
  [`/search?q=${'a'.repeat(10_000)}`, 'query_too_long'],
  [`/search?q=${'a'.repeat(513)}`, 'query_too_long'],
  ['/search?q=a&q=b', 'invalid_parameter'],
];

describe('bad requests', () => {
  it.each(cases)('%s → 400 %s', async (path, code) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe('string');
  });

  it('accepts the limits themselves', async () => {
    for (const path of [
      '/search?q=x&limit=1',
      '/search?q=x&limit=100',
      '/search?q=x&offset=10000',
      `/search?q=${'a'.repeat(512)}`,
    ]) {
      expect((await get(path)).status, path).toBe(200);
    }
  });

  it('answers unknown routes with JSON 404s', async () => {
    for (const [path, init] of [
      ['/nope', undefined],
      ['/search/extra', undefined],
      ['/search/', undefined],
      ['/nope', { method: 'POST' }],
    ] as const) {
      const { status, body } = await get(path, init);
      expect(status, path).toBe(404);
      expect(body.error.code).toBe('route_not_found');
    }
  });

  it('answers other methods on known routes with 405 and Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      for (const path of [
        '/search?q=x',
        '/articles/no-such-id',
        '/facets/person',
        '/health',
        '/openapi.json',
        '/',
      ]) {
        const { status, body, headers } = await get(path, { method });
        expect(status, `${method} ${path}`).toBe(405);
        expect(body.error.code).toBe('method_not_allowed');
        expect(headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
      }
    }
  });

  it('refuses strictly what is not an integer, naming the bounds', async () => {
    for (const value of [
      '0x10',
      '010',
      '+5',
      '1e2',
      '1.0',
      '%205',
      '5%20',
      '-0',
      '99999999999999999999',
      '5&limit=6',
    ]) {
      const { status, body } = await get(`/search?q=x&limit=${value}`);
      expect(status, value).toBe(400);
      expect(body.error.code, value).toBe('invalid_limit');
      expect(body.error.message, value).toMatch(
        /^limit: (must be an integer from 1 to 100|may be given only once)$/,
      );
    }
  });

  it('takes an empty value as the parameter left out, for every parameter', async () => {
    const empty = await get(
      '/search?q=&type=&limit=&offset=&facets=&facetLimit=&sort=&recency=&distinct=&from=&to=&person=',
    );
    expect(empty.status).toBe(200);
    expect(empty.body.hits).toHaveLength(10);
    expect((await get('/suggest?q=&limit=')).status).toBe(200);
    expect((await get('/facets/person?q=&limit=')).status).toBe(200);
  });

  it('takes real calendar dates only', async () => {
    for (const d of [
      '2016',
      '2016-02',
      '2016-02-29',
      '2016-02-29T10:00:00Z',
      '2016-02-29T10:00:00.5+02:00',
    ]) {
      expect((await get(`/search?from=${encodeURIComponent(d)}`)).status, d).toBe(200);
    }
    for (const d of [
      '2016-13',
      '2016-10-32',
      '2015-02-29',
      '2016-02-30',
      '2016-1',
      '2016-10-13T25:00:00Z',
      '2016-10-13T10:00Z',
      'yesterday',
    ]) {
      const { status, body } = await get(`/search?to=${encodeURIComponent(d)}`);
      expect(status, d).toBe(400);
      expect(body.error.code, d).toBe('invalid_date');
    }
  });

  it('takes comma-separated lists as it documents them', async () => {
    const { status, body } = await get('/search?q=&type=article,quote&facets=person,%20published,,person');
    expect(status).toBe(200);
    expect(Object.keys(body.facets).sort()).toEqual(['person', 'published']);
    expect(new Set(body.hits.map((h: any) => h.type))).not.toContain('entity');
  });

  it('answers absent documents with JSON 404s', async () => {
    for (const path of [
      '/articles/no-such-id',
      '/quotes/no-such-id',
      '/entities/no-such-id',
      '/articles/__proto__',
      '/articles/constructor',
    ]) {
      const { status, body } = await get(path);
      expect(status, path).toBe(404);
      expect(body.error.code).toBe('not_found');
    }
  });
});
