/**
 * The served version with its pending live updates: wraps the index store's holder
 * (src/store/served.ts), re-reads the live head on the same interval as the pointer
 * (INDEX_REFRESH_SECONDS) and serves the base and the updates as one engine (./segment.ts). Entries
 * are cached by number (they never change); the updates' index is rebuilt when the head or the
 * base changes. A head or entry that cannot be read is logged and the previous state keeps serving.
 * Sharded bases are served without updates (the admin routes refuse them).
 */
import type { IndexSource } from '../index/source.js';
import type { SearchEngine } from '../search/engine.js';
import type { IndexAccess, IndexHolder, ServedEngine } from '../store/served.js';
import { type Entry, type Head, readEntry, readHead } from './log.js';

interface State {
  base: ServedEngine;
  seq: number;
  engine: SearchEngine;
}

export function liveHolder(holder: IndexHolder): IndexHolder {
  const cache = new Map<number, Entry>();
  let state: State | null = null;
  let lastCheck = 0;
  let checking: Promise<ServedEngine> | null = null;

  async function entriesOf(source: IndexSource, head: Head): Promise<Entry[]> {
    const wanted = Object.values(head.entries).map((e) => e.seq);
    const missing = wanted.filter((seq) => !cache.has(seq));
    for (const e of await Promise.all(missing.map((seq) => readEntry(source, seq)))) cache.set(e.seq, e);
    const live = new Set(wanted);
    for (const seq of cache.keys()) if (!live.has(seq)) cache.delete(seq);
    return wanted.map((seq) => cache.get(seq)!).sort((a, b) => a.seq - b.seq);
  }

  async function refresh(access: IndexAccess, base: ServedEngine): Promise<ServedEngine> {
    try {
      const source = access.source();
      const head = await readHead(source);
      if (Object.keys(head.entries).length === 0) {
        state = { base, seq: head.seq, engine: base };
        return base;
      }
      if (state && state.base === base && state.seq === head.seq) return state.engine;
      const entries = await entriesOf(source, head);
      // Imported on first use: normalizing, corpus assembly and the index writer would otherwise
      // add to every isolate's startup (npm run check:bundle), live updates or not.
      const { segmented } = await import('./segment.js');
      const { engine } = await segmented(base.loaded!, entries, head.seq);
      // A slower refresh must not replace a newer state.
      if (!state || state.base !== base || state.seq <= head.seq) state = { base, seq: head.seq, engine };
      return engine;
    } catch (err) {
      console.error('live updates: cannot be read, serving the last state read:', err);
      return state?.base === base ? state.engine : base;
    }
  }

  return {
    async get(access) {
      const base = await holder.get(access);
      const every = access.refreshSeconds;
      // An index that cannot change (assets), or a sharded one: served as built.
      if (every === null || !base.loaded) return base;
      const known = state?.base === base ? state.engine : null;
      if (known && every > 0 && (checking || Date.now() - lastCheck < every * 1000)) return known;
      lastCheck = Date.now();
      if (every === 0) return refresh(access, base);
      checking ??= refresh(access, base).finally(() => {
        checking = null;
      });
      return checking;
    },
  };
}
