/**
 * ETags for answers computed from the index: the same URL on the same index and the same
 * Worker version gives the same answer, so the tag is the index's content hash plus the
 * deployment's version id, and a matching If-None-Match is answered 304 before any search runs.
 * Weak, because Cloudflare may re-encode (compress) bodies.
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

export function etag(options: PerRequest<EtagOptions>): MiddlewareHandler<AppEnv & IndexVars> {
  return async (c, next) => {
    const tag = indexEtag(c.var.engine.manifest.contentHash, resolve(options, c).deployId);
    if (
      (c.req.method === 'GET' || c.req.method === 'HEAD') &&
      etagMatches(c.req.header('If-None-Match'), tag)
    ) {
      // Only URLs that answered 200 ever handed out this tag, and they still would.
      return c.body(null, 304, { ETag: tag });
    }
    await next();
    // An answer its route marked no-store (a partial one: a shard did not answer) is not to be
    // kept, so not to be revalidated either.
    if (c.res.status === 200 && c.res.headers.get('Cache-Control') !== NO_STORE)
      c.res.headers.set('ETag', tag);
  };
}
