/**
 * What the Worker's routes ask of an index, whether it is one loaded index (localEngine) or
 * shards served by Durable Objects (src/shard/engine.ts). Asynchronous because shards are.
 */

import type { StoredDoc } from '../index/docs.js';
import type { LoadedIndex } from '../index/load.js';
import type { Manifest } from '../index/manifest.js';
import type { DocType } from '../model/documents.js';
import { type EntityPage, entityPage } from './entity-page.js';
import { facetValues } from './facet-values.js';
import type { FacetName, FacetValue } from './facets.js';
import { storedById } from './lookup.js';
import { type PartialAnswer, type SearchParams, type SearchResult, search } from './search.js';
import { type Suggestion, suggest } from './suggest.js';

export interface SearchEngine {
  manifest: Manifest;
  search(params: SearchParams): Promise<SearchResult>;
  suggest(q: string, limit: number): Promise<Suggestion[]>;
  facetValues(
    facet: FacetName,
    q: string,
    limit: number,
  ): Promise<{ values: FacetValue[]; total: number; partial?: PartialAnswer }>;
  entityPage(id: string): Promise<EntityPage | null>;
  document(type: Exclude<DocType, 'entity'>, id: string): Promise<StoredDoc | null>;
}

export function localEngine(index: LoadedIndex): SearchEngine {
  return {
    manifest: index.manifest,
    search: async (params) => search(index, params),
    suggest: async (q, limit) => suggest(index, q, limit),
    facetValues: async (facet, q, limit) => facetValues(index, facet, q, limit),
    entityPage: async (id) => entityPage(index, id),
    document: async (type, id) => storedById(index, type, id) ?? null,
  };
}
