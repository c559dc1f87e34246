/**
 * Facet counts over a match set, read from the build-time facet columns (src/index/columns.ts):
 * one counter per dictionary value, so counting allocates nothing per document.
 */

import { ENTITY_FACETS, FACETS, type FacetName } from '../index/columns.js';
import type { LoadedIndex } from '../index/load.js';
import type { Entity, EntityKind } from '../model/documents.js';
import { entityById } from './lookup.js';

export { ENTITY_FACETS, FACETS, type FacetName };

export interface FacetValue {
  value: string;
  count: number;
  /** Entity facets: the entity's id and display name. */
  id?: string;
  name?: string;
  kind?: EntityKind;
}

export interface FacetCounts {
  values: FacetValue[];
  /** How many further values there are beyond `values`, and how many documents they hold. */
  other: number;
  otherCount: number;
  /** The `published` facet also counts whole years. */
  years?: FacetValue[];
}

/** Counters for one facet: counts[v] documents hold dictionary value v. */
export class FacetCounter {
  readonly counts: Uint32Array;
  private readonly offsets: Uint32Array;
  private readonly values: Uint32Array;

  constructor(
    index: LoadedIndex,
    readonly facet: FacetName,
  ) {
    const column = index.columns.facet(facet);
    this.counts = new Uint32Array(column.dictionary.length);
    this.offsets = column.offsets;
    this.values = column.values;
  }

  add(doc: number): void {
    for (let k = this.offsets[doc]!, end = this.offsets[doc + 1]!; k < end; k++)
      this.counts[this.values[k]!]!++;
  }
}

export function describeValue(
  index: LoadedIndex,
  facet: FacetName,
  value: string,
  count: number,
): FacetValue {
  return describeWith(facet, value, count, ENTITY_FACETS.has(facet) ? entityById(index, value) : undefined);
}

/** A facet value as answers show it, given its entity (looked up wherever entities are held). */
export function describeWith(
  facet: FacetName,
  value: string,
  count: number,
  entity: Pick<Entity, 'id' | 'name' | 'kind'> | null | undefined,
): FacetValue {
  if (!ENTITY_FACETS.has(facet)) return { value, count };
  return entity
    ? { value, count, id: entity.id, name: entity.name, kind: entity.kind }
    : { value, count, name: value };
}

/** The nonzero counts of a counter, by value. */
export function countsOf(index: LoadedIndex, counter: FacetCounter): Map<string, number> {
  const dictionary = index.columns.facet(counter.facet).dictionary;
  const out = new Map<string, number>();
  counter.counts.forEach((c, v) => {
    if (c > 0) out.set(dictionary[v]!, c);
  });
  return out;
}

/** Top values (`published`: newest months first), the rest summed up, and years for dates. */
export function summarize(
  facet: FacetName,
  counts: Map<string, number>,
  limit: number,
  describe: (value: string, count: number) => FacetValue,
): FacetCounts {
  const all = [...counts.entries()];
  if (facet === 'published') all.sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0));
  else all.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = all.slice(0, limit);
  const rest = all.slice(limit);
  const result: FacetCounts = {
    values: shown.map(([v, c]) => describe(v, c)),
    other: rest.length,
    otherCount: rest.reduce((sum, [, c]) => sum + c, 0),
  };
  if (facet === 'published') {
    const years = new Map<string, number>();
    for (const [v, c] of all) years.set(v.slice(0, 4), (years.get(v.slice(0, 4)) ?? 0) + c);
    result.years = [...years.entries()]
      .sort((a, b) => (a[0] < b[0] ? 1 : -1))
      .map(([value, count]) => ({ value, count }));
  }
  return result;
}
