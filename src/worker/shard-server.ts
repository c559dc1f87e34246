/**
 * One shard of a sharded index, served by a Durable Object: it loads its one shard (from the
 * bundled assets or from R2) on first use and keeps it for the object's life. Objects of this
 * class may share an isolate, and so its memory (docs/sharding-and-publishing.md › Known limits). Objects are named by source, version and shard, so every version has its
 * own objects and no answer can mix two versions; an old version's objects go idle and are evicted.
 */
import { DurableObject } from 'cloudflare:workers';
import type { StoredDoc } from '../index/docs.js';
import { upgradeFormat1 } from '../index/format1.js';
import { type LoadedIndex, loadIndex, readManifest } from '../index/load.js';
import { type Manifest, manifestSchema } from '../index/manifest.js';
import { type IndexSource, readText } from '../index/source.js';
import type { DocType } from '../model/documents.js';
import type { EntityParts } from '../search/entity-page.js';
import type { FacetName, FacetValue } from '../search/facets.js';
import type { SearchHit } from '../search/hits.js';
import type { SearchParams } from '../search/search.js';
import type { Suggestion } from '../search/suggest.js';
import { localShardClient, type ShardClient } from '../shard/engine.js';
import type { ShardSearchAnswer } from '../shard/search.js';
import type { Env } from './env.js';
import { type ShardRef, shardName } from './shard-clients.js';
import { sourceAt } from './sources/select.js';

/** The manifest of `version`: the pointer's, or the copy a publish keeps beside the version's files. */
async function manifestOf(source: IndexSource, version: string): Promise<Manifest> {
  const current = await readManifest(source);
  if (current.version === version) return current;
  const copy = await readText(source, `${version}/manifest.json`);
  if (copy === null) throw new Error(`version ${version} is no longer published`);
  return manifestSchema.parse(JSON.parse(copy));
}

export class ShardServer extends DurableObject<Env> {
  private loaded: { key: string; index: Promise<LoadedIndex> } | null = null;

  private client(ref: ShardRef): Promise<ShardClient> {
    const key = shardName(ref);
    if (this.loaded?.key !== key) {
      const source = sourceAt(this.env, ref);
      const index = manifestOf(source, ref.version).then((manifest) =>
        loadIndex(source, { manifest, shard: ref.shard, upgrade: upgradeFormat1 }),
      );
      // A failed load is not kept: the next request retries.
      index.catch(() => {
        if (this.loaded?.key === key) this.loaded = null;
      });
      this.loaded = { key, index };
    }
    return this.loaded.index.then(localShardClient);
  }

  /** Loads the shard now: the Worker asks every shard before it serves a new version. */
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
