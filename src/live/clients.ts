/**
 * The base and the update segments as shards of the sharded engine (src/shard/engine.ts), which merges
 * their answers as it merges a sharded index's. Each segment is searched whole, entities with its
 * articles and quotes, as one article shard: its entity documents are scored with the same live
 * statistics, and splitting them off would score every query twice. So the entity shard holds no
 * documents of its own; it only looks entities up (the base's copy first, the newest update
 * segment's for a new entity). The dictionary is the base's, and hands out no expansions: each segment expands a
 * query's typo and prefix words over its own terms, which together are the expansions over the
 * terms of all (an expansion's weight depends only on the word and the term).
 */

import type { LoadedIndex } from '../index/load.js';
import type { Manifest } from '../index/manifest.js';
import { entityLabelMatches } from '../search/facet-values.js';
import { entityById } from '../search/lookup.js';
import { parseQuery } from '../search/query.js';
import { localShardClient, type ShardClient } from '../shard/engine.js';

/** One segment as an article shard: it searches everything it holds, with its own expansions. */
function segmentClient(index: LoadedIndex): ShardClient {
  const local = localShardClient(index);
  return {
    ...local,
    search: (params, mode, _, render) => local.search(params, mode, null, render),
    renderHits: (params, mode, globals) => local.renderHits(params, mode, globals, null),
  };
}

/**
 * The entities of every segment, looked up: the base's copy, else the newest segment's that shows
 * it (a segment hides its copy of an entity the base or a newer segment holds). Their documents
 * are searched with their segment's.
 */
function entitiesClient(base: LoadedIndex, updates: LoadedIndex[]): ShardClient {
  const newestFirst = [...updates].reverse();
  const shown = (index: LoadedIndex, id: string) => {
    const doc = index.docs.find('entity', id);
    return doc !== undefined && !index.hidden?.[doc];
  };
  const lookup = (id: string) => {
    const found = entityById(base, id);
    if (found) return found;
    const segment = newestFirst.find((index) => shown(index, id));
    return segment ? (entityById(segment, id) ?? null) : null;
  };
  const local = localShardClient(base);
  return {
    ...local,
    search: async (params) => ({
      match: parseQuery(params.q).terms.length === 0 ? 'browse' : 'all',
      total: 0,
      estimated: 0,
      approximate: false,
      allKept: 0,
      more: 0,
      hits: [],
      facets: {},
    }),
    renderHits: async () => [],
    facetValues: async () => [],
    entityParts: async () => ({ said: [], saidCount: 0, articles: [], shared: [] }),
    document: async () => null,
    entity: async (id) => lookup(id),
    names: async (ids) =>
      ids.map((id) => {
        const e = lookup(id);
        return e ? { id: e.id, name: e.name, kind: e.kind } : null;
      }),
    labelMatches: async (q) => [
      ...new Set([base, ...updates].flatMap((index) => entityLabelMatches(index, q))),
    ],
  };
}

/** The base's terms decide corrections and completions; expansions are left to each segment. */
function dictionaryClient(base: LoadedIndex): ShardClient {
  return { ...localShardClient(base), expansions: async () => ({}) };
}

/** The clients, in the order of segmentsManifest's shards. */
export function segmentClients(base: LoadedIndex, updates: LoadedIndex[]): ShardClient[] {
  return [
    segmentClient(base),
    ...updates.map(segmentClient),
    entitiesClient(base, updates),
    dictionaryClient(base),
  ];
}

/** The manifest the engine reads the shards' roles from (the one served is `served`, unsharded). */
export function segmentsManifest(served: Manifest, updates: number): Manifest {
  const none = { article: 0, quote: 0, entity: 0 };
  return {
    ...served,
    shards: [
      { name: 'base', files: [], counts: none, role: 'articles' },
      ...Array.from({ length: updates }, (_, i) => ({
        name: `updates-${i}`,
        files: [],
        counts: none,
        role: 'articles' as const,
      })),
      { name: 'entities', files: [], counts: none, role: 'entities' },
      { name: 'dictionary', files: [], counts: none, role: 'dictionary' },
    ],
  };
}
