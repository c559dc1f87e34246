/**
 * Cache-Control by route. Search answers change whenever the index does, so they are cached
 * briefly; stored documents rarely change; errors and /health are never cached, so that a
 * fixed index or a lifted limit is seen at once. A private index (API_KEY) is never stored by
 * shared caches.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../config.js';
import { type PerRequest, resolve } from './per-request.js';

export interface CacheOptions {
  /** Answers for one client (a private index): never stored by shared caches, varying by key. */
  private: boolean;
}

export const CACHE = {
  search: 'max-age=60, stale-while-revalidate=60',
  documents: 'max-age=3600, stale-while-revalidate=86400',
  stats: 'max-age=60',
  openapi: 'max-age=3600',
} as const;

export const NO_STORE = 'no-store';

function scoped(value: string, isPrivate: boolean): string {
  return `${isPrivate ? 'private' : 'public'}, ${value}`;
}

/** Sets the route's policy on successful answers (2xx and 304). */
export function cacheFor(
  policy: keyof typeof CACHE,
  options: PerRequest<CacheOptions>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const ok = (c.res.status >= 200 && c.res.status < 300) || c.res.status === 304;
    if (ok && !c.res.headers.has('Cache-Control'))
      c.res.headers.set('Cache-Control', scoped(CACHE[policy], resolve(options, c).private));
  };
}

/** Outermost: whatever no route set (errors, 404s, /health) is not stored. */
export function defaultNoStore(options: PerRequest<CacheOptions>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status >= 400 || !c.res.headers.has('Cache-Control'))
      c.res.headers.set('Cache-Control', NO_STORE);
    // A credentialed answer must not be reused for another key (or none).
    if (resolve(options, c).private) c.res.headers.append('Vary', 'Authorization');
  };
}

/**
 * For an answer some shards did not contribute to: never stored, and so never given an ETag (the
 * etag middleware skips no-store answers), so that a cache cannot keep it as the whole answer.
 */
export function partialAnswer(c: Context): void {
  c.header('Cache-Control', NO_STORE);
}
