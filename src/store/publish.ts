/**
 * Publishing versions into a writable storage (R2, through the admin routes and
 * `npm run publish-index`): upload a version's files, publish it, roll back, list what is stored.
 *
 * Layout: `manifest.json` is the pointer the Worker reads; `<version>/…` a version's files plus a
 * copy of its manifest (what rollback restores); `versions.json` the history (./history.ts). The
 * pointer is one file written by one write, after every file it names was checked against the
 * manifest: R2 writes are atomic, so a reader sees the old pointer or the new one, never a mix.
 *
 * Pruning, after each publish: every version folder (`v-<hex>/`) except the current version and
 * the two most recent previous ones in the history is deleted, with anything else stored under
 * it (uploads never published included). It runs after the pointer is written, and the version
 * switched away from is one of the kept ones. Publishing is meant for one publisher at a time:
 * a publish that prunes while another version is still being uploaded deletes those uploads,
 * and that version's publish then fails with `incomplete_version` (upload again).
 */
import {
  type Manifest,
  manifestSchema,
  READABLE_FORMATS,
  storedFiles,
  storedParts,
} from '../index/manifest.js';
import { OPTIONS_HASH } from '../index/options.js';
import { type HistoryEntry, readHistory, readPointerVersion, withCurrent, writeHistory } from './history.js';
import type { IndexStorage, WriteBody } from './storage.js';
import { manifestCopy, POINTER } from './versions.js';

/** Previous versions kept by pruning, as rollback targets. */
export const KEEP_PREVIOUS = 2;

export const VERSION_PATTERN = /^v-[0-9a-f]{6,64}$/;
const SEGMENT_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const MAX_PATH_CHARS = 512;
const MAX_PATH_DEPTH = 8;
const JSON_FILE = { contentType: 'application/json' };

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

export type PublishErrorCode =
  | 'invalid_path'
  | 'invalid_manifest'
  | 'index_incompatible'
  | 'incomplete_version'
  | 'no_previous_version';

/** A request the store refuses, with a stable code (the admin routes answer it as an API error). */
export class PublishError extends Error {
  constructor(
    readonly code: PublishErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PublishError';
  }
}

