/**
 * The R2 driver: versions published by `npm run publish-index` (src/store/publish.ts). Keys mirror
 * the on-disk layout under an optional prefix: `manifest.json` (the pointer), `<version>/<path>`
 * (a version's files), `versions.json` (the history).
 */
import type { IndexStorage } from '../storage.js';

/** A prefix as stored: no leading or trailing slash; "" for the bucket's root. */
export function normalizePrefix(prefix: string | undefined): string {
  return (prefix ?? '').replace(/^\/+|\/+$/g, '');
}

/** R2 deletes at most this many keys per call. */
const DELETE_BATCH = 1000;

export function r2Storage(bucket: R2Bucket, prefix?: string): IndexStorage {
  const base = normalizePrefix(prefix);
  const key = (path: string) => (base ? `${base}/${path}` : path);
  const under = base ? `${base}/` : '';

  async function* pages(options: R2ListOptions): AsyncGenerator<R2Objects> {
    let cursor: string | undefined;
    do {
      const page = await bucket.list({ ...options, ...(cursor ? { cursor } : {}) });
      yield page;
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
  }

  return {
    name: `r2:${base || '/'}`,
    async read(path) {
      const object = await bucket.get(key(path));
      if (object === null) return null;
      return new Uint8Array(await object.arrayBuffer());
    },
    async stat(path) {
      const head = await bucket.head(key(path));
      return head && { bytes: head.size, written: head.uploaded };
    },
    async write(path, body, options = {}) {
      const metadata = options.contentType
        ? { httpMetadata: { contentType: options.contentType } }
        : undefined;
      if (!(body instanceof ReadableStream)) return (await bucket.put(key(path), body, metadata))?.size ?? 0;
      const length = options.length;
      if (length === undefined) throw new TypeError(`write ${path}: a stream needs its length`);
      if (length === 0) return (await bucket.put(key(path), new Uint8Array(0), metadata))?.size ?? 0;
      // R2 needs a body of known length; the FixedLengthStream also fails a body that is not as
      // long as declared. Both sides awaited together, so that neither failure goes unhandled.
      const fixed = new FixedLengthStream(length);
      const [stored] = await Promise.all([
        bucket.put(key(path), fixed.readable, metadata),
        body.pipeTo(fixed.writable),
      ]);
      return stored?.size ?? length;
    },
    async list(prefix) {
      const keys: string[] = [];
      for await (const page of pages({ prefix: key(prefix) })) {
        for (const o of page.objects) keys.push(o.key.slice(under.length));
      }
      return keys.sort();
    },
    async folders() {
      const names: string[] = [];
      for await (const page of pages({ prefix: under, delimiter: '/' })) {
        for (const p of page.delimitedPrefixes) names.push(p.slice(under.length).replace(/\/$/, ''));
      }
      return names.sort();
    },
    async delete(paths) {
      for (let i = 0; i < paths.length; i += DELETE_BATCH) {
        await bucket.delete(paths.slice(i, i + DELETE_BATCH).map(key));
      }
    },
  };
}
