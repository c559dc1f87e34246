/** A Worker whose configuration has a bad value answers so on every route, in the API's error shape. */
import { env } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { BASE, checkedApp } from './helpers.js';

describe('a bad configuration', () => {
  it('answers 500 config_invalid naming the variable, uncached, with the security headers', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = checkedApp();
    const bindings = { ...env, INDEX_REFRESH_SECONDS: 'often', CORS_ORIGINS: 'news.example' };
    for (const path of ['/health', '/search?q=vote', '/openapi.json', '/nope']) {
      const res = await app.request(
        `${BASE}${path}`,
        { headers: { Origin: 'https://news.example' } },
        bindings,
      );
      const body = (await res.json()) as any;
      expect(res.status, path).toBe(500);
      expect(body.error.code, path).toBe('config_invalid');
      expect(body.error.message).toContain('INDEX_REFRESH_SECONDS must be a number of seconds');
      expect(body.error.message).toContain('CORS_ORIGINS must be');
      expect(res.headers.get('Cache-Control'), path).toBe('no-store');
      expect(res.headers.get('X-Content-Type-Options'), path).toBe('nosniff');
    }
    // The same app serves an env whose configuration is good.
    expect((await app.request(`${BASE}/health`, {}, env)).status).toBe(200);
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });
});
