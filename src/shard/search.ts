/**
 * A search over shards: each shard answers with its best hits (and their sort keys), its totals
 * and its full facet counts; the merge orders hits by the same keys one index uses, adds counts
 * and totals, and decides all-word or any-word mode for the whole corpus. Every shard scores with
 * corpus-wide statistics (document count, field lengths, each term's document frequencies,
 * written with its postings) and the typo and prefix expansions the dictionary decided for the
 * whole corpus, so merged answers equal one index's.
 */
import { newerFirst } from '../index/columns.js';
import type { LoadedIndex } from '../index/load.js';
import { countsOf, ENTITY_FACETS, type FacetName, summarize } from '../search/facets.js';
import type { SearchHit } from '../search/hits.js';
import { parseQuery } from '../search/query.js';
import type { Expansions } from '../search/score.js';
import {
  MIN_ALL_WORD_HITS,
  pageHits,
  runSearch,
  type SearchParams,
  type SearchResult,
  type SearchRun,
} from '../search/search.js';

export interface HitKey {
  score: number;
  /** Milliseconds since the epoch, null when undated. */
  published: number | null;
  /** Document number in the whole corpus. */
  global: number;
  group: number;
}

export interface ShardSearchAnswer {
  match: SearchResult['match'];
  /** Listed matches here (after filters and distinct), and the estimate beyond them. */
  total: number;
  estimated: number;
  approximate: boolean;
  allKept: number;
  more: number;
  /**
   * The first offset + limit matches here, in answer order; the first `limit` of them rendered.
   * A deeper page's hits are rendered on request (renderHits): rendering 10,000 snippets per
   * shard to show 10 would let one request burn every shard's CPU.
   */
  hits: Array<{ key: HitKey; hit?: SearchHit }>;
  /** Every nonzero count of each requested facet (entity values are described after the merge). */
  facets: Partial<Record<FacetName, Array<[string, number]>>>;
}

/**
 * A shard's last few runs, by question: the engine asks for a page's hits right after the keys
 * (renderHits), and the run it renders from is then the one it just made, not made again.
 */
const RECENT_RUNS = 8;
const recentRuns = new WeakMap<LoadedIndex, Map<string, SearchRun>>();

function searchRun(
  index: LoadedIndex,
  params: SearchParams,
  mode: 'all' | 'any',
  expansions: Expansions | undefined,
): SearchRun {
  let runs = recentRuns.get(index);
  if (!runs) recentRuns.set(index, (runs = new Map()));
  const key = JSON.stringify([params, mode, expansions ?? null]);
  let run = runs.get(key);
  if (run) {
    runs.delete(key);
  } else {
    run = runSearch(index, params, mode, expansions);
    if (runs.size >= RECENT_RUNS) runs.delete(runs.keys().next().value!);
  }
  runs.set(key, run);
  return run;
}

/**
 * `render`: whether the answer carries the rendered hits of its first `limit` matches. A shard of
 * many renders hits that mostly lose the merge (each of n shards renders a page for the one page
 * shown): the engine asks instead for the keys, then for the page's hits from the shards that hold
 * them (renderHits, from the run kept here).
 */
export function answerSearch(
  index: LoadedIndex,
  params: SearchParams,
  mode: 'all' | 'any',
  expansions?: Expansions,
  render = true,
): ShardSearchAnswer {
  const run = searchRun(index, params, mode, expansions);
  const window = params.offset + params.limit;
  const hits = render ? pageHits(index, run, 0, Math.min(window, params.limit)) : [];
  const answer: ShardSearchAnswer = {
    match: run.match,
    total: run.listed.length,
    estimated: run.estimated,
    approximate: run.approximate,
    allKept: run.allKept,
    more: run.more,
    hits: run.listed.slice(0, window).map((m, i) => {
      const p = index.columns.published[m.doc]!;
      const key = {
        score: m.score,
        published: Number.isNaN(p) ? null : p,
        global: index.globalDocs[m.doc]!,
        group: m.group ?? 0,
      };
      return i < hits.length ? { key, hit: hits[i]! } : { key };
    }),
    facets: Object.fromEntries(run.counters.map((c) => [c.facet, [...countsOf(index, c)]])),
  };
  return answer;
}

