/**
 * Per-client rate limiting with Cloudflare's Rate Limiting binding (RATE_LIMITER, configured in
 * wrangler.toml). The client is its IP as Cloudflare saw it. Without the binding, or when the
 * binding itself fails, requests pass: the limiter protects the service, it must not take it down.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../config.js';
import { errorBody } from '../errors.js';
import { type PerRequest, resolve } from './per-request.js';

export interface RateLimitOptions {
  /** The binding; none: unlimited. */
  limiter: RateLimit | undefined;
  /** What a 429 quotes: requests allowed per period, and the period in seconds (also Retry-After). */
  limit: number;
  period: number;
}

/** Monitoring probes poll /health; preflights are answered without work. */
const EXEMPT = new Set(['/health']);

export function clientKey(headers: Headers): string {
  // Set by Cloudflare and not forgeable there; other headers (X-Forwarded-For) are.
  return headers.get('CF-Connecting-IP') ?? 'unknown';
}

export function rateLimit(options: PerRequest<RateLimitOptions>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { limiter, limit, period } = resolve(options, c);
    if (!limiter || c.req.method === 'OPTIONS' || EXEMPT.has(c.req.path)) return next();
    let allowed = true;
    try {
      allowed = (await limiter.limit({ key: clientKey(c.req.raw.headers) })).success;
    } catch (err) {
      console.error('rate limiter failed, letting the request through:', err);
    }
    if (!allowed) {
      return c.json(
        errorBody('rate_limited', `Too many requests: at most ${limit} per ${period} s per client`),
        429,
        { 'Retry-After': String(period) },
      );
    }
    await next();
  };
}
