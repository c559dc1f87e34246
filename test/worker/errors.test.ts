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

  it('answers unknown routes and methods with JSON 404s', async () => {
    for (const [path, init] of [
      ['/nope', undefined],
      ['/search/extra', undefined],
      ['/search', { method: 'POST' }],
    ] as const) {
      const { status, body } = await get(path, init);
      expect(status, path).toBe(404);
      expect(body.error.code).toBe('route_not_found');
    }
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
