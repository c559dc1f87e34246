/**
 * One query against a loaded index: match, rank, filter, count facets, group, page, and
 * project stored fields with highlights. Pure and synchronous, so that the Worker, tests and
 * benchmarks run the very same code.
 */
import type { DocType } from '../model/documents.js';
import { parseIndexId } from '../index/ids.js';
import type { LoadedIndex } from '../index/load.js';
import { docTable, summarize, type DocRow, type FacetCounts, type FacetName } from './facets.js';
import { facetEntries, failedFacet, NO_FILTERS, type Filters } from './filters.js';
import { articleHit, entityHit, quoteHit, type ArticleHit, type QuoteHit, type SearchHit } from './hits.js';
import { containsPhrase, matchAll, matchQuery, type Match } from './match.js';
import { parseQuery, words, type ParsedQuery } from './query.js';
import { didYouMean } from './suggest.js';

export interface SearchParams {
  q: string;
  /** Empty means every type. */
  types: DocType[];
  limit: number;
  offset: number;
  filters?: Filters;
  /** Facets to count over the whole match set. */
  facets?: FacetName[];
  facetLimit?: number;
  sort?: 'relevance' | 'date';
  /** Favour recent documents (relative to the newest in the index). */
  recency?: boolean;
  /** "article": one hit per article; its matching quotes ride inside it. */
  distinct?: 'article' | null;
}

export interface SearchResult {
  query: string;
  total: number;
  /** "all": every word matched; "any": that found too little, so any-word results follow; "browse": no words. */
  match: 'all' | 'any' | 'browse';
  hits: SearchHit[];
  facets?: Partial<Record<FacetName, FacetCounts>>;
  /** For a query that found nothing: a corrected query that would find something. */
  didYouMean?: string | null;
}

/** Below this many all-word hits, any-word hits are appended after them. */
export const MIN_ALL_WORD_HITS = 3;
const SUB_QUOTES = 3;
const ENTITY_EXACT_BOOST = 4;
/** A quote that holds the query's words in order is what a quote-like query asks for. */
const QUOTE_PHRASE_BOOST = 3;
const QUOTE_PHRASE_MIN_WORDS = 3;
const RECENCY_HALF_LIFE_DAYS = 60;

interface Ranked extends Match {
  row: DocRow;
}

function applyBoosts(index: LoadedIndex, matches: Match[], parsed: ParsedQuery, recency: boolean): void {
  const phrase = parsed.terms.join(' ');
  const { newest, rows } = docTable(index);
  for (const m of matches) {
    const { type, id } = parseIndexId(m.key);
    if (type === 'entity') {
      const e = index.entities[id];
      if (e && [e.name, ...e.aliases].some((n) => words(n).join(' ') === phrase)) m.score *= ENTITY_EXACT_BOOST;
    } else if (type === 'quote' && parsed.terms.length >= QUOTE_PHRASE_MIN_WORDS) {
      const q = index.quotes[id];
      if (q && containsPhrase(q.text, parsed.terms, parsed.lastIsPrefix)) m.score *= QUOTE_PHRASE_BOOST;
    }
    if (recency && newest !== null) {
      const published = rows.get(m.key)?.published;
      if (published != null) m.score *= 1 + 0.5 * 0.5 ** ((newest - published) / 86_400_000 / RECENCY_HALF_LIFE_DAYS);
    }
  }
}

function byDate(a: Ranked, b: Ranked): number {
  const pa = a.row.published;
  const pb = b.row.published;
  if (pa !== pb) return pa === null ? 1 : pb === null ? -1 : pb - pa;
  return b.score - a.score;
}

/** Keeps filtered matches and counts requested facets disjunctively, in one pass. */
function filterAndCount(matches: Match[], index: LoadedIndex, filters: Filters, facets: FacetName[]) {
  const rows = docTable(index).rows;
  const counting = facets.map((f) => [f, new Map<string, number>()] as const);
  const entries = facetEntries(filters);
  const unfiltered = entries.length === 0 && filters.from === null && filters.to === null;
  const kept: Ranked[] = [];
  for (const m of matches) {
    const row = rows.get(m.key);
    if (!row) continue;
    const failed = unfiltered ? 'none' : failedFacet(row, filters, entries);
    if (failed === null) continue;
    if (failed === 'none') {
      const ranked = m as Ranked;
      ranked.row = row;
      kept.push(ranked);
    }
    for (const [facet, values] of counting) {
      if (failed !== 'none' && failed !== facet) continue;
      const docValues = row.facets[facet];
      if (docValues) for (const v of docValues) values.set(v, (values.get(v) ?? 0) + 1);
    }
  }
  return { kept, counts: new Map(counting) };
}

