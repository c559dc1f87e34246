/** The folder wrangler serves as static assets ([assets] directory in wrangler.toml), as an absolute path. */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parse } from 'smol-toml';

const root = resolve(new URL('../..', import.meta.url).pathname);

export function assetsDirectory(): string | null {
  const toml = parse(readFileSync(`${root}/wrangler.toml`, 'utf8')) as { assets?: { directory?: string } };
  return toml.assets?.directory ? resolve(root, toml.assets.directory) : null;
}

/** The assets folder when `dir` lies inside it (what the build must then keep servable); else null. */
export function assetsHolding(dir: string): string | null {
  const assets = assetsDirectory();
  if (!assets) return null;
  const rel = relative(assets, resolve(dir));
  return rel.startsWith('..') || isAbsolute(rel) ? null : assets;
}
