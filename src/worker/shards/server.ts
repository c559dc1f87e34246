/**
 * One shard of a sharded index, served by a Durable Object: it loads its one shard (from the
 * bundled assets or from R2, through the index store) on first use and keeps it for the object's
 * life. Objects of one class may share an isolate, and so its memory: each shard script defines
 * this class again, so that shards get isolates of their own (docs/sharding-and-publishing.md ›
 * Isolation). Objects are named by source, version and shard
 * (./rpc.ts), so every version has its own objects; an old version's objects go idle and are evicted.
 */
import { DurableObject } from 'cloudflare:workers';
import type { LoadedIndex } from '../../index/load.js';
import { localShardClient, type ShardClient } from '../../shard/engine.js';
import { sourceAt } from '../../store/location.js';
import { loadShard } from '../../store/versions.js';
import type { Env } from '../env.js';
import { SHARD_QUESTIONS, type ShardQuestion, type ShardRef, type ShardRpc, shardName } from './rpc.js';

export class ShardServer extends DurableObject<Env> implements ShardRpc {
  private loaded: { key: string; index: Promise<LoadedIndex> } | null = null;

  private client(ref: ShardRef): Promise<ShardClient> {
    const key = shardName(ref);
    if (this.loaded?.key !== key) {
      const index = Promise.resolve().then(() => loadShard(sourceAt(this.env, ref), ref.version, ref.shard));
      // A failed load is not kept: the next request retries.
      index.catch(() => {
        if (this.loaded?.key === key) this.loaded = null;
      });
      this.loaded = { key, index };
    }
    return this.loaded.index.then(localShardClient);
  }

  async warm(ref: ShardRef): Promise<void> {
    await this.client(ref);
  }

  async ask<Q extends ShardQuestion>(
    ref: ShardRef,
    question: Q,
    args: Parameters<ShardClient[Q]>,
  ): Promise<Awaited<ReturnType<ShardClient[Q]>>> {
    if (!SHARD_QUESTIONS.has(question)) throw new Error(`no such shard question: ${String(question)}`);
    const client = await this.client(ref);
    return (client[question] as (...a: unknown[]) => Promise<Awaited<ReturnType<ShardClient[Q]>>>)(...args);
  }
}
