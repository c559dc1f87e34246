/**
 * The shard servers' RPC surface: what the Worker asks a shard object (./server.ts) through its
 * stub (./clients.ts). Every call names the shard it is for, and objects are named after it, so
 * versions and locations never share an object and no answer can mix two versions.
 */
import type { StoredDoc } from '../../index/docs.js';
import type { DocType } from '../../model/documents.js';
import type { EntityParts } from '../../search/entity-page.js';
import type { FacetName, FacetValue } from '../../search/facets.js';
import type { SearchHit } from '../../search/hits.js';
import type { SearchParams } from '../../search/search.js';
import type { Suggestion } from '../../search/suggest.js';
import type { ShardSearchAnswer } from '../../shard/search.js';
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

export interface ShardRpc extends Rpc.DurableObjectBranded {
  /** Loads the shard now: the Worker asks every shard before it serves a new version. */
  warm(ref: ShardRef): Promise<void>;
  search(ref: ShardRef, params: SearchParams, mode: 'all' | 'any'): Promise<ShardSearchAnswer>;
  renderHits(
    ref: ShardRef,
    params: SearchParams,
    mode: 'all' | 'any',
    globals: number[],
  ): Promise<SearchHit[]>;
  entityParts(ref: ShardRef, id: string): Promise<EntityParts | null>;
  facetValues(ref: ShardRef, facet: FacetName, q: string): Promise<FacetValue[]>;
  suggest(ref: ShardRef, q: string, limit: number): Promise<Suggestion[]>;
  describe(ref: ShardRef, values: Array<[FacetName, string]>): Promise<FacetValue[]>;
  document(ref: ShardRef, type: Exclude<DocType, 'entity'>, id: string): Promise<StoredDoc | null>;
}
