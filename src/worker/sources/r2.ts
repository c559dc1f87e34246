/**
 * IndexSource over an R2 bucket: the index published by `npm run publish-index` (see
 * src/worker/routes/admin.ts). Keys mirror the on-disk layout under an optional prefix:
 * `manifest.json` (the pointer), `<version>/<path>` (a version's files), `versions.json`.
 */
import type { IndexSource } from '../../index/source.js';

/** A prefix as stored: no leading or trailing slash; "" for the bucket's root. */
export function normalizePrefix(prefix: string | undefined): string {
  return (prefix ?? '').replace(/^\/+|\/+$/g, '');
}

/** The R2 key of a path relative to the index root. */
export function r2Key(prefix: string | undefined, path: string): string {
  const base = normalizePrefix(prefix);
  return base ? `${base}/${path}` : path;
}

export function r2Source(bucket: R2Bucket, prefix?: string): IndexSource {
  const base = normalizePrefix(prefix);
  return {
    name: `r2:${base || '/'}`,
    async read(path) {
      const object = await bucket.get(r2Key(base, path));
      if (object === null) return null;
      return new Uint8Array(await object.arrayBuffer());
    },
  };
}
