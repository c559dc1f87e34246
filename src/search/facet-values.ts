/**
 * Searching within a facet's values ("speaker: Zel…" over thousands of names): every word of
 * the query must start a word of the value's label, or be within the typo budget of one. An
 * entity value's labels are its entity's name and aliases; a shard that counts values of entities
 * held by other shards is handed the ids whose labels matched there (entityLabelMatches).
 */

import { TYPE_CODE } from '../index/columns.js';
import { osaDistance } from '../index/edit-walk.js';
import type { LoadedIndex } from '../index/load.js';
import { describeValue, ENTITY_FACETS, type FacetName, type FacetValue } from './facets.js';
import { entityAt, entityById } from './lookup.js';
import { typoBudget } from './match.js';
import { words } from './query.js';

interface Entry {
  value: string;
  count: number;
  /** Folded words of the value and, for entities, of their name and aliases; null: an entity held elsewhere. */
  labels: string[][] | null;
}

const cache = new WeakMap<LoadedIndex, Map<FacetName, Entry[]>>();

function entries(index: LoadedIndex, facet: FacetName): Entry[] {
  let perFacet = cache.get(index);
  if (!perFacet) cache.set(index, (perFacet = new Map()));
  const hit = perFacet.get(facet);
  if (hit) return hit;
  const { dictionary, values, offsets } = index.columns.facet(facet);
  const counts = new Uint32Array(dictionary.length);
  const hidden = index.hidden;
  if (hidden) {
    // Documents a live update replaced or deleted count for nothing.
    for (let doc = 0; doc + 1 < offsets.length; doc++)
      if (!hidden[doc]) for (let k = offsets[doc]!; k < offsets[doc + 1]!; k++) counts[values[k]!]!++;
  } else for (const v of values) counts[v]!++;
  const entity = ENTITY_FACETS.has(facet);
  const list = dictionary
    .map((value, v) => [value, counts[v]!, v] as const)
    .filter(([, count]) => count > 0)
    .map(([value, count, v]): Entry => {
      const e = entity ? entityById(index, value) : undefined;
      if (!e && entity && index.columns.heldElsewhere(facet, v)) return { value, count, labels: null };
      const names = e ? [e.name, ...e.aliases] : [value];
      return { value, count, labels: names.map(words) };
    })
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  perFacet.set(facet, list);
  return list;
}

function wordMatches(query: string, label: string): boolean {
  if (label.startsWith(query)) return true;
  const budget = typoBudget(query);
  return budget > 0 && osaDistance(query, label.slice(0, query.length + budget), budget) <= budget;
}

function labelsMatch(labels: string[][], wanted: string[]): boolean {
  return labels.some((label) => wanted.every((w) => label.some((l) => wordMatches(w, l))));
}

/**
 * Every value of `facet` matching `q` here, with its count (undescribed: see describeValue).
 * `matched`: the entities held elsewhere whose labels match `q` (see entityLabelMatches).
 */
export function facetValueMatches(
  index: LoadedIndex,
  facet: FacetName,
  q: string,
  matched?: ReadonlySet<string>,
): FacetValue[] {
  const wanted = words(q);
  return entries(index, facet)
    .filter(
      (e) =>
        wanted.length === 0 || (e.labels ? labelsMatch(e.labels, wanted) : (matched?.has(e.value) ?? false)),
    )
    .map((e) => ({ value: e.value, count: e.count }));
}

const entityLabels = new WeakMap<LoadedIndex, Array<[id: string, labels: string[][]]>>();

/** Ids of the entities held here whose name or an alias matches `q`. */
export function entityLabelMatches(index: LoadedIndex, q: string): string[] {
  const wanted = words(q);
  let all = entityLabels.get(index);
  if (!all) {
    all = [];
    index.columns.type.forEach((t, doc) => {
      if (t !== TYPE_CODE.entity) return;
      const e = entityAt(index, doc);
      all!.push([e.id, [e.name, ...e.aliases].map(words)]);
    });
    entityLabels.set(index, all);
  }
  return all.filter(([, labels]) => wanted.length > 0 && labelsMatch(labels, wanted)).map(([id]) => id);
}

/** Counts of the same value from several indexes (shards) add up; most documents first. */
export function mergeFacetValues(
  lists: FacetValue[][],
  limit: number,
): { values: FacetValue[]; total: number } {
  const byValue = new Map<string, number>();
  for (const list of lists) for (const v of list) byValue.set(v.value, (byValue.get(v.value) ?? 0) + v.count);
  const all = [...byValue.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { values: all.slice(0, limit).map(([value, count]) => ({ value, count })), total: all.length };
}

export function facetValues(
  index: LoadedIndex,
  facet: FacetName,
  q: string,
  limit: number,
): { values: FacetValue[]; total: number } {
  const found = mergeFacetValues([facetValueMatches(index, facet, q)], limit);
  return { ...found, values: found.values.map((v) => describeValue(index, facet, v.value, v.count)) };
}
