/**
 * One shard of a sharded index, served by a Durable Object: it loads its one shard (from the
 * bundled assets or from R2, through the index store) on first use and keeps it for the object's
 * life. Objects of this class may share an isolate, and so its memory
 * (docs/sharding-and-publishing.md › Known limits). Objects are named by source, version and shard
 * (./rpc.ts), so every version has its own objects; an old version's objects go idle and are evicted.
 */
import { DurableObject } from 'cloudflare:workers';
import type { StoredDoc } from '../../index/docs.js';
import type { LoadedIndex } from '../../index/load.js';
import type { DocType } from '../../model/documents.js';
import type { EntityParts } from '../../search/entity-page.js';
import type { FacetName, FacetValue } from '../../search/facets.js';
import type { SearchHit } from '../../search/hits.js';
import type { SearchParams } from '../../search/search.js';
import type { Suggestion } from '../../search/suggest.js';
import { localShardClient, type ShardClient } from '../../shard/engine.js';
import type { ShardSearchAnswer } from '../../shard/search.js';
import { sourceAt } from '../../store/location.js';
import { loadShard } from '../../store/versions.js';
import type { Env } from '../env.js';
import { type ShardRef, type ShardRpc, shardName } from './rpc.js';

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

  async search(ref: ShardRef, params: SearchParams, mode: 'all' | 'any'): Promise<ShardSearchAnswer> {
    return (await this.client(ref)).search(params, mode);
  }

  async renderHits(
    ref: ShardRef,
    params: SearchParams,
    mode: 'all' | 'any',
    globals: number[],
  ): Promise<SearchHit[]> {
    return (await this.client(ref)).renderHits(params, mode, globals);
  }

  async entityParts(ref: ShardRef, id: string): Promise<EntityParts | null> {
    return (await this.client(ref)).entityParts(id);
  }

  async facetValues(ref: ShardRef, facet: FacetName, q: string): Promise<FacetValue[]> {
    return (await this.client(ref)).facetValues(facet, q);
  }

  async suggest(ref: ShardRef, q: string, limit: number): Promise<Suggestion[]> {
    return (await this.client(ref)).suggest(q, limit);
  }

  async describe(ref: ShardRef, values: Array<[FacetName, string]>): Promise<FacetValue[]> {
    return (await this.client(ref)).describe(values);
  }

  async document(ref: ShardRef, type: Exclude<DocType, 'entity'>, id: string): Promise<StoredDoc | null> {
    return (await this.client(ref)).document(type, id);
  }
}
