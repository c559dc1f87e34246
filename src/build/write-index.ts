/**
 * Writes one index version so that readers never see a half-built index: data files go to a
 * temporary folder renamed into place, then manifest.json (the pointer) is replaced by rename.
 * A crash at any point leaves the previous manifest pointing at complete files.
 *
 * Pruning keeps the new version and the one it replaced, for rollback (each version folder holds a
 * copy of its manifest: copying it over manifest.json switches back), but only when every file of
 * the replaced version is within the asset limit: a folder that wrangler refuses to serve or
 * deploy would stop every later build from being served (versions written before the index was
 * chunked could hold such files). Everything else is deleted: older versions, leftovers of
 * interrupted builds.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ASSET_LIMIT_BYTES, mib } from '../index/limits.js';
import { type SerializedIndex, storedBytes } from '../index/serialize.js';

/** A copy of the version's manifest, beside its files. */
export const MANIFEST_COPY = 'manifest.json';

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

async function currentVersion(outDir: string): Promise<string | null> {
  try {
    return (
      (JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as { version?: string }).version ??
      null
    );
  } catch {
    return null;
  }
}

/** A version folder deleted by pruning although it was the one replaced, and why. */
export interface Dropped {
  version: string;
  reason: string;
}

export interface WriteResult {
  dir: string;
  reused: boolean;
  /** The version kept for rollback, if any. */
  kept: string | null;
  dropped: Dropped[];
}

/** Files under `dir` over `limit` bytes, as paths relative to it, largest first. */
export async function oversizeFiles(
  dir: string,
  limit = ASSET_LIMIT_BYTES,
): Promise<Array<{ path: string; bytes: number }>> {
  const found: Array<{ path: string; bytes: number }> = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const { size } = await stat(path);
    if (size > limit) found.push({ path: path.slice(dir.length + 1), bytes: size });
  }
  return found.sort((a, b) => b.bytes - a.bytes);
}

export async function writeIndex(
  outDir: string,
  index: SerializedIndex,
  options: { assetLimit?: number } = {},
): Promise<WriteResult> {
  const { manifest } = index;
  const limit = options.assetLimit ?? ASSET_LIMIT_BYTES;
  const parts = storedBytes(index);
  const tooLarge = parts.find((p) => p.bytes.byteLength > limit);
  if (tooLarge) {
    // The serializer cuts files to the chunk limit; this guards the asset limit itself.
    throw new Error(
      `${tooLarge.path} would be ${mib(tooLarge.bytes.byteLength)}, over the ${mib(limit)} limit of one static asset`,
    );
  }
  await mkdir(outDir, { recursive: true });
  const previous = await currentVersion(outDir);
  const versionDir = join(outDir, manifest.version);
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const reused = await exists(versionDir);
  if (!reused) {
    const tmp = join(outDir, `.tmp-${manifest.version}-${process.pid}`);
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp);
    for (const { path, bytes } of parts) {
      await mkdir(dirname(join(tmp, path)), { recursive: true });
      await writeFile(join(tmp, path), bytes);
    }
    await writeFile(join(tmp, MANIFEST_COPY), manifestText);
    await rename(tmp, versionDir);
  }
  const manifestTmp = join(outDir, `.manifest-${process.pid}.json`);
  await writeFile(manifestTmp, manifestText);
  await rename(manifestTmp, join(outDir, 'manifest.json'));

  const dropped: Dropped[] = [];
  let kept: string | null = null;
  if (previous && previous !== manifest.version && (await exists(join(outDir, previous)))) {
    const over = await oversizeFiles(join(outDir, previous), limit);
    if (over.length === 0) kept = previous;
    else
      dropped.push({
        version: previous,
        reason: `${over[0]!.path} is ${mib(over[0]!.bytes)}, over the ${mib(limit)} limit of one static asset`,
      });
  }
  await prune(outDir, new Set([manifest.version, ...(kept ? [kept] : [])]));
  return { dir: versionDir, reused, kept, dropped };
}

/** Removes versions other than `keep` and leftovers of interrupted builds. */
async function prune(outDir: string, keep: Set<string>): Promise<void> {
  for (const entry of await readdir(outDir)) {
    const stale =
      (entry.startsWith('v-') && !keep.has(entry)) ||
      entry.startsWith('.tmp-') ||
      entry.startsWith('.manifest-');
    if (stale) await rm(join(outDir, entry), { recursive: true, force: true });
  }
}
