/**
 * Rebuilding when inputs change (`build-index --watch`). Builds never overlap: a change seen
 * during a build schedules one more build after it, however many changes arrive meanwhile.
 * A file input is watched through its folder, because editors save by writing a new file and
 * renaming it over the old one, which ends a watch on the file itself.
 */
import { type FSWatcher, watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';

export interface InputWatcher {
  close(): void;
}

export async function watchInputs(
  paths: string[],
  rebuild: () => Promise<void>,
  settleMs = 200,
): Promise<InputWatcher> {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    do {
      again = false;
      running = rebuild();
      await running;
      running = null;
    } while (again);
  };
  const changed = () => {
    if (timer) clearTimeout(timer);
    // Saves come in bursts (write, rename, a copy of many files): build once they settle.
    timer = setTimeout(() => void run(), settleMs);
  };

  const watchers: FSWatcher[] = [];
  for (const path of paths.map((p) => resolve(p))) {
    if ((await stat(path)).isDirectory()) {
      watchers.push(watch(path, { recursive: true }, changed));
    } else {
      const name = basename(path);
      watchers.push(watch(dirname(path), (_event, file) => file === name && changed()));
    }
  }
  return {
    close() {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
