/**
 * Per-client rate limiting with Cloudflare's Rate Limiting binding (RATE_LIMITER, configured in
 * wrangler.toml). The client is its IP as Cloudflare saw it. Without the binding, or when the
 * binding itself fails, requests pass: the limiter protects the service, it must not take it down.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { errorBody } from '../errors.js';
import { LIMITS } from '../schemas.js';

/** Monitoring probes poll /health; preflights are answered without work. */
const EXEMPT = new Set(['/health']);

export function clientKey(headers: Headers): string {
  // Set by Cloudflare and not forgeable there; other headers (X-Forwarded-For) are.
  return headers.get('CF-Connecting-IP') ?? 'unknown';
}

export function rateLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const limiter = c.env.RATE_LIMITER;
    if (!limiter || c.req.method === 'OPTIONS' || EXEMPT.has(c.req.path)) return next();
    let allowed = true;
    try {
      allowed = (await limiter.limit({ key: clientKey(c.req.raw.headers) })).success;
    } catch (err) {
      console.error('rate limiter failed, letting the request through:', err);
    }
    if (!allowed) {
      return c.json(
        errorBody(
          'rate_limited',
          `Too many requests: at most ${LIMITS.rateLimitRequests} per ${LIMITS.rateLimitPeriodSeconds} s per client`,
        ),
        429,
        { 'Retry-After': String(LIMITS.rateLimitPeriodSeconds) },
      );
    }
    await next();
  };
}
