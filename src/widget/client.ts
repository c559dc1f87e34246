/**
 * A typed client for the Newsroom Search HTTP API. The widget is built on it, and sites may
 * import it to build their own interface. It runs in browsers and any runtime with fetch.
 */

// The response shapes are the server's own types: type-only imports, erased from the bundle.
import type { DocType, EntityKind } from '../model/documents.js';
import type { FacetCounts, FacetValue } from '../search/facets.js';
import type { Highlighted } from '../search/highlight.js';
import type { ArticleHit, EntityHit, QuoteHit, SearchHit } from '../search/hits.js';
import type { SearchResult } from '../search/search.js';
import type { Suggestion } from '../search/suggest.js';

export type { ArticleHit, DocType, EntityHit, EntityKind, FacetValue, QuoteHit, SearchHit, Suggestion };
/** Where a field matched: half-open UTF-16 [start, end) offsets into the hit's own field. */
export type FieldHighlight = Highlighted;
export type Highlights = Partial<Record<string, FieldHighlight>>;
export type Facet = FacetCounts;
// Facet names stay open strings here: a newer API may offer facets this client does not know.
export type SearchResponse = Omit<SearchResult, 'facets'> & {
  tookMs: number;
  facets?: Record<string, Facet>;
};

export interface SuggestResponse {
  query: string;
  suggestions: Suggestion[];
}

export interface SearchParams {
  q: string;
  /** Empty or absent: every type. */
  types?: DocType[];
  limit?: number;
  offset?: number;
  /** Facets whose counts to return, e.g. ["publisher", "person"]. */
  facets?: string[];
  /** Filters named like their facet: { publisher: ["Reuters"], person: ["person-jane-doe"] }. */
  filters?: Record<string, string[]>;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/** An answer in the API's error shape, or a failure to get any answer (code "network_error"). */
export class SearchApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** HTTP status; 0 when no response arrived. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'SearchApiError';
  }
}

export interface SearchClient {
  readonly endpoint: string;
  search(params: SearchParams, options?: RequestOptions): Promise<SearchResponse>;
  suggest(q: string, options?: RequestOptions): Promise<SuggestResponse>;
}

export function searchQuery(params: SearchParams): URLSearchParams {
  const qs = new URLSearchParams({ q: params.q });
  for (const t of params.types ?? []) qs.append('type', t);
  if (params.limit != null) qs.set('limit', String(params.limit));
  if (params.offset) qs.set('offset', String(params.offset));
  if (params.facets?.length) qs.set('facets', params.facets.join(','));
  for (const [name, values] of Object.entries(params.filters ?? {})) {
    for (const v of values) qs.append(name, v);
  }
  return qs;
}

export function createClient(endpoint: string, fetcher: typeof fetch = (...a) => fetch(...a)): SearchClient {
  const base = endpoint.replace(/\/+$/, '');

  async function get<T>(path: string, qs: URLSearchParams, options: RequestOptions = {}): Promise<T> {
    let res: Response;
    try {
      // No cookies either way: the API is public and its CORS never allows credentials.
      res = await fetcher(`${base}${path}?${qs}`, { signal: options.signal, credentials: 'omit' });
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      throw new SearchApiError('network_error', (err as Error).message || 'Network error', 0);
    }
    const body = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    if (!res.ok || !body) {
      const e = body?.error;
      throw new SearchApiError(e?.code ?? 'http_error', e?.message ?? `HTTP ${res.status}`, res.status);
    }
    return body as T;
  }

  return {
    endpoint: base,
    search: (params, options) => get('/search', searchQuery(params), options),
    suggest: (q, options) => get('/suggest', new URLSearchParams({ q }), options),
  };
}
