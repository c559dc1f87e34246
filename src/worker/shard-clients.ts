/**
 * The Worker's side of the shard objects (src/worker/shard-server.ts): what names an object and
 * the clients the sharded engine calls. Kept apart from the Durable Object class so that code
 * running outside workerd (Node tests, benchmarks) can import the app.
 */
import type { DocType } from '../model/documents.js';
import type { StoredDoc } from '../index/docs.js';
import type { Manifest } from '../index/manifest.js';
import type { IndexSource } from '../index/source.js';
import type { EntityParts } from '../search/entity-page.js';
import type { FacetValue } from '../search/facets.js';
import type { SearchHit } from '../search/hits.js';
import type { Suggestion } from '../search/suggest.js';
import type { ShardClient } from '../shard/engine.js';
import type { ShardSearchAnswer } from '../shard/search.js';
import type { Env } from './env.js';
import { assetsSource } from './sources/assets.js';
import { r2Source } from './sources/r2.js';
import { sourceKind } from './sources/select.js';

/** Which shard of which version, stored where, an object serves (set by the Worker only). */
export interface ShardRef {
  source: 'assets' | 'r2';
  /** INDEX_PATH inside the assets, or the key prefix inside INDEX_BUCKET. */
  root: string;
  version: string;
  shard: number;
}

export function sourceOf(env: Env, ref: ShardRef): IndexSource {
  if (ref.source === 'assets') return assetsSource(env.ASSETS, ref.root);
  if (!env.INDEX_BUCKET) throw new Error('the shard server has no INDEX_BUCKET binding');
  return r2Source(env.INDEX_BUCKET, ref.root);
}

/** Clients of the shard objects of one version, for the sharded engine. */
export function shardClients(env: Env, manifest: Manifest): ShardClient[] {
  const ns = env.SHARDS;
  if (!ns) throw new Error('this index is sharded but the Worker has no SHARDS Durable Object binding');
  const source = sourceKind(env);
  const root = source === 'r2' ? (env.INDEX_R2_PREFIX ?? '') : (env.INDEX_PATH ?? '/index');
  return (manifest.shards ?? []).map((_, shard) => {
    const ref: ShardRef = { source, root, version: manifest.version, shard };
    const id = ns.idFromName(`${source}:${root}|${manifest.version}|${shard}`);
    // A stub is an I/O object of the request that made it: the engine outlives requests, so each
    // call takes a fresh stub (cheap: no round trip until the call itself).
    const stub = () => ns.get(id);
    // RPC results are structured clones of what the object returned: plain JSON, as ShardClient says.
    const client: ShardClient = {
      warm: () => stub().warm(ref),
      search: (params, mode) => stub().search(ref, params, mode) as unknown as Promise<ShardSearchAnswer>,
      renderHits: (params, mode, globals) => stub().renderHits(ref, params, mode, globals) as unknown as Promise<SearchHit[]>,
      entityParts: (entity) => stub().entityParts(ref, entity) as unknown as Promise<EntityParts | null>,
      facetValues: (facet, q) => stub().facetValues(ref, facet, q) as Promise<FacetValue[]>,
      suggest: (q, limit) => stub().suggest(ref, q, limit) as Promise<Suggestion[]>,
      document: (type, doc) => stub().document(ref, type, doc) as Promise<StoredDoc | null>,
      describe: (values) => stub().describe(ref, values) as Promise<FacetValue[]>,
    };
    return client;
  });
}
