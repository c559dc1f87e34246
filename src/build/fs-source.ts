/** IndexSource over a folder on disk: for the build's own checks, tests and benchmarks. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IndexSource } from '../index/source.js';

export function fsSource(root: string): IndexSource {
  return {
    name: `fs:${root}`,
    async read(path) {
      try {
        return await readFile(join(root, path), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  };
}
