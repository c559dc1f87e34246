/** What a compaction builds: the archive the base was built from, with the pending updates applied. */
import type { InputArticle } from '../model/input.js';
import type { Entry } from './log.js';

/** The latest version of each article (deletions removed), in the archive's order, new articles last in update order. */
export function applyUpdates(archive: InputArticle[], entries: Entry[]): InputArticle[] {
  const byId = new Map(archive.map((a) => [a.id, a]));
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (e.op === 'put') byId.set(e.id, e.article);
    else byId.delete(e.id);
  }
  return [...byId.values()];
}
