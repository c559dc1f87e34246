/**
 * Searching within a facet's values ("speaker: Zel…" over thousands of names): every word of
 * the query must start a word of the value's label, or be within the typo budget of one.
 */

import { osaDistance } from '../index/edit-walk.js';
import type { LoadedIndex } from '../index/load.js';
import { describeValue, type FacetName, type FacetValue } from './facets.js';
import { entityById } from './lookup.js';
import { typoBudget } from './match.js';
import { words } from './query.js';

interface Entry {
  value: string;
  count: number;
  /** Folded words of the value and, for entities, of their name and aliases. */
  labels: string[][];
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
  const list = dictionary
    .map((value, v) => [value, counts[v]!] as const)
    .filter(([, count]) => count > 0)
    .map(([value, count]) => {
      const e = entityById(index, value);
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

/** Every value of `facet` matching `q` here, with its count (undescribed: see describeValue). */
export function facetValueMatches(index: LoadedIndex, facet: FacetName, q: string): FacetValue[] {
  const wanted = words(q);
  return entries(index, facet)
    .filter(
      (e) =>
        wanted.length === 0 ||
        e.labels.some((label) => wanted.every((w) => label.some((l) => wordMatches(w, l)))),
    )
    .map((e) => ({ value: e.value, count: e.count }));
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
