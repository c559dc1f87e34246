/**
 * One query against a loaded index: match, rank, filter, count facets, group, page, and
 * project stored fields with highlights. Pure and synchronous, so that the Worker, tests and
 * benchmarks run the very same code.
 */

import { newerFirst, TYPE_CODE } from '../index/columns.js';
import type { LoadedIndex } from '../index/load.js';
import type { DocType } from '../model/documents.js';
import {
  countsOf,
  describeValue,
  FacetCounter,
  type FacetCounts,
  type FacetName,
  summarize,
} from './facets.js';
import { compileFilters, type Filters, failedFacet, NO_FILTERS } from './filters.js';
import { type ArticleHit, articleHit, entityHit, type QuoteHit, quoteHit, type SearchHit } from './hits.js';
import { articleAt, entityAt, quoteAt } from './lookup.js';
import { containsPhrase, type Match, matchAll, matchQuery, type QueryMatches } from './match.js';
import { type ParsedQuery, parseQuery } from './query.js';
import type { Expansions } from './score.js';
import { type QuerySignals, RANKING } from './signals.js';
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
  /** Characters of text phrase checks may read (default PHRASE_TEXT_BUDGET); for tests. */
  phraseBudget?: number;
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
  /**
   * Present and true when phrase checks were cut short (a phrase of very common words over a
   * large archive): the best-scoring candidates were checked, `total` is an estimate and facet
   * counts cover the checked documents only.
   */
  approximate?: boolean;
  /** Present when shards of a sharded index did not answer: the rest is theirs only. */
  partial?: PartialAnswer;
}

export interface PartialAnswer {
  failedShards: number[];
}

/** Below this many all-word hits, any-word hits are appended after them. */
export const MIN_ALL_WORD_HITS = 3;
const SUB_QUOTES = 3;
/** A quote that holds the query's words in order is what a quote-like query asks for. */
const QUOTE_PHRASE_BOOST = 3;
const QUOTE_PHRASE_MIN_WORDS = 3;
const RECENCY_HALF_LIFE_DAYS = 60;

/**
 * Boosts by document type, on top of the score (BM25 with the title factor): an entity named by
 * the query, a quote holding it as a phrase, and recency when asked. Only a match holding every
 * query word can have a name or a quote equal to the query.
 */
function applyBoosts(
  index: LoadedIndex,
  matches: Match[],
  parsed: ParsedQuery,
  recency: boolean,
  signals: QuerySignals,
): void {
  const { newest, published, type } = index.columns;
  for (const m of matches) {
    const t = type[m.doc];
    // All-word matches (group 0), and any-word ones that hold every word once a typo is corrected (1).
    const complete = (m.group ?? 0) <= 1;
    if (complete && t === ENTITY) {
      const e = entityAt(index, m.doc);
      const named = signals.nameMatch([e.name, ...e.aliases]);
      if (named) m.score *= named === 'exact' ? RANKING.exactName : RANKING.nearName;
    } else if (complete && t === QUOTE && parsed.terms.length >= QUOTE_PHRASE_MIN_WORDS) {
      if (containsPhrase(quoteAt(index, m.doc).text, parsed.terms, parsed.lastIsPrefix))
        m.score *= QUOTE_PHRASE_BOOST;
    }
    if (recency && newest !== null) {
      const p = published[m.doc]!;
      if (!Number.isNaN(p)) m.score *= 1 + 0.5 * 0.5 ** ((newest - p) / 86_400_000 / RECENCY_HALF_LIFE_DAYS);
    }
  }
}

const { quote: QUOTE, entity: ENTITY } = TYPE_CODE;

function byDate(published: Float64Array) {
  return (a: Match, b: Match): number =>
    newerFirst(published[a.doc]!, published[b.doc]!) || b.score - a.score;
}

/** Keeps filtered matches and counts requested facets disjunctively, in one pass. */
function filterAndCount(matches: Match[], index: LoadedIndex, filters: Filters, facets: FacetName[]) {
  const compiled = compileFilters(index, filters);
  const counters = facets.map((f) => new FacetCounter(index, f));
  const kept: Match[] = [];
  const hidden = index.hidden;
  for (const m of matches) {
    // Replaced or deleted by a live update: not in hits, totals or facet counts.
    if (hidden?.[m.doc]) continue;
    const failed = failedFacet(index, compiled, m.doc);
    if (failed === null) continue;
    if (failed === 'none') kept.push(m);
    for (const counter of counters) if (failed === 'none' || failed === counter.facet) counter.add(m.doc);
  }
  return { kept, counters };
}

function withType(filters: Filters, types: DocType[]): Filters {
  if (types.length === 0) return filters;
  const type = filters.facets.type ?? { include: [], exclude: [] };
  return {
    ...filters,
    facets: { ...filters.facets, type: { ...type, include: [...type.include, ...types] } },
  };
}

/** distinct=article: the best document of each article stands for it; entities stay apart. */
function distinctArticles(index: LoadedIndex, ranked: Match[]): Match[] {
  const seen = new Set<number>();
  const out: Match[] = [];
  for (const r of ranked) {
    const article = index.columns.article[r.doc]!;
    const group = article >= 0 ? article : -1 - r.doc;
    if (seen.has(group)) continue;
    seen.add(group);
    out.push(r);
  }
  return out;
}

/** What one index found for a query, before it becomes a page of hits: shards answer with this too. */
export interface SearchRun {
  match: SearchResult['match'];
  /** Every listed match, in answer order (after filters and `distinct`). */
  listed: Match[];
  /** Filtered matches before `distinct`: article hits take their quotes from here. */
  kept: Match[];
  counters: FacetCounter[];
  /** Matches estimated beyond `listed` when phrase checks were cut short. */
  estimated: number;
  approximate: boolean;
  /** All-word matches after filters, and unfiltered any-word matches found beyond them (mode "any" only). */
  allKept: number;
  more: number;
  termsOf: (doc: number) => ReadonlySet<string>;
}

