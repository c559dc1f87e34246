/**
 * Publishing an index into R2 without a redeploy (`npm run publish-index`). The routes exist
 * only when the ADMIN_KEY secret is set (otherwise /admin/* is a 404 like any unknown path) and
 * need `Authorization: Bearer <ADMIN_KEY>`. Never cached, never readable across origins.
 *
 *   PUT  /admin/index/files/<version>/<path...>   one file of a version → R2 `<version>/<path>`
 *   POST /admin/index/publish   { manifest }       check the version is complete, switch the pointer
 *   POST /admin/index/rollback                     pointer back to the previous version
 *   GET  /admin/index/versions                     history, current pointer, stored versions
 *
 * Keys (under INDEX_R2_PREFIX): `manifest.json` is the pointer the Worker reads; `<version>/…`
 * a version's files plus a copy of its manifest (what rollback restores); `versions.json` the
 * history, oldest first, one entry per version still stored, the last being the current one.
 * The pointer is one object written by one put, after every file it names was checked: R2 puts
 * are atomic, so a reader sees the old pointer or the new one, never a mix.
 *
 * Pruning, after each publish: every version folder (`v-<hex>/`) except the current version and
 * the two most recent previous ones in the history is deleted, with anything else stored under
 * it (uploads never published included). It runs after the pointer is written, and the version
 * switched away from is one of the kept ones. Publishing is meant for one publisher at a time:
 * a publish that prunes while another version is still being uploaded deletes those uploads,
 * and that version's publish then answers 409 `incomplete_version` (upload again).
 */
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { manifestSchema, READABLE_FORMATS } from '../../index/manifest.js';
import { OPTIONS_HASH } from '../../index/options.js';
import type { AppEnv } from '../env.js';
import { ApiError, errorBody } from '../errors.js';
import { sameKey } from '../middleware/api-key.js';
import { notFound } from '../middleware/errors.js';
import { normalizePrefix, r2Key } from '../sources/r2.js';

/** Cloudflare's request body limit on the Free and Pro plans. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** Previous versions kept by pruning, as rollback targets. */
export const KEEP_PREVIOUS = 2;

export const VERSION_PATTERN = /^v-[0-9a-f]{6,64}$/;
const SEGMENT_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const MAX_PATH_CHARS = 512;
const MAX_PATH_DEPTH = 8;

/**
 * A file path inside a version, as the manifest and the upload route name it: relative, at most
 * 8 segments of letters, digits, `.`, `_`, `-`, none empty or starting with a dot (so no `..`,
 * no absolute path, no percent-escapes or backslashes).
 */
export function isFilePath(path: string): boolean {
  if (path.length === 0 || path.length > MAX_PATH_CHARS) return false;
  const segments = path.split('/');
  return segments.length <= MAX_PATH_DEPTH && segments.every((s) => SEGMENT_PATTERN.test(s));
}

export interface HistoryEntry {
  version: string;
  publishedAt: string;
}

const NO_STORE = { 'Cache-Control': 'no-store' };
const UNAUTHORIZED_HEADERS = { 'WWW-Authenticate': 'Bearer realm="newsroom-search-admin"', ...NO_STORE };

type AdminContext = Context<AppEnv>;

/**
 * Runs before CORS (see app.ts): without ADMIN_KEY the admin routes do not exist; with it, no
 * answer (preflights included) carries CORS headers, so no web page can read or drive them.
 */
export function adminGate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.env.ADMIN_KEY) return notFound(c);
    await next();
    for (const name of [...c.res.headers.keys()]) {
      if (name.toLowerCase().startsWith('access-control-')) c.res.headers.delete(name);
    }
    c.res.headers.set('Cache-Control', 'no-store');
  };
}

function requireAdminKey(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const presented = c.req.header('Authorization')?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    const key = c.env.ADMIN_KEY;
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

function bucketOf(c: AdminContext): { bucket: R2Bucket; key: (path: string) => string; prefix: string } {
  const bucket = c.env.INDEX_BUCKET;
  if (!bucket)
    throw new ApiError(
      503,
      'bucket_missing',
      'The Worker has no INDEX_BUCKET binding (see [[r2_buckets]] in wrangler.toml)',
    );
  const prefix = normalizePrefix(c.env.INDEX_R2_PREFIX);
  return { bucket, prefix, key: (path) => r2Key(prefix, path) };
}

function declaredLength(c: AdminContext, max: number): number {
  const header = c.req.header('Content-Length');
  if (header === undefined) throw new ApiError(411, 'length_required', 'Send the body with a Content-Length');
  const n = Number(header);
  if (!/^\d+$/.test(header) || !Number.isSafeInteger(n))
    throw new ApiError(400, 'invalid_parameter', 'Content-Length is not a number');
  if (n > max) throw new ApiError(413, 'payload_too_large', `The body must be at most ${max} bytes`);
  return n;
}

type Store = ReturnType<typeof bucketOf>;

async function readHistory({ bucket, key }: Store): Promise<HistoryEntry[]> {
  const object = await bucket.get(key('versions.json'));
  if (!object) return [];
  try {
    const parsed = JSON.parse(await object.text()) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (e): e is HistoryEntry => typeof e?.version === 'string' && typeof e?.publishedAt === 'string',
    );
  } catch {
    console.error('admin: versions.json is not JSON; starting a new history');
    return [];
  }
}

