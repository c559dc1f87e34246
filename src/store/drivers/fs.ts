/** The file system driver (Node only): a built index on disk, for the build's own checks, tests and benchmarks. Read-only. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IndexSource } from '../../index/source.js';

export function fsSource(root: string): IndexSource {
  return {
    name: `fs:${root}`,
    async read(path) {
      try {
        const buf = await readFile(join(root, path));
        return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  };
}
