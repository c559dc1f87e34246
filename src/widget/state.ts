/**
 * What the widget shows, as plain data, and what follows from it. The controller is the only
 * writer; renderers read it.
 */
import type {
  DocType,
  SearchApiError,
  SearchHit,
  SearchParams,
  SearchResponse,
  Suggestion,
} from './client.js';
import { ALL_TYPES, type WidgetConfig } from './config.js';

export interface SearchState {
  /** The text in the box, as typed. */
  query: string;
  /** The chosen type tab; '' is "All". */
  type: DocType | '';
  filters: Record<string, string[]>;
  /** The configured facets, until the API refuses one of them. */
  facets: string[];
  /** The latest page's response; its hits are appended to `hits`. */
  response: SearchResponse | null;
  /** Every hit shown, over all pages fetched with "More results". */
  hits: SearchHit[];
  suggestions: Suggestion[];
  error: SearchApiError | null;
  /** A search is under way. */
  loading: boolean;
  /** Whether the results are open (Escape closes them without clearing anything). */
  open: boolean;
}

export const initialState = (): SearchState => ({
  query: '',
  type: '',
  filters: {},
  facets: [],
  response: null,
  hits: [],
  suggestions: [],
  error: null,
  loading: false,
  open: false,
});

/** The panel under the box (tabs, results, facets) shows once there is something to put in it. */
export const panelVisible = ({ open, response, error, suggestions }: SearchState): boolean =>
  open && !!(response || error || suggestions.length);

export const hasMore = ({ response, error, hits }: SearchState): boolean =>
  !!response && !error && hits.length < response.total;

/** The API request for the state: the first page, or the next one for "More results". */
export function searchParams(state: SearchState, config: WidgetConfig, append: boolean): SearchParams {
  const { types, perPage } = config;
  return {
    q: state.query.trim(),
    // Every type is the API's default: the parameter is only sent to narrow the search.
    types: state.type ? [state.type] : types.length < ALL_TYPES.length ? types : [],
    limit: perPage,
    offset: append ? state.hits.length : 0,
    facets: state.facets,
    filters: state.filters,
  };
}

/** The page a hit opens, if any. Only web links: an index can hold `javascript:` URLs. */
export function hitUrl(hit: SearchHit, base: string): string | null {
  const link = hit.type === 'article' ? hit.url : hit.type === 'quote' ? hit.articleUrl : null;
  if (!link) return null;
  try {
    const url = new URL(link, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
