/**
 * One query against a loaded index: match, filter by type, page, and project stored fields.
 * Pure and synchronous so that the Worker, tests and benchmarks run the very same code.
 */
import MiniSearch from 'minisearch';
import type { DocType } from '../model/documents.js';
import { parseIndexId } from '../index/ids.js';
import type { LoadedIndex } from '../index/load.js';
import { articleHit, entityHit, quoteHit, type SearchHit } from './hits.js';

export interface SearchParams {
  q: string;
  /** Empty means every type. */
  types: DocType[];
  limit: number;
  offset: number;
}

export interface SearchResult {
  query: string;
  total: number;
  /** "all": every word matched; "any": too few did, so any-word ranking was used; "browse": empty query. */
  match: 'all' | 'any' | 'browse';
  hits: SearchHit[];
}

function toHit(index: LoadedIndex, type: DocType, id: string, score: number): SearchHit | null {
  switch (type) {
    case 'article': {
      const a = index.articles[id];
      return a ? articleHit(a, score) : null;
    }
    case 'quote': {
      const q = index.quotes[id];
      return q ? quoteHit(q, score, index) : null;
    }
    case 'entity': {
      const e = index.entities[id];
      return e ? entityHit(e, score) : null;
    }
  }
}

export function search(index: LoadedIndex, params: SearchParams): SearchResult {
  const q = params.q.trim();
  const wanted = new Set<DocType>(params.types.length > 0 ? params.types : ['article', 'quote', 'entity']);
  const filter = (r: { id: string }) => wanted.has(parseIndexId(r.id).type);

  let match: SearchResult['match'] = q === '' ? 'browse' : 'all';
  let results =
    q === ''
      ? index.search.search(MiniSearch.wildcard, { filter })
      : index.search.search(q, { combineWith: 'AND', filter });
  if (match === 'all' && results.length === 0) {
    match = 'any';
    results = index.search.search(q, { combineWith: 'OR', filter });
  }

  const page = results.slice(params.offset, params.offset + params.limit);
  const hits: SearchHit[] = [];
  for (const r of page) {
    const { type, id } = parseIndexId(r.id);
    const hit = toHit(index, type, id, Math.round(r.score * 1000) / 1000);
    if (hit) hits.push(hit);
  }
  return { query: params.q, total: results.length, match, hits };
}