/** Hits for the listed documents with these corpus-wide numbers, in that order (a deep page). */
export function renderHits(
  index: LoadedIndex,
  params: SearchParams,
  mode: 'all' | 'any',
  globals: number[],
  expansions?: Expansions,
): SearchHit[] {
  const run = searchRun(index, params, mode, expansions);
  const wanted = new Set(globals);
  const at = new Map<number, number>();
  run.listed.forEach((m, i) => {
    const g = index.globalDocs[m.doc]!;
    if (wanted.has(g)) at.set(g, i);
  });
  return globals.flatMap((g) => {
    const i = at.get(g);
    return i === undefined ? [] : pageHits(index, run, i, i + 1);
  });
}

function byDate(a: HitKey, b: HitKey): number {
  return newerFirst(a.published, b.published) || b.score - a.score;
}

/** The order of src/search/search.ts's answerOrder (and of browsing's newest-first list), on keys. */
function order(match: SearchResult['match'], sort: SearchParams['sort']): (a: HitKey, b: HitKey) => number {
  if (match === 'browse' || sort === 'date') return (a, b) => byDate(a, b) || a.global - b.global;
  return (a, b) => a.group - b.group || b.score - a.score || a.global - b.global;
}

/** Whether the shards' first answers call for the any-word mode over the whole corpus. */
export function needsAnyWord(params: SearchParams, answers: ShardSearchAnswer[]): boolean {
  const kept = answers.reduce((n, a) => n + a.allKept, 0);
  return (
    answers.some((a) => a.match === 'all') &&
    kept < MIN_ALL_WORD_HITS &&
    parseQuery(params.q).terms.length > 1
  );
}

/** The entity-facet values a merged answer shows, which one shard then describes (names, kinds). */
export function valuesToDescribe(result: SearchResult): Array<[FacetName, string]> {
  return Object.entries(result.facets ?? {}).flatMap(([facet, counts]) =>
    ENTITY_FACETS.has(facet as FacetName)
      ? counts!.values.map((v) => [facet as FacetName, v.value] as [FacetName, string])
      : [],
  );
}

/** A merged page entry: the shard (position in `answers`) and its key, with its hit when rendered. */
export interface PageEntry {
  from: number;
  key: HitKey;
  hit?: SearchHit;
}

export function mergeSearch(
  params: SearchParams,
  answers: ShardSearchAnswer[],
): SearchResult & { page: PageEntry[] } {
  const anyMode = answers.some((a) => a.match === 'any');
  const match: SearchResult['match'] = answers[0]?.match === 'browse' ? 'browse' : anyMode ? 'any' : 'all';
  const cmp = order(match, params.sort);
  const page: PageEntry[] = answers
    .flatMap((a, from) => a.hits.map((h) => ({ from, ...h })))
    .sort((a, b) => cmp(a.key, b.key))
    .slice(params.offset, params.offset + params.limit);
  const listed = answers.reduce((n, a) => n + a.total, 0);
  const hits = page.flatMap((e) => (e.hit ? [e.hit] : []));
  const result: SearchResult & { page: PageEntry[] } = {
    query: params.q,
    total: listed + answers.reduce((n, a) => n + a.estimated, 0),
    match,
    hits,
    page,
  };
  if (answers.some((a) => a.approximate)) result.approximate = true;
  const facetNames = params.facets ?? [];
  if (facetNames.length > 0) {
    result.facets = Object.fromEntries(
      facetNames.map((facet) => {
        const counts = new Map<string, number>();
        for (const a of answers)
          for (const [value, count] of a.facets[facet] ?? [])
            counts.set(value, (counts.get(value) ?? 0) + count);
        return [
          facet,
          summarize(facet, counts, params.facetLimit ?? 10, (value, count) => ({ value, count })),
        ];
      }),
    );
  }
  // Words that found nothing: the caller asks the dictionary for a correction.
  if (listed === 0 && match !== 'browse') result.didYouMean = null;
  return result;
}
