/**
 * ETags for answers computed from the index: the same URL on the same index and the same
 * Worker version gives the same answer, so the tag is the index's content hash plus the
 * deployment's version id. Weak, because Cloudflare may re-encode (compress) bodies.
 *
 * A matching If-None-Match is answered 304 only where the answer would have been a 200: a bad
 * request keeps its 400 and a missing document its 404. `etag` turns a finished 200 into the 304;
 * `notModified`, placed after a route's validation, answers it before the search runs, where
 * nothing but a 200 can follow (one index in this isolate; shards may fail).
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../config.js';
import { NO_STORE } from './cache-control.js';
import { type PerRequest, resolve } from './per-request.js';
import type { IndexVars } from './with-index.js';

export interface EtagOptions {
  /** The deployment's version id, or null when unknown. */
  deployId: string | null;
}

export type EtagVars = { Variables: { etag: string } };

export function indexEtag(contentHash: string, deployId: string | null): string {
  return `W/"${contentHash.slice(0, 32)}${deployId ? `.${deployId.replace(/[^0-9A-Za-z-]/g, '')}` : ''}"`;
}

/**
 * RFC 9110 weak comparison against an If-None-Match list. "*" is not honoured: it would turn
 * a missing document's 404 into a 304.
 */
export function etagMatches(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  const bare = tag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const v = t.trim();
    return v.replace(/^W\//, '') === bare;
  });
}

function revalidates(c: { req: { method: string; header(name: string): string | undefined } }, tag: string) {
  return (
    (c.req.method === 'GET' || c.req.method === 'HEAD') && etagMatches(c.req.header('If-None-Match'), tag)
  );
}

export function etag(options: PerRequest<EtagOptions>): MiddlewareHandler<AppEnv & IndexVars & EtagVars> {
  return async (c, next) => {
    const tag = indexEtag(c.var.engine.manifest.contentHash, resolve(options, c).deployId);
    c.set('etag', tag);
    await next();
    // An answer its route marked no-store (a partial one: a shard did not answer) is not to be
    // kept, so not to be revalidated either.
    if (c.res.status !== 200 || c.res.headers.get('Cache-Control') === NO_STORE) return;
    if (revalidates(c, tag)) {
      c.res = new Response(null, { status: 304, headers: { ETag: tag } });
    } else {
      c.res.headers.set('ETag', tag);
    }
  };
}

/** After a route's validation: the 304 without running the search, when only a 200 could follow. */
export function notModified(): MiddlewareHandler<AppEnv & IndexVars & EtagVars> {
  return async (c, next) => {
    if (c.var.engine.manifest.shards === undefined && revalidates(c, c.var.etag)) {
      return c.body(null, 304, { ETag: c.var.etag });
    }
    await next();
  };
}
