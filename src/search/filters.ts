/**
 * Filters named like facets: values OR within a facet, AND across facets, a leading "-"
 * excludes. `published` values match by prefix ("2026" or "2026-10"); from/to bound the date.
 * A query's filters are compiled once into masks over each facet's value dictionary, so testing
 * a document reads a few integers.
 */
import type { FacetName } from '../index/columns.js';
import type { LoadedIndex } from '../index/load.js';

export interface FacetFilter {
  include: string[];
  exclude: string[];
}

export interface Filters {
  facets: Partial<Record<FacetName, FacetFilter>>;
  /** Inclusive bounds in ms since the epoch; undated documents fail either bound. */
  from: number | null;
  to: number | null;
}

export const NO_FILTERS: Filters = { facets: {}, from: null, to: null };

export function facetFilter(values: string[]): FacetFilter {
  const filter: FacetFilter = { include: [], exclude: [] };
  for (const raw of values) {
    const value = raw.trim();
    if (value.startsWith('-') && value.length > 1) filter.exclude.push(value.slice(1));
    else if (value !== '') filter.include.push(value);
  }
  return filter;
}

function matches(facet: FacetName, docValue: string, wanted: string): boolean {
  if (facet === 'published') return docValue.startsWith(wanted);
  return docValue === wanted || docValue.toLowerCase() === wanted.toLowerCase();
}

interface CompiledFacet {
  facet: FacetName;
  offsets: Uint32Array;
  values: Uint32Array;
  /** 1 for dictionary values the filter includes; null when it includes everything. */
  include: Uint8Array | null;
  exclude: Uint8Array | null;
}

export interface CompiledFilters {
  facets: CompiledFacet[];
  from: number | null;
  to: number | null;
  /** Nothing to test: every document passes. */
  none: boolean;
}

function mask(dictionary: string[], facet: FacetName, wanted: string[]): Uint8Array | null {
  if (wanted.length === 0) return null;
  const out = new Uint8Array(dictionary.length);
  dictionary.forEach((value, v) => {
    if (wanted.some((w) => matches(facet, value, w))) out[v] = 1;
  });
  return out;
}

export function compileFilters(index: LoadedIndex, filters: Filters): CompiledFilters {
  const facets: CompiledFacet[] = [];
  for (const [facet, filter] of Object.entries(filters.facets) as Array<[FacetName, FacetFilter]>) {
    const column = index.columns.facet(facet);
    facets.push({
      facet,
      offsets: column.offsets,
      values: column.values,
      include: mask(column.dictionary, facet, filter.include),
      exclude: mask(column.dictionary, facet, filter.exclude),
    });
  }
  return {
    facets,
    from: filters.from,
    to: filters.to,
    none: facets.length === 0 && filters.from === null && filters.to === null,
  };
}

function passesFacet(f: CompiledFacet, doc: number): boolean {
  let included = f.include === null;
  for (let k = f.offsets[doc]!, end = f.offsets[doc + 1]!; k < end; k++) {
    const v = f.values[k]!;
    if (f.exclude?.[v]) return false;
    if (f.include?.[v]) included = true;
  }
  return included;
}

function passesDates(index: LoadedIndex, filters: CompiledFilters, doc: number): boolean {
  if (filters.from === null && filters.to === null) return true;
  const published = index.columns.published[doc]!;
  if (Number.isNaN(published)) return false;
  return (
    (filters.from === null || published >= filters.from) && (filters.to === null || published <= filters.to)
  );
}

/**
 * The facet a document fails. Disjunctive counting needs more than pass/fail: a document
 * failing only facet F still counts toward F's values, so that selecting one publisher does
 * not zero the others. Returns 'none' when it passes, null when it fails the dates or two
 * facets or more.
 */
export function failedFacet(
  index: LoadedIndex,
  filters: CompiledFilters,
  doc: number,
): FacetName | 'none' | null {
  if (filters.none) return 'none';
  if (!passesDates(index, filters, doc)) return null;
  let failed: FacetName | 'none' = 'none';
  for (const f of filters.facets) {
    if (passesFacet(f, doc)) continue;
    if (failed !== 'none') return null;
    failed = f.facet;
  }
  return failed;
}
