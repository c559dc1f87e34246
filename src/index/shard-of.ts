/**
 * Which shard holds a document: written by the index writer, read by the sharded engine to route a
 * document request, so it lives apart from both.
 */
import { fnv1a64 } from './options.js';

/** The shard of an article (and of its quotes) or of an entity: a hash of its id, so any reader can route by id. */
export function shardOf(id: string, shards: number): number {
  return Number(BigInt(`0x${fnv1a64(id)}`) % BigInt(shards));
}
