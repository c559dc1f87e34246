/**
 * Loads the index on first use and keeps it for the isolate's life. Concurrent first requests
 * share one load; a failed load is not kept, so a later request retries (and /health reports it).
 *
 * An index read from R2 (INDEX_SOURCE = "r2") can change without a deploy: then the holder
 * re-reads the pointer (manifest.json) at most every INDEX_REFRESH_SECONDS and, when it names
 * another version, loads that version on the request that noticed it (concurrent requests that
 * noticed it too share the load) and serves it from then on. A version is served only once it
 * has loaded completely; a pointer that cannot be read or a version that fails to load is
 * logged and the previous version keeps serving. A request keeps the engine it was handed
 * for its whole life (withIndex), so no answer mixes two versions.
 */
import type { MiddlewareHandler } from 'hono';
import { upgradeFormat1 } from '../../index/format1.js';
import { IndexUnavailableError, loadIndex, readManifest } from '../../index/load.js';
import type { IndexSource } from '../../index/source.js';
import { localEngine, type SearchEngine } from '../../search/engine.js';
import { shardedEngine } from '../../shard/engine.js';
import type { AppEnv, Env } from '../env.js';
import { shardClients } from '../shard-clients.js';
import { refreshSeconds } from '../sources/select.js';

export type IndexVars = { Variables: { engine: SearchEngine } };

/** What the holder serves: one loaded index, or the shards of a sharded one. */
type ServedEngine = SearchEngine & { failedShards?: number[] };

export interface IndexHolder {
  get(env: Env): Promise<SearchEngine>;
}

const DEFAULT_SHARD_TIMEOUT_MS = 5000;

/**
 * Opens the version the source's pointer names: a one-index version is loaded here; a sharded
 * one is served by its shard objects, each asked to load its shard now, so that a new version
 * is not switched to before its shards are in memory (the ones that failed are listed).
 */
async function openEngine(source: IndexSource, env: Env): Promise<ServedEngine> {
  const manifest = await readManifest(source);
  if (!manifest.shards) return localEngine(await loadIndex(source, { manifest, upgrade: upgradeFormat1 }));
  const timeoutMs = Number(env.SHARD_TIMEOUT_MS ?? DEFAULT_SHARD_TIMEOUT_MS) || DEFAULT_SHARD_TIMEOUT_MS;
  const clients = shardClients(env, manifest);
  const warmed = await Promise.allSettled(clients.map((c) => c.warm()));
  const failedShards = warmed.flatMap((w, i) => (w.status === 'rejected' ? [i] : []));
  for (const i of failedShards)
    console.error(
      `shard ${i} of ${manifest.version} could not load:`,
      (warmed[i] as PromiseRejectedResult).reason,
    );
  return Object.assign(shardedEngine(manifest, clients, { timeoutMs }), { failedShards });
}

/** Seconds between two reads of the pointer; null: never (the index cannot change). */
export type RefreshPolicy = (env: Env) => number | null;

function unavailable(err: unknown): IndexUnavailableError {
  if (err instanceof IndexUnavailableError) return err;
  // The cause may name storage internals: it goes to the log, not to clients.
  console.error('index load failed:', err);
  return new IndexUnavailableError(
    'index_corrupt',
    'Index could not be read (the cause is in the Worker log)',
  );
}

/** The source with its pointer fixed to bytes already read: the load reads the version that was checked. */
function pinned(source: IndexSource, manifest: Uint8Array): IndexSource {
  return {
    name: source.name,
    read: (path) => (path === 'manifest.json' ? Promise.resolve(manifest) : source.read(path)),
  };
}

export function indexHolder(
  sourceFor: (env: Env) => IndexSource,
  refreshFor: RefreshPolicy = refreshSeconds,
): IndexHolder {
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

  function firstLoad(env: Env): Promise<ServedEngine> {
    if (!loading) {
      const read = ++reads;
      lastCheck = Date.now();
      let name = '';
      loading = Promise.resolve()
        .then(() => {
          const source = sourceFor(env);
          name = source.name;
          return openEngine(source, env);
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

  async function check(env: Env, served: ServedEngine): Promise<ServedEngine> {
    const read = ++reads;
    let source: IndexSource;
    let version: string;
    try {
      const base = sourceFor(env);
      const bytes = await base.read('manifest.json');
      if (bytes === null)
        throw new IndexUnavailableError('index_missing', `no manifest.json at ${base.name}`);
      source = pinned(base, bytes);
      version = (await readManifest(source)).version;
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
      load = openEngine(source, env)
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
    get(env) {
      const served = current;
      if (!served) return firstLoad(env);
      const every = refreshFor(env);
      if (every === null) return Promise.resolve(served);
      // 0 (tests, local checks): every request reads the pointer itself.
      if (every === 0) return check(env, served);
      // Otherwise one request per interval checks; the others are served meanwhile.
      if (checking || Date.now() - lastCheck < every * 1000) return Promise.resolve(served);
      lastCheck = Date.now();
      checking = check(env, served).finally(() => {
        checking = null;
      });
      return checking;
    },
  };
}

export function withIndex(holder: IndexHolder): MiddlewareHandler<AppEnv & IndexVars> {
  return async (c, next) => {
    // The request keeps this object to the end, whatever the holder serves meanwhile.
    const engine = await holder.get(c.env);
    c.set('engine', engine);
    await next();
    c.res.headers.set('X-Index-Version', engine.manifest.version);
  };
}
