/**
 * Writes one index version so that readers never see a half-built index: data files go to a
 * temporary folder renamed into place, then manifest.json (the pointer) is replaced by rename.
 * A crash at any point leaves the previous manifest pointing at complete files.
 * Pruning keeps the new version and the one it replaced, for rollback.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SerializedIndex } from '../index/serialize.js';

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

export async function writeIndex(
  outDir: string,
  index: SerializedIndex,
): Promise<{ dir: string; reused: boolean }> {
  const { manifest, files } = index;
  await mkdir(outDir, { recursive: true });
  const previous = await currentVersion(outDir);
  const versionDir = join(outDir, manifest.version);
  const reused = await exists(versionDir);
  if (!reused) {
    const tmp = join(outDir, `.tmp-${manifest.version}-${process.pid}`);
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp);
    for (const [f, bytes] of Object.entries(files)) {
      const path = join(tmp, manifest.files[f]!.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
    }
    await rename(tmp, versionDir);
  }
  const manifestTmp = join(outDir, `.manifest-${process.pid}.json`);
  await writeFile(manifestTmp, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(manifestTmp, join(outDir, 'manifest.json'));
  await prune(outDir, new Set([manifest.version, previous].filter((v): v is string => v !== null)));
  return { dir: versionDir, reused };
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
