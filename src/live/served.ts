/**
 * The served version with its pending live updates: wraps the index store's holder
 * (src/store/served.ts), re-reads the live head on the same interval as the pointer
 * (INDEX_REFRESH_SECONDS) and serves the base and the updates as one engine (./compose.ts).
 *
 * The updates are two segments, so that a change costs what changed, not what is pending: a
 * large segment, built from every pending update the first time this isolate serves a base and
 * again whenever the small one reaches `smallSegment` articles, and a small segment of the
 * updates since, built on every change. The large one is rebuilt after the answer (the runtime's
 * waitUntil), pausing between its stages so that requests waiting meanwhile run; until it is
 * ready the previous large segment and a growing small one keep serving. Entries are cached by
 * number (they never change). A head or entry that cannot be read is logged and the previous
 * state keeps serving. Sharded bases are served without updates (the admin routes refuse them).
 */
import { type IndexSource, readText } from '../index/source.js';
import type { SearchEngine } from '../search/engine.js';
import type { IndexAccess, IndexHolder, ServedEngine } from '../store/served.js';
import type { Layer } from './compose.js';
import { EMPTY_HEAD, type Entry, HEAD, type Head, parseHead, readEntry } from './log.js';

/** Articles in the small segment at which the large one is rebuilt (LIVE_SMALL_SEGMENT). */
export const SMALL_SEGMENT_ARTICLES = 64;

interface State {
  base: ServedEngine;
  seq: number;
  layer: Layer | null;
  engine: SearchEngine;
}

// Imported on first use: normalizing, corpus assembly and the index writer would otherwise add
// to every isolate's startup (npm run check:bundle), live updates or not.
const code = () => Promise.all([import('./compose.js'), import('./segment.js')]);

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function liveHolder(holder: IndexHolder): IndexHolder {
  const cache = new Map<number, Entry>();
  let state: State | null = null;
  let large: { base: ServedEngine; layer: Layer } | null = null;
  let rebuilding: Promise<void> | null = null;
  let lastHead: { text: string | null; head: Head } = { text: null, head: EMPTY_HEAD };
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

  /** A large segment of `entries` over `base`, served from the next change on. */
  function rebuildLarge(base: ServedEngine, entries: Entry[]): Promise<void> {
    rebuilding ??= (async () => {
      const [{ layerOf }, { buildSegment }] = await code();
      await pause();
      const layer = layerOf(base.loaded!, await buildSegment(entries, pause));
      if (large === null || large.base === base) large = { base, layer };
    })()
      .catch((err) => console.error('live updates: the large segment could not be rebuilt:', err))
      .finally(() => {
        rebuilding = null;
      });
    return rebuilding;
  }

  async function refresh(access: IndexAccess, base: ServedEngine): Promise<ServedEngine> {
    try {
      const source = access.source();
      // Read on every request at INDEX_REFRESH_SECONDS = 0: parsed again only when it changed.
      const text = await readText(source, HEAD);
      if (text !== lastHead.text) lastHead = { text, head: parseHead(text) };
      const head = lastHead.head;
      if (Object.keys(head.entries).length === 0) {
        state = { base, seq: head.seq, layer: null, engine: base };
        return base;
      }
      if (state && state.base === base && state.seq === head.seq && state.layer === large?.layer)
        return state.engine;
      const entries = await entriesOf(source, head);
      const [{ compose, layerOf }, { buildSegment }] = await code();
      // The first state of a base: every pending update goes into the large segment at once.
      if (large?.base !== base) large = { base, layer: layerOf(base.loaded!, await buildSegment(entries)) };
      const layer = large.layer;
      const recent = entries.filter((e) => layer.large.seqs.get(e.id) !== e.seq);
      const { engine } = compose(layer, await buildSegment(recent), head.entries, head.seq);
      // A slower refresh must not replace a newer state.
      if (!state || state.base !== base || state.seq <= head.seq)
        state = { base, seq: head.seq, layer, engine };
      if (recent.length >= (access.liveSmallSegment ?? SMALL_SEGMENT_ARTICLES) && !rebuilding) {
        const work = rebuildLarge(base, entries);
        if (access.background) access.background(work);
        else await work;
      }
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
