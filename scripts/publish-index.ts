/**
 * npm run publish-index -- [--url URL] [--key KEY] [--dir public/index] [--rollback]
 * Publishes a built index into the Worker's R2 bucket without a redeploy: uploads every file
 * under <dir>/<version>/ (the version the local manifest.json names; subfolders kept), then asks
 * the Worker to check the version and switch its pointer. `--rollback` switches the pointer back
 * to the previous version instead. The Worker needs INDEX_SOURCE = "r2" to serve what is
 * published here and the ADMIN_KEY secret for the routes to exist (docs/sharding-and-publishing.md › Publishing without a redeploy).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { Command } from 'commander';
import { type Manifest, manifestSchema, storedFiles } from '../src/index/manifest.js';
import type { HistoryEntry } from '../src/store/history.js';
import { isFilePath, VERSION_PATTERN } from '../src/store/publish.js';
import { MAX_FILE_BYTES } from '../src/worker/routes/admin.js';
import { DEFAULT_OUT } from './defaults.js';
import { type AdminClient, AdminError, adminClient } from './lib/admin.js';

const opts = new Command()
  .name('publish-index')
  .description('Upload a built index version to the Worker (R2) and switch to it, or roll back.')
  .option('--url <url>', 'the Worker', 'http://127.0.0.1:8787')
  .option('--key <key>', 'the ADMIN_KEY secret (default: $ADMIN_KEY)', process.env.ADMIN_KEY)
  .option('--dir <dir>', 'the index folder holding manifest.json', DEFAULT_OUT)
  .option('--rollback', 'switch back to the previous version instead of publishing', false)
  .option('--concurrency <n>', 'uploads at a time', '4')
  .parse()
  .opts<{ url: string; key?: string; dir: string; rollback: boolean; concurrency: string }>();

const log = (line: string) => process.stderr.write(`${line}\n`);
const base = opts.url.replace(/\/+$/, '');
/** Made in the try below, where a missing key is reported like any other failure. */
let client: AdminClient;
const admin = <T>(
  method: string,
  path: string,
  body: Uint8Array<ArrayBuffer> | string,
  contentType: string,
) => client.send<T>(method, path, body, contentType);

/** Every file under dir, as paths relative to it with "/" separators, sorted. */
async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return out.sort();
}

async function publish(): Promise<void> {
  const started = performance.now();
  // Sent as read (keys this script does not know are the Worker's to judge); checked as parsed.
  let raw: object;
  let manifest: Manifest;
  try {
    raw = JSON.parse(await readFile(join(opts.dir, 'manifest.json'), 'utf8'));
    manifest = manifestSchema.parse(raw);
  } catch (err) {
    throw new AdminError(
      `cannot read ${join(opts.dir, 'manifest.json')}: ${(err as Error).message} (build an index with npm run build-index)`,
    );
  }
  const version = manifest.version;
  if (typeof version !== 'string' || !VERSION_PATTERN.test(version))
    throw new AdminError(`${opts.dir}/manifest.json names no version v-<hex>`);
  const versionDir = join(opts.dir, version);
  const files = await walk(versionDir).catch((err: Error) => {
    throw new AdminError(`cannot read ${versionDir}: ${err.message}`);
  });
  // What the Worker will check anyway, checked here before anything is sent.
  const sizes = new Map<string, number>();
  for (const path of files) {
    if (!isFilePath(path))
      throw new AdminError(
        `${versionDir}/${path}: not a publishable name (letters, digits, ".", "_", "-"; no leading dot)`,
      );
    const { size } = await stat(join(versionDir, path));
    if (size > MAX_FILE_BYTES)
      throw new AdminError(
        `${versionDir}/${path} has ${size} bytes, over the ${MAX_FILE_BYTES}-byte upload limit`,
      );
    sizes.set(path, size);
  }
  // A chunked file is its chunks: each is uploaded, and checked, as any file.
  for (const f of storedFiles(manifest)) {
    const size = sizes.get(f.path);
    if (size === undefined)
      throw new AdminError(`${versionDir}/${f.path}, listed in the manifest, does not exist`);
    if (size !== f.bytes)
      throw new AdminError(`${versionDir}/${f.path} has ${size} bytes, the manifest says ${f.bytes}`);
  }

  log(`uploading ${version}: ${files.length} files to ${base}`);
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const path = files[next++]!;
      const body = await readFile(join(versionDir, path));
      const url = `/admin/index/files/${version}/${path.split('/').map(encodeURIComponent).join('/')}`;
      await admin('PUT', url, new Uint8Array(body), 'application/octet-stream');
      bytes += body.byteLength;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Number(opts.concurrency) || 1) }, worker));

  switching = true;
  const result = await admin<{
    version: string;
    previous: string | null;
    pruned: string[];
    history: HistoryEntry[];
  }>('POST', '/admin/index/publish', JSON.stringify({ manifest: raw }), 'application/json');
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `published ${result.version} (previous: ${result.previous ?? 'none'}): ${files.length} files, ${bytes} bytes in ${seconds.toFixed(1)} s; ` +
      `pruned: ${result.pruned.length ? result.pruned.join(', ') : 'none'}; kept for rollback: ${
        result.history
          .slice(0, -1)
          .map((e) => e.version)
          .reverse()
          .join(', ') || 'none'
      }`,
  );
}

async function rollback(): Promise<void> {
  switching = true;
  const result = await admin<{ version: string; rolledBackFrom: string }>(
    'POST',
    '/admin/index/rollback',
    '{}',
    'application/json',
  );
  console.log(`rolled back to ${result.version} (from ${result.rolledBackFrom})`);
}

let switching = false;
try {
  client = adminClient(opts.url, opts.key, log);
  await (opts.rollback ? rollback() : publish());
} catch (err) {
  log(`publish-index: ${err instanceof AdminError ? err.message : (err as Error).stack}`);
  // A refusal (4xx) switches nothing; without an answer, or with a 5xx, the switch may have happened.
  const refused = err instanceof AdminError && err.status !== undefined && err.status < 500;
  log(
    !switching || refused
      ? 'nothing was switched: the served index is unchanged'
      : 'the switch may or may not have happened: check GET /admin/index/versions',
  );
  process.exitCode = 1;
}
