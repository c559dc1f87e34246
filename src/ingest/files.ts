/** Expands input paths (files or folders, recursively) into the files a reader understands. */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

export async function expandInputs(paths: string[], extensions: Set<string>): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new Error(`Input not found: ${path}`);
    if (info.isDirectory()) {
      const entries = (await readdir(path, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && extensions.has(extname(e.name).toLowerCase()) && !e.name.startsWith('.'))
        .map((e) => join(e.parentPath, e.name))
        .sort();
      out.push(...entries);
    } else {
      out.push(path);
    }
  }
  return [...new Set(out)];
}
