/**
 * Scoring a set of articles with an extractor, and cross-validation over folds of articles: the
 * model's parameters (if it has any) are fitted on k−1 folds and scored on the fold left out, so
 * every figure is measured on articles the parameters were not derived from.
 */
import { categorize } from './categories.js';
import { kFolds, type Spread, spread } from './folds.js';
import {
  type ArticleRecord,
  addCounts,
  type Counts,
  directGoldByArticle,
  emptyCounts,
  figures,
  type GoldQuote,
  type Mismatch,
  type Prediction,
  type Scores,
  scoreArticle,
} from './score.js';

export type Extract = (body: string) => Prediction[];

/** An extractor with parameters fitted on training articles (none for fixed rules). */
export interface QuoteModel<P = unknown> {
  fit(articles: ArticleRecord[], gold: GoldQuote[]): P;
  extractor(params: P): Extract;
}

export interface Evaluation {
  scores: Scores;
  counts: Counts;
  mismatches: Mismatch[];
  /** Per extraction rule: [predicted, matched]. */
  byRule: Map<string, [number, number]>;
}

/** Scores the extractor on the given articles against every gold record of them. */
export function evaluateArticles(
  articles: ArticleRecord[],
  goldAll: GoldQuote[],
  extract: Extract,
): Evaluation {
  const ids = new Set(articles.map((a) => a.id));
  const all = new Map<string, GoldQuote[]>();
  for (const g of goldAll) {
    if (!ids.has(g.article_id)) continue;
    const list = all.get(g.article_id) ?? [];
    list.push(g);
    all.set(g.article_id, list);
  }
  const direct = directGoldByArticle(goldAll);
  const counts = emptyCounts();
  const mismatches: Mismatch[] = [];
  const byRule = new Map<string, [number, number]>();
  for (const a of articles) {
    const t0 = performance.now();
    const pred = extract(a.body);
    const ms = performance.now() - t0;
    const result = scoreArticle(a.id, pred, direct.get(a.id) ?? []);
    result.counts.extractMs = ms;
    addCounts(counts, result.counts);
    categorize(result.mismatches, { body: a.body, gold: all.get(a.id) ?? [], pred });
    mismatches.push(...result.mismatches);
    for (const [rule, [p, m]] of result.byRule) {
      const r = byRule.get(rule) ?? [0, 0];
      byRule.set(rule, [r[0] + p, r[1] + m]);
    }
  }
  return { scores: figures(counts), counts, mismatches, byRule };
}

export interface CrossValidation {
  k: number;
  seed: number;
  folds: Evaluation[];
  /** The parameters each fold was scored with (fitted on the other folds). */
  params: unknown[];
  /** Mean ± sd over folds of each figure. */
  summary: Record<'precision' | 'recall' | 'f1' | 'speakerAccuracy' | 'oneToOneRecall', Spread>;
}

/** k-fold cross-validation by article: fit on k−1 folds, score the fold left out. */
export function crossValidate<P>(
  articles: ArticleRecord[],
  gold: GoldQuote[],
  model: QuoteModel<P>,
  k: number,
  seed: number,
): CrossValidation {
  const folds = kFolds(articles, k, seed);
  const params: P[] = [];
  const evaluations = folds.map((heldOut, i) => {
    const training = folds.filter((_, j) => j !== i).flat();
    params.push(model.fit(training, gold));
    return evaluateArticles(heldOut, gold, model.extractor(params[i]!));
  });
  const over = (f: (s: Scores) => number) => spread(evaluations.map((e) => f(e.scores)));
  return {
    k,
    seed,
    folds: evaluations,
    params,
    summary: {
      precision: over((s) => s.precision),
      recall: over((s) => s.recall),
      f1: over((s) => s.f1),
      speakerAccuracy: over((s) => s.speakerAccuracy),
      oneToOneRecall: over((s) => s.oneToOne.recall),
    },
  };
}

/** Per kind and category, the count in each fold. */
export function categoryCounts(folds: Evaluation[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  folds.forEach((f, i) => {
    for (const m of f.mismatches) {
      const key = `${m.kind}\t${m.category ?? 'other'}`;
      const list = out.get(key) ?? folds.map(() => 0);
      list[i]!++;
      out.set(key, list);
    }
  });
  return out;
}
