/**
 * The build's promise to `npm start` and `npm run deploy`: when it writes into the folder
 * wrangler serves as static assets (public/), it leaves nothing there that wrangler would refuse
 * (a file over the asset limit, more files than one Worker version may have). Checked before
 * anything is written, with what the build itself is about to remove left out: the versions of
 * the index folder other than the one it keeps for rollback (see write-index.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { ASSET_COUNT_LIMIT, ASSET_LIMIT_BYTES, mib } from '../index/limits.js';
import { oversizeFiles } from './write-index.js';

/** Paths (relative to `dir`) of every file under it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

async function pointerVersion(outDir: string): Promise<string | null> {
  try {
    const version = (
      JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as { version?: unknown }
    ).version;
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}

/**
 * Why the assets folder would not be servable after writing a version of `newFiles` files into
 * `outDir`; null when it would be.
 */
export async function assetsProblem(
  assetsDir: string,
  outDir: string,
  newFiles: number,
  limit = ASSET_LIMIT_BYTES,
): Promise<string | null> {
  const index = relative(assetsDir, outDir);
  // The index is written elsewhere: nothing this build does changes the assets.
  if (index.startsWith('..') || isAbsolute(index)) return null;
  const previous = await pointerVersion(outDir);
  const previousFits = previous !== null && (await oversizeFiles(join(outDir, previous), limit)).length === 0;
  // What stays: everything but the index folder's versions, and of those the one kept for rollback.
  const stays = (path: string) => {
    if (index !== '' && !path.startsWith(`${index}${sep}`)) return true;
    const version = path.slice(index === '' ? 0 : index.length + 1).split(sep)[0]!;
    // A version folder, not a file that happens to start with "v-".
    if (version === path.slice(index === '' ? 0 : index.length + 1)) return true;
    return !version.startsWith('v-') || (previousFits && version === previous);
  };
  const over = (await oversizeFiles(assetsDir, limit)).filter((f) => stays(f.path));
  if (over.length > 0) {
    const list = over
      .slice(0, 5)
      .map((f) => `${join(assetsDir, f.path)} (${mib(f.bytes)})`)
      .join(', ');
    return `${list} ${over.length === 1 ? 'is' : 'are'} over the ${mib(limit)} limit of one static asset: wrangler would refuse to start or deploy. Move ${over.length === 1 ? 'it' : 'them'} out of ${assetsDir} (the assets folder of wrangler.toml)`;
  }
  const count = (await filesUnder(assetsDir)).filter(stays).length + newFiles;
  if (count > ASSET_COUNT_LIMIT)
    return `${assetsDir} would hold ${count} files, over the ${ASSET_COUNT_LIMIT} files one Worker version may have`;
  return null;
}
