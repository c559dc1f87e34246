/** Clients of the shard objects of one version, for the sharded engine (src/shard/engine.ts). */
import type { StoredDoc } from '../../index/docs.js';
import type { Manifest } from '../../index/manifest.js';
import type { EntityParts } from '../../search/entity-page.js';
import type { FacetValue } from '../../search/facets.js';
import type { SearchHit } from '../../search/hits.js';
import type { Suggestion } from '../../search/suggest.js';
import type { ShardClient } from '../../shard/engine.js';
import type { ShardSearchAnswer } from '../../shard/search.js';
import type { IndexLocation } from '../../store/location.js';
import { type ShardRef, type ShardRpc, shardName } from './rpc.js';

export function shardClients(
  ns: DurableObjectNamespace<ShardRpc> | undefined,
  where: IndexLocation,
  manifest: Manifest,
): ShardClient[] {
  if (!ns) throw new Error('this index is sharded but the Worker has no SHARDS Durable Object binding');
  return (manifest.shards ?? []).map((_, shard) => {
    const ref: ShardRef = { ...where, version: manifest.version, shard };
    const id = ns.idFromName(shardName(ref));
    // A stub is an I/O object of the request that made it: the engine outlives requests, so each
    // call takes a fresh stub (cheap: no round trip until the call itself).
    const stub = () => ns.get(id);
    // RPC results are structured clones of what the object returned: plain JSON, as ShardClient says.
    const client: ShardClient = {
      warm: () => stub().warm(ref),
      search: (params, mode) => stub().search(ref, params, mode) as unknown as Promise<ShardSearchAnswer>,
      renderHits: (params, mode, globals) =>
        stub().renderHits(ref, params, mode, globals) as unknown as Promise<SearchHit[]>,
      entityParts: (entity) => stub().entityParts(ref, entity) as unknown as Promise<EntityParts | null>,
      facetValues: (facet, q) => stub().facetValues(ref, facet, q) as Promise<FacetValue[]>,
      suggest: (q, limit) => stub().suggest(ref, q, limit) as Promise<Suggestion[]>,
      document: (type, doc) => stub().document(ref, type, doc) as Promise<StoredDoc | null>,
      describe: (values) => stub().describe(ref, values) as Promise<FacetValue[]>,
    };
    return client;
  });
}