/** A manifest sent for publishing: well-formed, naming safe paths, and servable by this code. */
export function checkManifest(raw: unknown): Manifest {
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PublishError(
      'invalid_manifest',
      `The manifest is malformed: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    );
  }
  const manifest = parsed.data;
  if (!VERSION_PATTERN.test(manifest.version))
    throw new PublishError('invalid_manifest', `"${manifest.version}" is not a version name (v-<hex>)`);
  for (const [name, file] of Object.entries(manifest.files)) {
    if (!isFilePath(file.path) || !storedParts(file).every((part) => isFilePath(part.path)))
      throw new PublishError('invalid_manifest', `File "${name}" has an invalid path`);
  }
  if (!READABLE_FORMATS.includes(manifest.formatVersion) || manifest.optionsHash !== OPTIONS_HASH) {
    throw new PublishError(
      'index_incompatible',
      `This Worker reads formats ${READABLE_FORMATS.join(', ')} with options ${OPTIONS_HASH}; the index is format ${manifest.formatVersion} with options ${manifest.optionsHash}: rebuild it`,
    );
  }
  return manifest;
}

/** Every file the manifest lists (every chunk of a chunked one) must be stored with its size; returns what is not. */
async function problems(storage: IndexStorage, manifest: Manifest): Promise<string[]> {
  const found: string[] = [];
  await Promise.all(
    storedFiles(manifest).map(async (file) => {
      const path = `${manifest.version}/${file.path}`;
      const stat = await storage.stat(path);
      if (!stat) found.push(`${path} is missing`);
      else if (stat.bytes !== file.bytes)
        found.push(`${path} has ${stat.bytes} bytes, the manifest says ${file.bytes}`);
    }),
  );
  return found.sort();
}

async function checkComplete(storage: IndexStorage, manifest: Manifest): Promise<void> {
  const found = await problems(storage, manifest);
  if (found.length === 0) return;
  const shown = found.slice(0, 10).join('; ');
  throw new PublishError(
    'incomplete_version',
    `Version ${manifest.version} is incomplete: ${shown}${found.length > 10 ? `; and ${found.length - 10} more` : ''}`,
  );
}

/** The version folders stored, published or not. */
export async function storedVersions(storage: IndexStorage): Promise<string[]> {
  return (await storage.folders()).filter((name) => VERSION_PATTERN.test(name));
}

async function deleteVersion(storage: IndexStorage, version: string): Promise<void> {
  await storage.delete(await storage.list(`${version}/`));
}

/** Refuses a version name or a file path that is not a plain relative name (see isFilePath). */
export function checkUploadPath(version: string, path: string): void {
  if (!VERSION_PATTERN.test(version))
    throw new PublishError('invalid_path', 'The version must be v-<hex> (lower case)');
  if (!isFilePath(path)) {
    throw new PublishError(
      'invalid_path',
      'The file path must be relative: segments of letters, digits, ".", "_", "-", none empty or starting with "."',
    );
  }
}

/** Stores one file of a version (not yet published); resolves to the bytes stored. */
export async function uploadFile(
  storage: IndexStorage,
  version: string,
  path: string,
  body: WriteBody,
  length: number,
): Promise<number> {
  checkUploadPath(version, path);
  return storage.write(`${version}/${path}`, body, { length });
}

export interface PublishResult {
  version: string;
  previous: string | null;
  files: number;
  bytes: number;
  pruned: string[];
  history: HistoryEntry[];
}

/**
 * Switches the pointer to an uploaded version once every file of it is stored as its manifest
 * says, then records it in the history and prunes. `raw` is the manifest as sent: it is stored
 * as sent, not as parsed, so keys this code does not know (a newer layout's) are kept.
 */
export async function publish(storage: IndexStorage, raw: object): Promise<PublishResult> {
  const manifest = checkManifest(raw);
  await checkComplete(storage, manifest);

  const pointerText = JSON.stringify(raw, null, 2);
  await storage.write(manifestCopy(manifest.version), pointerText, JSON_FILE);
  const pointer = await readPointerVersion(storage);
  let history = withCurrent(await readHistory(storage), pointer);
  // The switch: one write of one file.
  await storage.write(POINTER, pointerText, JSON_FILE);

  history = [
    ...history.filter((e) => e.version !== manifest.version),
    { version: manifest.version, publishedAt: new Date().toISOString() },
  ];
  history = history.slice(-(KEEP_PREVIOUS + 1));
  await writeHistory(storage, history);
  const keep = new Set(history.map((e) => e.version));
  const pruned = (await storedVersions(storage)).filter((v) => !keep.has(v));
  for (const version of pruned) await deleteVersion(storage, version);

  const files = storedFiles(manifest);
  return {
    version: manifest.version,
    previous: pointer?.version ?? null,
    files: files.length,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    pruned,
    history,
  };
}

export interface RollbackResult {
  version: string;
  rolledBackFrom: string;
  history: HistoryEntry[];
}

/** Points back to the previous version in the history, checked complete again first. */
export async function rollback(storage: IndexStorage): Promise<RollbackResult> {
  const pointer = await readPointerVersion(storage);
  const history = withCurrent(await readHistory(storage), pointer);
  const target = history.at(-2);
  if (!pointer || !target)
    throw new PublishError('no_previous_version', 'There is no previous version to roll back to');
  const copy = await storage.read(manifestCopy(target.version));
  if (!copy)
    throw new PublishError(
      'no_previous_version',
      `The previous version ${target.version} is no longer stored`,
    );
  const text = new TextDecoder().decode(copy);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PublishError('no_previous_version', `The stored manifest of ${target.version} is not JSON`);
  }
  const manifest = checkManifest(raw);
  await checkComplete(storage, manifest);
  await storage.write(POINTER, text, JSON_FILE);
  // The version rolled back from leaves the history; its files stay until the next publish prunes them.
  const rest = history.slice(0, -1);
  await writeHistory(storage, rest);
  return { version: target.version, rolledBackFrom: pointer.version, history: rest };
}

/** The pointer's version, the history, and every version folder stored. */
export async function listVersions(
  storage: IndexStorage,
): Promise<{ current: string | null; history: HistoryEntry[]; stored: string[] }> {
  const pointer = await readPointerVersion(storage);
  const history = withCurrent(await readHistory(storage), pointer);
  return { current: pointer?.version ?? null, history, stored: await storedVersions(storage) };
}
