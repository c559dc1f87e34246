/**
 * The shards of a sharded version served in this isolate, each loaded on first use: for tools,
 * benchmarks and tests in Node, where there are no Durable Objects. They answer what shard objects
 * answer (src/shard/engine.ts's localShardClient), with no RPC between.
 */
import type { LoadedIndex } from '../index/load.js';
import type { Manifest } from '../index/manifest.js';
import type { IndexSource } from '../index/source.js';
import { localShardClient, type ShardClient } from '../shard/engine.js';
import { loadShard } from './versions.js';

export function localShards(source: IndexSource, manifest: Manifest): ShardClient[] {
  return (manifest.shards ?? []).map((_, shard) => {
    let loaded: Promise<ShardClient> | null = null;
    const client = () => {
      if (!loaded) {
        const index: Promise<LoadedIndex> = loadShard(source, manifest.version, shard);
        loaded = index.then(localShardClient);
        // A failed load is not kept: the next question retries.
        loaded.catch(() => {
          loaded = null;
        });
      }
      return loaded;
    };
    return new Proxy({} as ShardClient, {
      get:
        (_, question: keyof ShardClient) =>
        async (...args: unknown[]) => {
          const c = await client();
          return (c[question] as (...a: unknown[]) => unknown)(...args);
        },
    });
  });
}
