/**
 * The search state in the page's query string, so that back/forward and shared links work.
 * Parameters carry a prefix (default "ns-") so they never collide with the host page's own.
 */
import type { DocType } from './client.js';

export interface SearchState {
  q: string;
  type: DocType | '';
  filters: Record<string, string[]>;
}

export function readState(search: string, prefix: string, facets: string[]): SearchState {
  const qs = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const f of facets) {
    const values = qs.getAll(prefix + f);
    if (values.length) filters[f] = values;
  }
  return { q: qs.get(`${prefix}q`) ?? '', type: (qs.get(`${prefix}type`) ?? '') as DocType | '', filters };
}

/** The page URL with our parameters replaced and everyone else's left alone. */
export function writeState(href: string, prefix: string, state: SearchState): string {
  const url = new URL(href);
  for (const key of [...url.searchParams.keys()]) if (key.startsWith(prefix)) url.searchParams.delete(key);
  if (state.q) url.searchParams.set(`${prefix}q`, state.q);
  if (state.type) url.searchParams.set(`${prefix}type`, state.type);
  for (const [f, values] of Object.entries(state.filters))
    for (const v of values) url.searchParams.append(prefix + f, v);
  return url.href;
}