async function writeHistory({ bucket, key }: Store, history: HistoryEntry[]): Promise<void> {
  await bucket.put(key('versions.json'), JSON.stringify(history, null, 2), {
    httpMetadata: { contentType: 'application/json' },
  });
}

/** The version the pointer names now, with when it was written; null when there is none. */
async function currentPointer({ bucket, key }: Store): Promise<{ version: string; uploaded: Date } | null> {
  const object = await bucket.get(key('manifest.json'));
  if (!object) return null;
  try {
    const version = (JSON.parse(await object.text()) as { version?: unknown }).version;
    return typeof version === 'string' ? { version, uploaded: object.uploaded } : null;
  } catch {
    return null;
  }
}

/** The history with the pointer's version as its last entry (it may lag after an interrupted publish). */
function withCurrent(
  history: HistoryEntry[],
  pointer: { version: string; uploaded: Date } | null,
): HistoryEntry[] {
  if (!pointer || history.at(-1)?.version === pointer.version) return history;
  return [
    ...history.filter((e) => e.version !== pointer.version),
    { version: pointer.version, publishedAt: pointer.uploaded.toISOString() },
  ];
}

function parseManifest(raw: unknown) {
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(
      400,
      'invalid_manifest',
      `The manifest is malformed: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    );
  }
  const manifest = parsed.data;
  if (!VERSION_PATTERN.test(manifest.version))
    throw new ApiError(400, 'invalid_manifest', `"${manifest.version}" is not a version name (v-<hex>)`);
  for (const [name, file] of Object.entries(manifest.files)) {
    if (!isFilePath(file.path))
      throw new ApiError(400, 'invalid_manifest', `File "${name}" has an invalid path`);
  }
  if (!READABLE_FORMATS.includes(manifest.formatVersion) || manifest.optionsHash !== OPTIONS_HASH) {
    throw new ApiError(
      409,
      'index_incompatible',
      `This Worker reads formats ${READABLE_FORMATS.join(', ')} with options ${OPTIONS_HASH}; the index is format ${manifest.formatVersion} with options ${manifest.optionsHash}: rebuild it`,
    );
  }
  return manifest;
}

type Manifest = ReturnType<typeof parseManifest>;

/** Every file the manifest lists must be stored with its size; returns what is not. */
async function problems({ bucket, key }: Store, manifest: Manifest): Promise<string[]> {
  const found: string[] = [];
  await Promise.all(
    Object.values(manifest.files).map(async (file) => {
      const path = `${manifest.version}/${file.path}`;
      const head = await bucket.head(key(path));
      if (!head) found.push(`${path} is missing`);
      else if (head.size !== file.bytes)
        found.push(`${path} has ${head.size} bytes, the manifest says ${file.bytes}`);
    }),
  );
  return found.sort();
}

function incomplete(version: string, found: string[]): ApiError {
  const shown = found.slice(0, 10).join('; ');
  return new ApiError(
    409,
    'incomplete_version',
    `Version ${version} is incomplete: ${shown}${found.length > 10 ? `; and ${found.length - 10} more` : ''}`,
  );
}

async function storedVersions({ bucket, prefix }: Store): Promise<string[]> {
  const base = prefix ? `${prefix}/` : '';
  const versions: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: base, delimiter: '/', ...(cursor ? { cursor } : {}) });
    for (const p of page.delimitedPrefixes) {
      const name = p.slice(base.length).replace(/\/$/, '');
      if (VERSION_PATTERN.test(name)) versions.push(name);
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return versions.sort();
}

async function deleteVersion({ bucket, key }: Store, version: string): Promise<void> {
  const folder = key(`${version}/`);
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: folder, ...(cursor ? { cursor } : {}) });
    if (page.objects.length > 0) await bucket.delete(page.objects.map((o) => o.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
}

export function adminRoutes() {
  const app = new Hono<AppEnv>();
  app.use('/admin/*', requireAdminKey());

  app.put('/admin/index/files/*', async (c) => {
    const store = bucketOf(c);
    const rest = new URL(c.req.url).pathname.slice('/admin/index/files/'.length);
    const slash = rest.indexOf('/');
    const version = slash < 0 ? rest : rest.slice(0, slash);
    const path = slash < 0 ? '' : rest.slice(slash + 1);
    if (!VERSION_PATTERN.test(version))
      throw new ApiError(400, 'invalid_path', 'The version must be v-<hex> (lower case)');
    if (!isFilePath(path)) {
      throw new ApiError(
        400,
        'invalid_path',
        'The file path must be relative: segments of letters, digits, ".", "_", "-", none empty or starting with "."',
      );
    }
    const bytes = declaredLength(c, MAX_FILE_BYTES);
    const body = c.req.raw.body;
    if (!body && bytes > 0)
      throw new ApiError(400, 'invalid_parameter', `No body, but a Content-Length of ${bytes}`);
    // R2 needs a body of known length; the FixedLengthStream also fails a body that is not as long as declared.
    const value = body && bytes > 0 ? body.pipeThrough(new FixedLengthStream(bytes)) : new Uint8Array(0);
    let stored: R2Object | null;
    try {
      stored = await store.bucket.put(store.key(`${version}/${path}`), value);
    } catch (err) {
      console.error('admin: upload failed:', err);
      throw new ApiError(
        400,
        'invalid_parameter',
        `The body did not match its Content-Length (${bytes} bytes)`,
      );
    }
    return c.json({ version, path, bytes: stored?.size ?? bytes }, 201, NO_STORE);
  });

  app.post('/admin/index/publish', async (c) => {
    const store = bucketOf(c);
    declaredLength(c, MAX_MANIFEST_BYTES);
    const text = await c.req.text();
    if (text.length > MAX_MANIFEST_BYTES)
      throw new ApiError(413, 'payload_too_large', `The body must be at most ${MAX_MANIFEST_BYTES} bytes`);
    let body: { manifest?: unknown };
    try {
      body = JSON.parse(text) as { manifest?: unknown };
    } catch {
      throw new ApiError(
        400,
        'invalid_manifest',
        'The body must be JSON: { "manifest": <the version\'s manifest.json> }',
      );
    }
    const raw = body?.manifest;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new ApiError(
        400,
        'invalid_manifest',
        'The body must be JSON: { "manifest": <the version\'s manifest.json> }',
      );
    }
    const manifest = parseManifest(raw);
    const missing = await problems(store, manifest);
    if (missing.length > 0) throw incomplete(manifest.version, missing);

    // Stored as sent, not as parsed: keys this Worker's schema does not know (a newer layout's) are kept.
    const pointerText = JSON.stringify(raw, null, 2);
    const json = { httpMetadata: { contentType: 'application/json' } };
    await store.bucket.put(store.key(`${manifest.version}/manifest.json`), pointerText, json);
    const pointer = await currentPointer(store);
    let history = withCurrent(await readHistory(store), pointer);
    // The switch: one put of one object.
    await store.bucket.put(store.key('manifest.json'), pointerText, json);

    history = [
      ...history.filter((e) => e.version !== manifest.version),
      { version: manifest.version, publishedAt: new Date().toISOString() },
    ];
    history = history.slice(-(KEEP_PREVIOUS + 1));
    await writeHistory(store, history);
    const keep = new Set(history.map((e) => e.version));
    const pruned = (await storedVersions(store)).filter((v) => !keep.has(v));
    for (const version of pruned) await deleteVersion(store, version);

    const files = Object.values(manifest.files);
    return c.json(
      {
        version: manifest.version,
        previous: pointer?.version ?? null,
        files: files.length,
        bytes: files.reduce((sum, f) => sum + f.bytes, 0),
        pruned,
        history,
      },
      200,
      NO_STORE,
    );
  });

  app.post('/admin/index/rollback', async (c) => {
    const store = bucketOf(c);
    const pointer = await currentPointer(store);
    const history = withCurrent(await readHistory(store), pointer);
    const target = history.at(-2);
    if (!pointer || !target)
      throw new ApiError(409, 'no_previous_version', 'There is no previous version to roll back to');
    const copy = await store.bucket.get(store.key(`${target.version}/manifest.json`));
    if (!copy)
      throw new ApiError(
        409,
        'no_previous_version',
        `The previous version ${target.version} is no longer stored`,
      );
    const text = await copy.text();
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ApiError(409, 'no_previous_version', `The stored manifest of ${target.version} is not JSON`);
    }
    const manifest = parseManifest(raw);
    const missing = await problems(store, manifest);
    if (missing.length > 0) throw incomplete(manifest.version, missing);
    await store.bucket.put(store.key('manifest.json'), text, {
      httpMetadata: { contentType: 'application/json' },
    });
    // The version rolled back from leaves the history; its files stay until the next publish prunes them.
    const rest = history.slice(0, -1);
    await writeHistory(store, rest);
    return c.json({ version: target.version, rolledBackFrom: pointer.version, history: rest }, 200, NO_STORE);
  });

  app.get('/admin/index/versions', async (c) => {
    const store = bucketOf(c);
    const pointer = await currentPointer(store);
    const history = withCurrent(await readHistory(store), pointer);
    return c.json(
      { current: pointer?.version ?? null, history, stored: await storedVersions(store) },
      200,
      NO_STORE,
    );
  });

  return app;
}
