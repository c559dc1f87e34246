/**
 * Scoring known-item queries: each engine ranks the documents for a query, and the answer's rank
 * gives success@1 (the answer first) and the reciprocal rank within the first 10 (MRR@10).
 */
import { parseIndexId } from '../../src/index/ids.js';
import { search } from '../../src/search/search.js';
import { suggest } from '../../src/search/suggest.js';
import type { EvalCorpus } from './eval-corpus.js';
import type { KnownItem, QueryClass } from './known-items.js';

export const ENGINE_NAMES = ['ours', 'typed', 'minisearch', 'minisearch-fuzzy', 'flexsearch'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** The first ids an engine lists for a query (at most 10), or null when it does not answer this class. */
type Ranker = (item: KnownItem) => string[] | null;

const plainId = (id: string) => parseIndexId(id).id;

export function rankers(ev: EvalCorpus): Record<EngineName, Ranker> {
  const { index, minisearch, flexsearch } = ev;
  const ours = (types: KnownItem['type'][]) => (item: KnownItem) =>
    item.class === 'suggest-name'
      ? suggest(index, item.q, 10).map((s) => s.id ?? s.text)
      : search(index, { q: item.q, types, limit: 10, offset: 0 }).hits.map((h) => h.id);
  const notSuggest =
    (rank: (item: KnownItem) => string[]): Ranker =>
    (item) =>
      item.class === 'suggest-name' ? null : rank(item);
  return {
    ours: ours([]),
    typed: (item) => ours([item.type])(item),
    minisearch: notSuggest((item) =>
      minisearch!
        .search(item.q)
        .slice(0, 10)
        .map((r) => plainId(r.id as string)),
    ),
    'minisearch-fuzzy': notSuggest((item) =>
      minisearch!
        .search(item.q, { fuzzy: 0.2, prefix: true })
        .slice(0, 10)
        .map((r) => plainId(r.id as string)),
    ),
    flexsearch: notSuggest((item) =>
      flexsearch!.search(item.q, { limit: 10, suggest: true, merge: true }).map((r) => plainId(r.id)),
    ),
  };
}

export interface Score {
  successAt1: number;
  mrrAt10: number;
}

export interface Miss {
  q: string;
  answers: string[];
  /** What ours listed first instead. */
  top: string | null;
  /** The answer's rank (1-based) within the first 10, or null. */
  rank: number | null;
}

export interface ClassScore {
  class: QueryClass;
  queries: number;
  engines: Partial<Record<EngineName, Score>>;
  misses: Miss[];
}

export function evaluate(ev: EvalCorpus, items: KnownItem[], engines: readonly EngineName[]): ClassScore[] {
  const rank = rankers(ev);
  const classes = [...new Set(items.map((i) => i.class))];
  return classes.map((cls) => {
    const set = items.filter((i) => i.class === cls);
    const out: ClassScore = { class: cls, queries: set.length, engines: {}, misses: [] };
    for (const engine of ['ours', ...engines.filter((e) => e !== 'ours')] as EngineName[]) {
      let s1 = 0;
      let rr = 0;
      let answered = true;
      for (const item of set) {
        const ids = rank[engine](item);
        if (ids === null) {
          answered = false;
          break;
        }
        const at = ids.findIndex((id) => item.answers.includes(id));
        if (at === 0) s1++;
        if (at >= 0) rr += 1 / (at + 1);
        if (engine === 'ours' && at !== 0)
          out.misses.push({
            q: item.q,
            answers: item.answers,
            top: ids[0] ?? null,
            rank: at >= 0 ? at + 1 : null,
          });
      }
      if (answered && set.length > 0)
        out.engines[engine] = { successAt1: s1 / set.length, mrrAt10: rr / set.length };
    }
    return out;
  });
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Why a query missed: "fragment" when another entity of the same person came first (its names
 * share the surname: one person split into several entities), "ranking" otherwise.
 */
export function missCause(ev: EvalCorpus, miss: Miss): string {
  const byId = new Map(ev.corpus.entities.map((e) => [e.id, e]));
  const want = byId.get(miss.answers[0]!);
  const top = miss.top ? byId.get(miss.top) : undefined;
  const where = miss.rank ? `rank ${miss.rank}` : 'not in 10';
  if (!want || !top) return `ranking, ${where}`;
  const surname = norm(want.name).split(' ').at(-1)!;
  const names = [top.name, ...top.aliases].map((n) => ` ${norm(n)} `);
  return names.some((n) => n.includes(` ${surname} `)) ? `fragment, ${where}` : `ranking, ${where}`;
}
