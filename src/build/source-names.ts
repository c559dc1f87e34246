/**
 * The input files as the manifest names them: relative to the folder the build runs in, so that
 * an index does not publish the build machine's paths (/home/<user>/…). A file outside that
 * folder is named from the input it was found under: `archive/2016/a.ndjson` for a folder input
 * `/elsewhere/archive`, the file name for a file input.
 */
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';

const posix = (path: string) => path.split(sep).join('/');

export function sourceNames(inputs: string[], files: string[], cwd = process.cwd()): string[] {
  const roots = inputs.map((input) => resolve(cwd, input));
  return files.map((file) => {
    const full = resolve(cwd, file);
    const inside = relative(cwd, full);
    if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) return posix(inside);
    const root = roots.find((r) => full === r || full.startsWith(r + sep));
    if (!root || root === full) return basename(full);
    return posix(relative(dirname(root), full));
  });
}
