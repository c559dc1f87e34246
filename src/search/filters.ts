/**
 * Filters named like facets: values OR within a facet, AND across facets, a leading "-"
 * excludes. `published` values match by prefix ("2026" or "2026-10"); from/to bound the date.
 */
import type { DocRow, FacetName } from './facets.js';

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

export function passesFacet(row: DocRow, facet: FacetName, filter: FacetFilter): boolean {
  const values = row.facets[facet] ?? [];
  if (filter.include.length > 0 && !values.some((v) => filter.include.some((w) => matches(facet, v, w)))) return false;
  return !values.some((v) => filter.exclude.some((w) => matches(facet, v, w)));
}

export function passesDates(row: DocRow, filters: Filters): boolean {
  if (filters.from === null && filters.to === null) return true;
  if (row.published === null) return false;
  return (filters.from === null || row.published >= filters.from) && (filters.to === null || row.published <= filters.to);
}

/**
 * The facets a document fails. Disjunctive counting needs more than pass/fail: a document
 * failing only facet F still counts toward F's values, so that selecting one publisher does
 * not zero the others. Returns null when it fails the dates or two facets or more.
 */
export function failedFacet(row: DocRow, filters: Filters, entries = facetEntries(filters)): FacetName | 'none' | null {
  if (!passesDates(row, filters)) return null;
  let failed: FacetName | 'none' = 'none';
  for (const [facet, filter] of entries) {
    if (passesFacet(row, facet, filter)) continue;
    if (failed !== 'none') return null;
    failed = facet;
  }
  return failed;
}

/** The active facet filters as a list: taken once per query, not once per document. */
export function facetEntries(filters: Filters): Array<[FacetName, FacetFilter]> {
  return Object.entries(filters.facets) as Array<[FacetName, FacetFilter]>;
}
