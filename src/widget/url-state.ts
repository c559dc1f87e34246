/**
 * The search state in the page's query string, so that back/forward and shared links work.
 * Parameters carry a prefix (default "ns-") so they never collide with the host page's own.
 */
import type { DocType } from './client.js';

export interface UrlState {
  q: string;
  type: DocType | '';
  filters: Record<string, string[]>;
}

export function readState(search: string, prefix: string, facets: string[]): UrlState {
  const qs = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const f of facets) {
    const values = qs.getAll(prefix + f);
    if (values.length) filters[f] = values;
  }
  return { q: qs.get(`${prefix}q`) ?? '', type: (qs.get(`${prefix}type`) ?? '') as DocType | '', filters };
}

/** The page URL with our parameters replaced and everyone else's left alone. */
export function writeState(href: string, prefix: string, state: UrlState): string {
  const url = new URL(href);
  for (const key of [...url.searchParams.keys()]) if (key.startsWith(prefix)) url.searchParams.delete(key);
  if (state.q) url.searchParams.set(`${prefix}q`, state.q);
  if (state.type) url.searchParams.set(`${prefix}type`, state.type);
  for (const [f, values] of Object.entries(state.filters))
    for (const v of values) url.searchParams.append(prefix + f, v);
  return url.href;
}

/** The page URL and its history, where the state is kept when the site asks for it. */
export interface UrlHost {
  href(): string;
  /** The parameter prefix, or null when the state is not kept in the URL. */
  prefix(): string | null;
  push(href: string): void;
  replace(href: string): void;
}

/** The state saved in the page URL, or null when the site keeps none there. */
export function loadState(host: UrlHost, facets: string[]): UrlState | null {
  const prefix = host.prefix();
  return prefix === null ? null : readState(new URL(host.href()).search, prefix, facets);
}

/** Writes the state into the page URL, as a new history entry or in place of the current one. */
export function saveState(host: UrlHost, state: UrlState, mode: 'push' | 'replace'): void {
  const prefix = host.prefix();
  if (prefix === null) return;
  const current = host.href();
  const href = writeState(current, prefix, state);
  if (href === current) return;
  if (mode === 'push') host.push(href);
  else host.replace(href);
}