/**
 * Ties in score (and in date, for date order) fall back to the corpus-wide document number, so
 * that one index and its shards, merged, list equal documents in the same order.
 */
export function answerOrder(index: LoadedIndex, sort: SearchParams['sort']): (a: Match, b: Match) => number {
  const g = index.globalDocs;
  const published = index.columns.published;
  if (sort === 'date') {
    const date = byDate(published);
    return (a, b) => date(a, b) || g[a.doc]! - g[b.doc]!;
  }
  return (a, b) => (a.group ?? 0) - (b.group ?? 0) || b.score - a.score || g[a.doc]! - g[b.doc]!;
}

/**
 * Runs a query on one index (`expansions`: see src/search/score.ts). A shard cannot tell from its own count whether the whole corpus
 * has too few all-word matches: it is asked for `mode: 'all'` first, and for `'any'` (the any-word
 * answer whenever it adds documents) when the shards' counts together call for it.
 */
export function runSearch(
  index: LoadedIndex,
  params: SearchParams,
  mode: 'auto' | 'all' | 'any' = 'auto',
  expansions?: Expansions,
): SearchRun {
  const parsed = parseQuery(params.q);
  const filters = withType(params.filters ?? NO_FILTERS, params.types);
  const facetNames = params.facets ?? [];
  const order = answerOrder(index, params.sort);

  let match: SearchResult['match'];
  let matches: Match[];
  let anyWord: () => Match[] = () => [];
  let termsOf: (doc: number) => ReadonlySet<string> = () => NO_TERMS;
  let found: QueryMatches | null = null;
  if (parsed.terms.length === 0) {
    match = 'browse';
    matches = matchAll(index, parsed);
  } else {
    match = 'all';
    found = matchQuery(index, parsed, params.phraseBudget, expansions);
    matches = found.all;
    anyWord = found.any;
    termsOf = found.termsOf;
    applyBoosts(index, matches, parsed, params.recency ?? false, found.signals());
  }
  let { kept, counters } = filterAndCount(matches, index, filters, facetNames);
  const allKept = kept.length;
  let more = 0;

  const wantAny = mode === 'any' || (mode === 'auto' && kept.length < MIN_ALL_WORD_HITS);
  if (match === 'all' && wantAny && parsed.terms.length > 1) {
    const extra = anyWord();
    more = extra.length;
    if (extra.length > 0) {
      match = 'any';
      applyBoosts(index, extra, parsed, params.recency ?? false, found!.signals());
      matches = [...matches.sort(order), ...extra.sort(order)];
      ({ kept, counters } = filterAndCount(matches, index, filters, facetNames));
    }
  }

  // Browsing already walked the documents newest first; any-word answers are already in order.
  if (match !== 'browse' && params.sort === 'date') kept.sort(order);
  else if (match === 'all') kept.sort(order);

  const listed = params.distinct === 'article' ? distinctArticles(index, kept) : kept;
  let estimated = 0;
  const approximate = found?.approximate() ?? false;
  if (found && approximate) {
    // Unchecked candidates that pass the filters, at the rate the checked ones held the phrase.
    const unchecked = filterAndCount(found.unverified, index, filters, []).kept.length;
    estimated = Math.round(unchecked * found.passRate());
  }
  return { match, listed, kept, counters, estimated, approximate, allKept, more, termsOf };
}

/** Hits for listed matches [from, to). */
export function pageHits(index: LoadedIndex, run: SearchRun, from: number, to: number): SearchHit[] {
  return run.listed
    .slice(from, to)
    .map((r) => toHit(index, r, run.match === 'browse' ? [] : run.kept, run.termsOf));
}

export function search(index: LoadedIndex, params: SearchParams): SearchResult {
  const run = runSearch(index, params);
  const hits = pageHits(index, run, params.offset, params.offset + params.limit);
  const result: SearchResult = {
    query: params.q,
    total: run.listed.length + run.estimated,
    match: run.match,
    hits,
  };
  if (run.approximate) result.approximate = true;
  if (run.counters.length > 0) {
    result.facets = Object.fromEntries(
      run.counters.map((counter) => [
        counter.facet,
        summarize(counter.facet, countsOf(index, counter), params.facetLimit ?? 10, (v, c) =>
          describeValue(index, counter.facet, v, c),
        ),
      ]),
    );
  }
  // Words that found nothing (a browse has no words to correct).
  if (run.listed.length === 0 && run.match !== 'browse') result.didYouMean = didYouMean(index, params.q);
  return result;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

const NO_TERMS: ReadonlySet<string> = new Set();

function toHit(
  index: LoadedIndex,
  r: Match,
  kept: Match[],
  termsOf: (doc: number) => ReadonlySet<string>,
): SearchHit {
  const type = index.columns.type[r.doc];
  if (type === ENTITY) return entityHit(entityAt(index, r.doc), round(r.score), termsOf(r.doc));
  if (type === QUOTE) return quoteHit(index, r.doc, round(r.score), termsOf(r.doc));
  const hit: ArticleHit = articleHit(articleAt(index, r.doc), round(r.score), termsOf(r.doc));
  const quotes: QuoteHit[] = [];
  const { type: types, article } = index.columns;
  for (const k of kept) {
    if (quotes.length >= SUB_QUOTES) break;
    if (types[k.doc] !== QUOTE || article[k.doc] !== r.doc) continue;
    quotes.push(quoteHit(index, k.doc, round(k.score), termsOf(k.doc)));
  }
  if (quotes.length > 0) hit.quotes = quotes;
  return hit;
}
