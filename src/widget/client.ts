/**
 * A typed client for the Newsroom Search HTTP API. The widget is built on it, and sites may
 * import it to build their own interface. It runs in browsers and any runtime with fetch.
 */

export type DocType = 'article' | 'quote' | 'entity';
export type EntityKind = 'person' | 'organization' | 'place';

/** Where a field matched: half-open UTF-16 [start, end) offsets into the hit's own field. */
export interface FieldHighlight {
  /** Escaped text with `<mark>` only. The widget does not use it; ranges are safer to render. */
  html?: string;
  ranges: Array<[number, number]>;
}
export type Highlights = Partial<Record<string, FieldHighlight>>;

interface HitBase {
  id: string;
  score: number;
  highlight?: Highlights;
}

export interface ArticleHit extends HitBase {
  type: 'article';
  title: string;
  subtitle: string | null;
  authors: string[];
  publisher: string | null;
  section: string | null;
  tags: string[];
  published: string | null;
  url: string | null;
  snippet: string;
}

export interface QuoteHit extends HitBase {
  type: 'quote';
  text: string;
  speaker: string | null;
  speakerId: string | null;
  cue: string | null;
  articleId: string;
  articleTitle: string | null;
  /** The quoting article's link (newer APIs). */
  articleUrl?: string | null;
  published: string | null;
}

export interface EntityHit extends HitBase {
  type: 'entity';
  name: string;
  kind: EntityKind;
  aliases: string[];
  mentionCount: number;
  articleCount: number;
}

export type SearchHit = ArticleHit | QuoteHit | EntityHit;

export interface FacetValue {
  /** What the facet holds; for entity facets possibly the entity id. */
  value: string;
  count: number;
  /** Entity id, when the value names an entity: that is what filters take. */
  id?: string;
  /** Display name, when `value` is not one. */
  name?: string;
  kind?: EntityKind;
}

export interface Facet {
  values: FacetValue[];
  /** How many further values were left out... */
  other: number;
  /** ...and how many documents they hold. */
  otherCount?: number;
  /** The `published` facet also counts whole years. */
  years?: FacetValue[];
}

export interface SearchResponse {
  query: string;
  total: number;
  match: 'all' | 'any' | 'browse';
  hits: SearchHit[];
  tookMs: number;
  /** Only when facets were asked for and the API supports them. */
  facets?: Record<string, Facet>;
  /** A respelled query, on zero-hit responses of APIs that support it. */
  didYouMean?: string | null;
}

export interface Suggestion {
  text: string;
  kind: 'entity' | 'term';
  entityKind?: EntityKind;
  id?: string;
  count: number;
}

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
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
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
