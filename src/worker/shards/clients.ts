/** Clients of the shard objects of one version, for the sharded engine (src/shard/engine.ts). */
import type { Manifest } from '../../index/manifest.js';
import type { ShardClient } from '../../shard/engine.js';
import type { IndexLocation } from '../../store/location.js';
import { type ShardQuestion, type ShardRef, type ShardRpc, shardName } from './rpc.js';

/**
 * The namespaces that serve shards: one per shard script (SHARD_0, SHARD_1, … bound with
 * `script_name`), or else the class of this script (SHARDS). Shard i is served by script i mod n.
 */
export function shardNamespaces(env: Record<string, unknown>): Array<DurableObjectNamespace<ShardRpc>> {
  const scripts: Array<DurableObjectNamespace<ShardRpc>> = [];
  for (let i = 0; env[`SHARD_${i}`] !== undefined; i++)
    scripts.push(env[`SHARD_${i}`] as DurableObjectNamespace<ShardRpc>);
  if (scripts.length > 0) return scripts;
  return env.SHARDS ? [env.SHARDS as DurableObjectNamespace<ShardRpc>] : [];
}

export function shardClients(
  namespaces: Array<DurableObjectNamespace<ShardRpc>>,
  where: IndexLocation,
  manifest: Manifest,
): ShardClient[] {
  if (namespaces.length === 0)
    throw new Error('this index is sharded but the Worker has no SHARDS (or SHARD_0) Durable Object binding');
  return (manifest.shards ?? []).map((_, shard) => {
    const ns = namespaces[shard % namespaces.length]!;
    const ref: ShardRef = { ...where, version: manifest.version, shard };
    const id = ns.idFromName(shardName(ref));
    // A stub is an I/O object of the request that made it: the engine outlives requests, so each
    // call takes a fresh stub (cheap: no round trip until the call itself).
    const stub = () => ns.get(id);
    // RPC results are structured clones of what the object returned: plain JSON, as ShardClient says.
    const ask =
      <Q extends ShardQuestion>(question: Q) =>
      (...args: Parameters<ShardClient[Q]>) =>
        stub().ask(ref, question, args) as unknown as ReturnType<ShardClient[Q]>;
    const client: ShardClient = {
      warm: () => stub().warm(ref),
      search: ask('search'),
      renderHits: ask('renderHits'),
      facetValues: ask('facetValues'),
      entityParts: ask('entityParts'),
      document: ask('document'),
      entity: ask('entity'),
      names: ask('names'),
      nameMatches: ask('nameMatches'),
      nearNames: ask('nearNames'),
      labelMatches: ask('labelMatches'),
      expansions: ask('expansions'),
      completions: ask('completions'),
      didYouMean: ask('didYouMean'),
    };
    return client;
  });
}
