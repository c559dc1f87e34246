/**
 * The HTTP side of publishing into R2 without a redeploy (`npm run publish-index`); the protocol
 * itself (checks, pointer, history, pruning, rollback) is the index store's (src/store/publish.ts).
 * The routes exist only when the ADMIN_KEY secret is set (otherwise /admin/* is a 404 like any
 * unknown path) and need `Authorization: Bearer <ADMIN_KEY>`. Never cached, never readable across
 * origins.
 *
 *   PUT  /admin/index/files/<version>/<path...>   one file of a version → R2 `<version>/<path>`
 *   POST /admin/index/publish   { manifest }       check the version is complete, switch the pointer
 *   POST /admin/index/rollback                     pointer back to the previous version
 *   GET  /admin/index/versions                     history, current pointer, stored versions
 */
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { r2Storage } from '../../store/drivers/r2.js';
import {
  checkUploadPath,
  listVersions,
  PublishError,
  type PublishErrorCode,
  publish,
  rollback,
  uploadFile,
} from '../../store/publish.js';
import type { IndexStorage } from '../../store/storage.js';
import type { AppEnv } from '../config.js';
import { ApiError, errorBody } from '../errors.js';
import { sameKey } from '../middleware/api-key.js';
import { notFound } from '../middleware/errors.js';
import { type PerRequest, resolve } from '../middleware/per-request.js';

/** Cloudflare's request body limit on the Free and Pro plans. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
export const MAX_MANIFEST_BYTES = 1024 * 1024;

export interface AdminOptions {
  /** ADMIN_KEY; null: the admin routes do not exist. */
  key: string | null;
}

export const NO_STORE = { 'Cache-Control': 'no-store' };
const UNAUTHORIZED_HEADERS = { 'WWW-Authenticate': 'Bearer realm="newsroom-search-admin"', ...NO_STORE };

const STATUS: Record<PublishErrorCode, ContentfulStatusCode> = {
  invalid_path: 400,
  invalid_manifest: 400,
  index_incompatible: 409,
  incomplete_version: 409,
  no_previous_version: 409,
};

type AdminContext = Context<AppEnv>;

/**
 * Runs before CORS (see app.ts): without ADMIN_KEY the admin routes do not exist; with it, no
 * answer (preflights included) carries CORS headers, so no web page can read or drive them.
 */
export function adminGate(options: PerRequest<AdminOptions>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!resolve(options, c).key) return notFound(c);
    await next();
    for (const name of [...c.res.headers.keys()]) {
      if (name.toLowerCase().startsWith('access-control-')) c.res.headers.delete(name);
    }
    c.res.headers.set('Cache-Control', 'no-store');
  };
}

export function requireAdminKey(options: PerRequest<AdminOptions>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const presented = c.req.header('Authorization')?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    const { key } = resolve(options, c);
    if (!key || !presented || !(await sameKey(presented, key))) {
      return c.json(
        errorBody('unauthorized', 'The admin routes need Authorization: Bearer <ADMIN_KEY>'),
        401,
        UNAUTHORIZED_HEADERS,
      );
    }
    await next();
  };
}

/** The store's refusals as API errors. */
async function storeCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof PublishError) throw new ApiError(STATUS[err.code], err.code, err.message);
    throw err;
  }
}

export function storageOf(c: AdminContext): IndexStorage {
  const bucket = c.env.INDEX_BUCKET;
  if (!bucket)
    throw new ApiError(
      503,
      'bucket_missing',
      'The Worker has no INDEX_BUCKET binding (see [[r2_buckets]] in wrangler.toml)',
    );
  return r2Storage(bucket, c.var.config.index.r2Prefix);
}

export function declaredLength(c: AdminContext, max: number): number {
  const header = c.req.header('Content-Length');
  if (header === undefined) throw new ApiError(411, 'length_required', 'Send the body with a Content-Length');
  const n = Number(header);
  if (!/^\d+$/.test(header) || !Number.isSafeInteger(n))
    throw new ApiError(400, 'invalid_parameter', 'Content-Length is not a number');
  if (n > max) throw new ApiError(413, 'payload_too_large', `The body must be at most ${max} bytes`);
  return n;
}

/**
 * A small JSON body, read whole: its declared length and then its text held to `max`; text that
 * is not JSON is `invalid` (each route names its own code).
 */
export async function jsonBody(c: AdminContext, max: number, invalid: () => ApiError): Promise<unknown> {
  declaredLength(c, max);
  const text = await c.req.text();
  if (text.length > max)
    throw new ApiError(413, 'payload_too_large', `The body must be at most ${max} bytes`);
  try {
    return JSON.parse(text);
  } catch {
    throw invalid();
  }
}

const MANIFEST_BODY = 'The body must be JSON: { "manifest": <the version\'s manifest.json> }';

export function adminRoutes(options: PerRequest<AdminOptions>) {
  const app = new Hono<AppEnv>();
  app.use('/admin/*', requireAdminKey(options));

  app.put('/admin/index/files/*', async (c) => {
    const storage = storageOf(c);
    const rest = new URL(c.req.url).pathname.slice('/admin/index/files/'.length);
    const slash = rest.indexOf('/');
    const version = slash < 0 ? rest : rest.slice(0, slash);
    const path = slash < 0 ? '' : rest.slice(slash + 1);
    await storeCall(async () => checkUploadPath(version, path));
    const bytes = declaredLength(c, MAX_FILE_BYTES);
    const body = c.req.raw.body;
    if (!body && bytes > 0)
      throw new ApiError(400, 'invalid_parameter', `No body, but a Content-Length of ${bytes}`);
    let stored: number;
    try {
      stored = await uploadFile(storage, version, path, body ?? new Uint8Array(0), bytes);
    } catch (err) {
      console.error('admin: upload failed:', err);
      throw new ApiError(
        400,
        'invalid_parameter',
        `The body did not match its Content-Length (${bytes} bytes)`,
      );
    }
    return c.json({ version, path, bytes: stored }, 201, NO_STORE);
  });

  app.post('/admin/index/publish', async (c) => {
    const storage = storageOf(c);
    const body = (await jsonBody(
      c,
      MAX_MANIFEST_BYTES,
      () => new ApiError(400, 'invalid_manifest', MANIFEST_BODY),
    )) as { manifest?: unknown } | null;
    const raw = body?.manifest;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
      throw new ApiError(400, 'invalid_manifest', MANIFEST_BODY);
    return c.json(await storeCall(() => publish(storage, raw)), 200, NO_STORE);
  });

  app.post('/admin/index/rollback', async (c) =>
    c.json(await storeCall(() => rollback(storageOf(c))), 200, NO_STORE),
  );

  app.get('/admin/index/versions', async (c) => c.json(await listVersions(storageOf(c)), 200, NO_STORE));

  return app;
}
