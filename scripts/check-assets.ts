/**
 * npm run check:assets (part of `npm run build`, so of `npm start` and `npm run deploy`):
 * fails, with the reason, when wrangler would refuse the static assets folder (a file over
 * the limit of one asset, too many files) or when the index it serves is incomplete (a file the
 * manifest lists missing, or of another size or hash than the manifest says). Cheaper and
 * clearer than wrangler's own refusal, and it also catches what wrangler would serve broken.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { oversizeFiles } from '../src/build/write-index.js';
import { ASSET_COUNT_LIMIT, ASSET_LIMIT_BYTES, mib } from '../src/index/limits.js';
import { type ManifestFile, manifestSchema, storedParts } from '../src/index/manifest.js';
import { DEFAULT_OUT } from './defaults.js';
import { assetsDirectory } from './lib/assets-dir.js';

/** Problems with the assets folder and the index at `indexDir`, one line each; none when servable. */
export async function assetProblems(assetsDir: string, indexDir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const f of await oversizeFiles(assetsDir)) {
    problems.push(
      `${join(assetsDir, f.path)} is ${mib(f.bytes)}, over the ${mib(ASSET_LIMIT_BYTES)} limit of one static asset` +
        (f.path.includes('/v-')
          ? ' (an index version written before the build stored large files in chunks: build the index again, and the build removes it)'
          : ''),
    );
  }
  const count = (await readdir(assetsDir, { recursive: true, withFileTypes: true }).catch(() => [])).filter(
    (e) => e.isFile(),
  ).length;
  if (count > ASSET_COUNT_LIMIT)
    problems.push(
      `${assetsDir} holds ${count} files, over the ${ASSET_COUNT_LIMIT} one Worker version may have`,
    );

  let text: string;
  try {
    text = await readFile(join(indexDir, 'manifest.json'), 'utf8');
  } catch {
    return problems; // No index yet: the Worker answers 503 index_missing, which says what to do.
  }
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) return [...problems, `${indexDir}/manifest.json is malformed`];
  const { version, files } = parsed.data;
  const check = async (part: { path: string; bytes: number; sha256?: string | undefined }) => {
    const path = join(indexDir, version, part.path);
    const bytes = await readFile(path).catch(() => null);
    if (!bytes) return `${relative('.', path)} is missing`;
    if (bytes.byteLength !== part.bytes)
      return `${relative('.', path)} has ${bytes.byteLength} bytes, the manifest says ${part.bytes}`;
    if (part.sha256 && createHash('sha256').update(bytes).digest('hex') !== part.sha256)
      return `${relative('.', path)} is not the file the manifest lists (another SHA-256)`;
    return null;
  };
  const parts = Object.values(files).flatMap(
    (f: ManifestFile) => f.chunks ?? storedParts(f).map((p) => ({ ...p, sha256: f.sha256 })),
  );
  for (const found of await Promise.all(parts.map(check))) if (found) problems.push(found);
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const assetsDir = assetsDirectory();
  if (assetsDir) {
    const problems = await assetProblems(assetsDir, DEFAULT_OUT);
    for (const p of problems) process.stderr.write(`check:assets: ${p}\n`);
    if (problems.length > 0) {
      process.stderr.write(
        'check:assets: wrangler would refuse or break this deployment; nothing was started\n',
      );
      process.exitCode = 1;
    }
  }
}
