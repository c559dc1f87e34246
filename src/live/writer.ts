/**
 * Writing the live log (./log.ts) over a writable storage. One writer at a time: the Worker runs
 * these inside one Durable Object (src/worker/live/writer-object.ts), which queues the calls, so
 * concurrent updates of one article end in the last one received.
 */
import type { IndexStorage } from '../store/storage.js';
import {
  EMPTY_HEAD,
  type Entry,
  entryPath,
  HEAD,
  type Head,
  type LiveArticle,
  readEntry,
  readHead,
} from './log.js';

export type Update = { op: 'put'; article: LiveArticle } | { op: 'delete'; id: string };

export interface Acknowledged {
  id: string;
  op: Update['op'];
  seq: number;
  pending: number;
}

export interface LiveWriter {
  apply(update: Update): Promise<Acknowledged>;
  /** Drops the updates up to `through` that a published base now holds; later ones stay pending. */
  compacted(through: number): Promise<{ seq: number; pending: number; dropped: number }>;
  head(): Promise<Head>;
}

export function liveWriter(storage: IndexStorage, now: () => Date = () => new Date()): LiveWriter {
  // Re-read from storage after any failure: a write that failed half-way must not leave this copy ahead.
  let head: Head | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => {
      head = null;
    });
    return next;
  };
  const current = async () => (head ??= await readHead(storage));

  async function writeHead(next: Head) {
    await storage.write(HEAD, JSON.stringify(next), { contentType: 'application/json' });
    head = next;
  }

  return {
    apply: (update) =>
      serial(async () => {
        const h = await current();
        const seq = h.seq + 1;
        const id = update.op === 'put' ? update.article.id : update.id;
        const at = now().toISOString();
        const entry: Entry =
          update.op === 'put'
            ? { seq, op: 'put', id, at, article: update.article }
            : { seq, op: 'delete', id, at };
        // The entry first, the head naming it last: see ./log.ts.
        await storage.write(entryPath(seq), JSON.stringify(entry), { contentType: 'application/json' });
        const previous = h.entries[id];
        await writeHead({ ...h, seq, entries: { ...h.entries, [id]: { seq, op: update.op, at } } });
        // The replaced entry is no longer named; removing it is housekeeping, not correctness.
        if (previous) await storage.delete([entryPath(previous.seq)]).catch(() => {});
        return { id, op: update.op, seq, pending: Object.keys(head!.entries).length };
      }),
    compacted: (through) =>
      serial(async () => {
        const h = await current();
        const kept: Head['entries'] = {};
        const gone: number[] = [];
        for (const [id, e] of Object.entries(h.entries)) {
          if (e.seq > through) kept[id] = e;
          else gone.push(e.seq);
        }
        await writeHead({ ...h, entries: kept, compactedThrough: Math.max(h.compactedThrough, through) });
        await storage.delete(gone.map(entryPath)).catch(() => {});
        return { seq: h.seq, pending: Object.keys(kept).length, dropped: gone.length };
      }),
    head: () => serial(current),
  };
}

/** Every pending entry (what a compaction folds in), read through the head that names them. */
export async function pendingEntries(storage: IndexStorage): Promise<{ head: Head; entries: Entry[] }> {
  const head = await readHead(storage);
  const entries = await Promise.all(Object.values(head.entries).map((e) => readEntry(storage, e.seq)));
  return { head, entries: entries.sort((a, b) => a.seq - b.seq) };
}

export { EMPTY_HEAD };
