/**
 * An optional API key (the API_KEY secret) that makes the index private: its routes then need
 * `Authorization: Bearer <key>` or `?key=<key>`. /health stays public for probes but, unless
 * the key is presented, says only whether the service is up.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../config.js';
import { errorBody } from '../errors.js';
import { type PerRequest, resolve } from './per-request.js';

export interface ApiKeyOptions {
  /** The key; null: the index is public. */
  key: string | null;
}

const encoder = new TextEncoder();

/** Compares digests, so the time taken says nothing about how much of the key was right. */
export async function sameKey(a: string, b: string): Promise<boolean> {
  const [da, db] = await Promise.all([a, b].map((s) => crypto.subtle.digest('SHA-256', encoder.encode(s))));
  const x = new Uint8Array(da!);
  const y = new Uint8Array(db!);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

export function presentedKey(authorization: string | undefined, query: string | undefined): string | null {
  const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? (query || null);
}

export type KeyState = 'public' | 'authorized' | 'missing' | 'invalid';

export async function keyState(
  key: string | null,
  authorization: string | undefined,
  query: string | undefined,
): Promise<KeyState> {
  if (!key) return 'public';
  const presented = presentedKey(authorization, query);
  if (presented === null) return 'missing';
  return (await sameKey(presented, key)) ? 'authorized' : 'invalid';
}

const UNAUTHORIZED_HEADERS = { 'WWW-Authenticate': 'Bearer realm="newsroom-search"' };

/** `key` is a parameter like the others: given once at most, whether or not a key is configured. */
export function oneKey(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if ((c.req.queries('key')?.length ?? 0) > 1)
      return c.json(errorBody('invalid_parameter', 'key: may be given only once'), 400);
    await next();
  };
}

/** For the index's routes: 401 unless the key is right (or none is configured). */
export function apiKey(options: PerRequest<ApiKeyOptions>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const state = await keyState(resolve(options, c).key, c.req.header('Authorization'), c.req.query('key'));
    if (state === 'missing') {
      return c.json(
        errorBody(
          'api_key_required',
          'This index is private: send Authorization: Bearer <key> or ?key=<key>',
        ),
        401,
        UNAUTHORIZED_HEADERS,
      );
    }
    if (state === 'invalid')
      return c.json(errorBody('api_key_invalid', 'The API key is not valid'), 401, UNAUTHORIZED_HEADERS);
    await next();
  };
}

/** For /health of a private index: without the key, only `status` (and the error code) remain. */
export function redactHealth(options: PerRequest<ApiKeyOptions>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const state = await keyState(resolve(options, c).key, c.req.header('Authorization'), c.req.query('key'));
    if (state === 'public' || state === 'authorized') return;
    const body = (await c.res.clone().json()) as { status?: string; error?: { code?: string } };
    const redacted = body.error?.code
      ? { status: body.status, error: { code: body.error.code, message: 'The index is unavailable' } }
      : { status: body.status };
    c.res = c.json(redacted, c.res.status as 200 | 503);
  };
}
