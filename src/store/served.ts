/**
 * The version an isolate serves. The first request loads the version the pointer names and
 * concurrent first requests share that load; a failed load is not kept, so a later request
 * retries (and /health reports it).
 *
 * An index that can change without a deploy (R2) has its pointer re-read at most every
 * `refreshSeconds`; when it names another version, that version is loaded on the request that
 * noticed it (concurrent requests that noticed it too share the load) and served from then on. A
 * version is served only once it has loaded completely, every shard included; a pointer that
 * cannot be read or a version that fails to load is logged and the previous version keeps
 * serving. A request keeps the engine it was handed for its whole life, so no answer mixes two
 * versions.
 */
import { IndexUnavailableError, type LoadedIndex, readManifest } from '../index/load.js';
import type { Manifest } from '../index/manifest.js';
import type { IndexSource } from '../index/source.js';
import { localEngine, type SearchEngine } from '../search/engine.js';
import { type ShardClient, shardedEngine } from '../shard/engine.js';
import { loadVersion, readPointer } from './versions.js';

/** What is served: one loaded index, or the shards of a sharded one (the ones that failed to load listed). */
export type ServedEngine = SearchEngine & { failedShards?: number[]; loaded?: LoadedIndex };

/** How the shards of a sharded version are reached (Durable Objects in the Worker). */
export interface ShardAccess {
  /** The shards of `manifest`'s version, read from `source` (where that version was found). */
  clients(manifest: Manifest, source: IndexSource): ShardClient[];
  /** Milliseconds to wait for each shard's answer. */
  timeoutMs: number;
}

/** How a request reaches the index; built from the Worker's configuration and bindings. */
export interface IndexAccess {
  /** Where the pointer and the versions are read. It may throw (a missing binding): the index is then unavailable. */
  source(): IndexSource;
  /** Seconds between two reads of the pointer; null: never (the index cannot change); 0: every request. */
  refreshSeconds: number | null;
  shards: ShardAccess;
  /** Keeps work going after the answer is sent (the runtime's waitUntil); absent: such work is awaited. */
  background?: (work: Promise<unknown>) => void;
  /** Live updates (src/live/served.ts): articles in the small segment at which the large one is rebuilt. */
  liveSmallSegment?: number;
}

export interface IndexHolder {
  get(access: IndexAccess): Promise<ServedEngine>;
}

/**
 * Opens the version the source's pointer names: a one-index version is loaded here; a sharded
 * one is served by its shard servers, each asked to load its shard now, so that a new version
 * is not switched to before its shards are in memory (the ones that failed are listed).
 */
async function openVersion(source: IndexSource, shards: ShardAccess): Promise<ServedEngine> {
  const manifest = await readManifest(source);
  if (!manifest.shards) {
    // The loaded index rides along: live updates (src/live/) are served as segments over it.
    const loaded = await loadVersion(source, { manifest });
    return Object.assign(localEngine(loaded), { loaded });
  }
  const clients = shards.clients(manifest, source);
  const warmed = await Promise.allSettled(clients.map((c) => c.warm()));
  const failedShards = warmed.flatMap((w, i) => (w.status === 'rejected' ? [i] : []));
  for (const i of failedShards)
    console.error(
      `shard ${i} of ${manifest.version} could not load:`,
      (warmed[i] as PromiseRejectedResult).reason,
    );
  return Object.assign(shardedEngine(manifest, clients, { timeoutMs: shards.timeoutMs }), { failedShards });
}

function unavailable(err: unknown): IndexUnavailableError {
  if (err instanceof IndexUnavailableError) return err;
  // The cause may name storage internals: it goes to the log, not to clients.
  console.error('index load failed:', err);
  return new IndexUnavailableError(
    'index_corrupt',
    'Index could not be read (the cause is in the Worker log)',
  );
}

export function indexHolder(): IndexHolder {
  let loading: Promise<ServedEngine> | null = null;
  let current: ServedEngine | null = null;
  // Every pointer read takes a number; `current` is replaced only by a read newer than the one
  // that chose it, so a slow load of a version the pointer has since left never wins.
  let reads = 0;
  let currentRead = 0;
  let lastCheck = 0;
  let checking: Promise<ServedEngine> | null = null;
  const loads = new Map<string, Promise<ServedEngine>>();

  const install = (index: ServedEngine, read: number) => {
    if (read <= currentRead) return;
    if (current && current.manifest.version !== index.manifest.version) {
      console.log(`index: now serving ${index.manifest.version} (was ${current.manifest.version})`);
    }
    current = index;
    currentRead = read;
  };

  function firstLoad(access: IndexAccess): Promise<ServedEngine> {
    if (!loading) {
      const read = ++reads;
      lastCheck = Date.now();
      let name = '';
      loading = Promise.resolve()
        .then(() => {
          const source = access.source();
          name = source.name;
          return openVersion(source, access.shards);
        })
        .then(
          (index) => {
            install(index, read);
            // From now on `current` serves; the promise must not keep this version alive after a switch.
            loading = null;
            return index;
          },
          (err: unknown) => {
            loading = null;
            if (
              err instanceof IndexUnavailableError &&
              err.code === 'index_missing' &&
              name.startsWith('r2:')
            ) {
              throw new IndexUnavailableError(
                'index_missing',
                `No index published at ${name}: run \`npm run publish-index\``,
              );
            }
            throw unavailable(err);
          },
        );
    }
    return loading;
  }

  async function check(access: IndexAccess, served: ServedEngine): Promise<ServedEngine> {
    const read = ++reads;
    let source: IndexSource;
    let version: string;
    try {
      ({
        source,
        manifest: { version },
      } = await readPointer(access.source()));
    } catch (err) {
      console.error(
        `index refresh: the pointer cannot be read, still serving ${(current ?? served).manifest.version}:`,
        err,
      );
      return current ?? served;
    }
    if (current && version === current.manifest.version) {
      // Still the version being served: a later read now outranks any older load in flight.
      currentRead = Math.max(currentRead, read);
      return current;
    }
    let load = loads.get(version);
    if (!load) {
      // A new version is switched to only when every shard of it loaded.
      load = openVersion(source, access.shards)
        .then((engine) => {
          if (engine.failedShards?.length)
            throw new Error(`shards ${engine.failedShards.join(', ')} failed to load`);
          return engine;
        })
        .finally(() => loads.delete(version));
      loads.set(version, load);
    }
    try {
      const index = await load;
      install(index, read);
      return index;
    } catch (err) {
      console.error(
        `index refresh: version ${version} could not be loaded, still serving ${(current ?? served).manifest.version}:`,
        err,
      );
      return current ?? served;
    }
  }

  return {
    get(access) {
      const served = current;
      if (!served) return firstLoad(access);
      const every = access.refreshSeconds;
      if (every === null) return Promise.resolve(served);
      // 0 (tests, local checks): every request reads the pointer itself.
      if (every === 0) return check(access, served);
      // Otherwise one request per interval checks; the others are served meanwhile.
      if (checking || Date.now() - lastCheck < every * 1000) return Promise.resolve(served);
      lastCheck = Date.now();
      checking = check(access, served).finally(() => {
        checking = null;
      });
      return checking;
    },
  };
}
