/**
 * The shard servers' RPC surface: what the Worker asks a shard object (./server.ts) through its
 * stub (./clients.ts). A call names the shard it is for and one question of the ShardClient
 * (src/shard/engine.ts) with its arguments; objects are named after the shard, so versions and
 * locations never share an object and no answer can mix two versions.
 */
import type { ShardClient } from '../../shard/engine.js';
import type { IndexLocation } from '../../store/location.js';

/** Which shard of which version, stored where, an object serves (set by the Worker only). */
export interface ShardRef extends IndexLocation {
  version: string;
  shard: number;
}

/** One name per shard object. */
export function shardName(ref: ShardRef): string {
  return `${ref.kind}:${ref.root}|${ref.version}|${ref.shard}`;
}

/** The questions a shard answers (every ShardClient method but warm). */
export type ShardQuestion = Exclude<keyof ShardClient, 'warm'>;

export const SHARD_QUESTIONS: ReadonlySet<string> = new Set<ShardQuestion>([
  'search',
  'renderHits',
  'facetValues',
  'entityParts',
  'document',
  'entity',
  'names',
  'nameMatches',
  'nearNames',
  'labelMatches',
  'expansions',
  'completions',
  'didYouMean',
]);

export interface ShardRpc extends Rpc.DurableObjectBranded {
  /** Loads the shard now: the Worker asks every shard before it serves a new version. */
  warm(ref: ShardRef): Promise<void>;
  ask<Q extends ShardQuestion>(
    ref: ShardRef,
    question: Q,
    args: Parameters<ShardClient[Q]>,
  ): Promise<Awaited<ReturnType<ShardClient[Q]>>>;
}