function withType(filters: Filters, types: DocType[]): Filters {
  if (types.length === 0) return filters;
  const type = filters.facets.type ?? { include: [], exclude: [] };
  return { ...filters, facets: { ...filters.facets, type: { ...type, include: [...type.include, ...types] } } };
}

/** distinct=article: the best document of each article stands for it; entities stay apart. */
function distinctArticles(ranked: Ranked[]): Ranked[] {
  const seen = new Set<string>();
  const out: Ranked[] = [];
  for (const r of ranked) {
    const group = r.row.articleId ?? r.key;
    if (seen.has(group)) continue;
    seen.add(group);
    out.push(r);
  }
  return out;
}

export function search(index: LoadedIndex, params: SearchParams): SearchResult {
  const parsed = parseQuery(params.q);
  const filters = withType(params.filters ?? NO_FILTERS, params.types);
  const facetNames = params.facets ?? [];
  const table = docTable(index);

  let match: SearchResult['match'];
  let matches: Match[];
  if (parsed.terms.length === 0) {
    match = 'browse';
    matches = matchAll(index, parsed, table.newestFirst);
  } else {
    match = 'all';
    matches = matchQuery(index, parsed, 'AND');
    applyBoosts(index, matches, parsed, params.recency ?? false);
  }
  let { kept, counts } = filterAndCount(matches, index, filters, facetNames);

  if (match === 'all' && kept.length < MIN_ALL_WORD_HITS && parsed.terms.length > 1) {
    const all = new Set(matches.map((m) => m.key));
    const more = matchQuery(index, parsed, 'OR').filter((m) => !all.has(m.key));
    if (more.length > 0) {
      match = 'any';
      applyBoosts(index, more, parsed, params.recency ?? false);
      matches = [...matches.sort((a, b) => b.score - a.score), ...more.sort((a, b) => b.score - a.score)];
      ({ kept, counts } = filterAndCount(matches, index, filters, facetNames));
    }
  }

  // Browsing already walked the documents newest first.
  if (match !== 'browse' && params.sort === 'date') kept.sort(byDate);
  else if (match === 'all') kept.sort((a, b) => b.score - a.score);

  const listed = params.distinct === 'article' ? distinctArticles(kept) : kept;
  const page = listed.slice(params.offset, params.offset + params.limit);
  const hits = page.map((r) => toHit(index, r, match === 'browse' ? [] : kept)).filter((h): h is SearchHit => h !== null);

  const result: SearchResult = { query: params.q, total: listed.length, match, hits };
  if (facetNames.length > 0) {
    result.facets = Object.fromEntries(
      facetNames.map((f) => [f, summarize(index, f, counts.get(f)!, params.facetLimit ?? 10)]),
    );
  }
  if (listed.length === 0 && parsed.terms.length > 0) result.didYouMean = didYouMean(index, params.q);
  return result;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

function toHit(index: LoadedIndex, r: Ranked, kept: Ranked[]): SearchHit | null {
  const { type, id } = parseIndexId(r.key);
  if (type === 'entity') {
    const e = index.entities[id];
    return e ? entityHit(e, round(r.score), r.terms) : null;
  }
  if (type === 'quote') {
    const q = index.quotes[id];
    return q ? quoteHit(q, round(r.score), index, r.terms) : null;
  }
  const a = index.articles[id];
  if (!a) return null;
  const hit: ArticleHit = articleHit(a, round(r.score), r.terms);
  const quotes: QuoteHit[] = [];
  for (const k of kept) {
    if (quotes.length >= SUB_QUOTES) break;
    if (k.row.type !== 'quote' || k.row.articleId !== a.id) continue;
    const q = index.quotes[k.row.id];
    if (q) quotes.push(quoteHit(q, round(k.score), index, k.terms));
  }
  if (quotes.length > 0) hit.quotes = quotes;
  return hit;
}
