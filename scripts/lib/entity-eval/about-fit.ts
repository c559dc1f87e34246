/**
 * The two numbers of an article's `about` places (src/extract/entities/corpus/about.ts), chosen
 * on Reuters-21578 **train** by k-fold cross-validation by article: for each fold, the pair that
 * gives the highest place recall with precision at least PRECISION_FLOOR on the other folds
 * (the highest F1 where none reaches it) is scored on the fold left out. Reported: per-fold
 * scores, their mean, and the pair chosen on the whole split, which is what about.ts should hold.
 */

import { aboutPlaces } from '../../../src/extract/entities/corpus/about.js';
import type { ArticleEntity } from '../../../src/model/documents.js';
import { isoCodesFor } from './reuters-codes.js';

const PRECISION_FLOOR = 0.91;
const SCORES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 1.01];
const BONUSES = [0, 0.1, 0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7];

export interface FitDoc {
  id: string;
  entities: ArticleEntity[];
  bodyLength: number;
  /** Gold place codes, each as the ISO codes it accepts. */
  gold: Array<Set<string>>;
}

interface Tally {
  gold: number;
  found: number;
  predicted: number;
  correct: number;
}

const codeOf = (e: ArticleEntity) => e.country?.code ?? null;

function tally(docs: FitDoc[], score: number, bonus: number): Tally {
  const t: Tally = { gold: 0, found: 0, predicted: 0, correct: 0 };
  for (const d of docs) {
    const predicted = new Set<string>();
    for (const at of aboutPlaces(d.entities, d.bodyLength, score, bonus)) {
      const c = codeOf(d.entities[at]!);
      if (c) predicted.add(c);
    }
    for (const g of d.gold) {
      t.gold++;
      if ([...predicted].some((c) => g.has(c))) t.found++;
    }
    for (const c of predicted) {
      t.predicted++;
      if (d.gold.some((g) => g.has(c))) t.correct++;
    }
  }
  return t;
}

const pr = (t: Tally) => ({
  recall: t.gold ? t.found / t.gold : 0,
  precision: t.predicted ? t.correct / t.predicted : 0,
});
const f1 = ({ recall, precision }: { recall: number; precision: number }) =>
  recall + precision ? (2 * recall * precision) / (recall + precision) : 0;

function best(docs: FitDoc[]): { score: number; bonus: number; recall: number; precision: number } {
  let pick: { score: number; bonus: number; recall: number; precision: number; key: number } | null = null;
  for (const score of SCORES) {
    for (const bonus of BONUSES) {
      const m = pr(tally(docs, score, bonus));
      // Above the floor, recall decides; below it, F1 (always less than any pair above it).
      const key = m.precision >= PRECISION_FLOOR ? 1 + m.recall : f1(m);
      if (!pick || key > pick.key) pick = { score, bonus, ...m, key };
    }
  }
  const { key: _, ...rest } = pick!;
  return rest;
}

export function goldSets(codes: string[]): Array<Set<string>> {
  return codes.map((c) => new Set(isoCodesFor(c) ?? []));
}

export interface AboutFit {
  folds: Array<{ score: number; bonus: number; recall: number; precision: number }>;
  mean: { recall: number; precision: number };
  chosen: { score: number; bonus: number; recall: number; precision: number };
}

export function fitAbout(docs: FitDoc[], k = 5): AboutFit {
  // Folds by article, in a fixed order: every k-th document.
  const folds = Array.from({ length: k }, (_, f) => docs.filter((_, i) => i % k === f));
  const out: AboutFit['folds'] = [];
  for (let f = 0; f < k; f++) {
    const train = folds.flatMap((d, g) => (g === f ? [] : d));
    const { score, bonus } = best(train);
    out.push({ score, bonus, ...pr(tally(folds[f]!, score, bonus)) });
  }
  const mean = {
    recall: out.reduce((n, x) => n + x.recall, 0) / k,
    precision: out.reduce((n, x) => n + x.precision, 0) / k,
  };
  return { folds: out, mean, chosen: best(docs) };
}
