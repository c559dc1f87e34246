/**
 * The matching rule of the quote evaluation, and scoring one article's predictions against its
 * gold direct quotations.
 *
 * A prediction matches a gold quote when their spans overlap by at least half of the gold span.
 * Precision is the share of predictions that match some gold quote, recall the share of gold
 * quotes that some prediction matches (each judged on its own). The stricter one-to-one figure,
 * where a prediction joining two gold pieces counts for one of them only, is kept too. Speaker
 * accuracy counts one-to-one pairs whose gold speaker contains a capitalized name; a speaker is
 * right when both share their last capitalized word.
 */
import { readFileSync } from 'node:fs';
import type { ExtractedQuote } from '../../../src/model/documents.js';

export interface GoldQuote {
  article_id: string;
  speaker: string | null;
  speaker_start?: number | null;
  speaker_end?: number | null;
  content: string;
  start: number;
  end: number;
  direct: boolean;
}

export interface ArticleRecord {
  id: string;
  body: string;
  split?: string;
}

export type Prediction = ExtractedQuote & { rule?: string };

export type MismatchKind = 'false-positive' | 'missed' | 'wrong-speaker';

export interface Mismatch {
  articleId: string;
  kind: MismatchKind;
  rule?: string;
  start: number;
  end: number;
  predictedSpeaker?: string | null;
  goldSpeaker?: string | null;
  /** What sort of miss it is (see categories.ts). */
  category?: string;
}

/** The counts of one article or of a set of articles; figures are derived by `figures`. */
export interface Counts {
  articles: number;
  gold: number;
  predicted: number;
  /** Gold quotes that some prediction matches. */
  goldMatched: number;
  /** Predictions that match some gold quote. */
  predictedMatching: number;
  /** One-to-one pairs, largest overlaps first. */
  pairs: number;
  speakerScored: number;
  speakerCorrect: number;
  extractMs: number;
}

export interface Scores extends Omit<Counts, 'pairs'> {
  precision: number;
  recall: number;
  f1: number;
  speakerAccuracy: number;
  /** Each prediction paired with at most one gold quote and the reverse, largest overlaps first. */
  oneToOne: { matched: number; precision: number; recall: number; f1: number };
}

// Capitalized words that are not names: sentence-initial pronouns and determiners.
const NOT_NAMES = new Set(
  'he she they i we it you the a an his her their its our my your this that these those one some another'.split(
    ' ',
  ),
);

function capitalizedWords(phrase: string | null): string[] {
  if (!phrase) return [];
  return phrase
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').replace(/[’']s$/, ''))
    .filter((w) => /^\p{Lu}/u.test(w) && !NOT_NAMES.has(w.toLowerCase()));
}

export function sameSpeaker(predicted: string | null, gold: string | null): boolean {
  const p = capitalizedWords(predicted).at(-1);
  const g = capitalizedWords(gold).at(-1);
  return !!p && !!g && p.toLowerCase() === g.toLowerCase();
}

export function hasNamedSpeaker(gold: string | null): boolean {
  return capitalizedWords(gold).length > 0;
}

export function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The matching rule: the spans overlap by at least half of the gold span. */
export function covers(p: { start: number; end: number }, g: { start: number; end: number }): boolean {
  const o = overlap(p, g);
  return o > 0 && o * 2 >= g.end - g.start;
}

/** One-to-one matching, largest overlaps first. Returns [predIndex, goldIndex] pairs. */
export function matchSpans(pred: ExtractedQuote[], gold: GoldQuote[]): Array<[number, number]> {
  const pairs: Array<[number, number, number]> = [];
  pred.forEach((p, i) => {
    gold.forEach((g, j) => {
      if (covers(p, g)) pairs.push([overlap(p, g), i, j]);
    });
  });
  pairs.sort((x, y) => y[0] - x[0]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [, i, j] of pairs) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    out.push([i, j]);
  }
  return out;
}

export function readNdjson<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export function emptyCounts(): Counts {
  return {
    articles: 0,
    gold: 0,
    predicted: 0,
    goldMatched: 0,
    predictedMatching: 0,
    pairs: 0,
    speakerScored: 0,
    speakerCorrect: 0,
    extractMs: 0,
  };
}

export function addCounts(into: Counts, c: Counts): Counts {
  for (const k of Object.keys(into) as Array<keyof Counts>) into[k] += c[k];
  return into;
}

export interface ArticleResult {
  counts: Counts;
  mismatches: Mismatch[];
  /** Per extraction rule: [predicted, matched]. */
  byRule: Map<string, [number, number]>;
}

/** Scores one article's predictions against its direct gold quotes. */
export function scoreArticle(articleId: string, pred: Prediction[], gold: GoldQuote[]): ArticleResult {
  const pairs = matchSpans(pred, gold);
  const matching = pred.map((p) => gold.some((g) => covers(p, g)));
  const matched = gold.map((g) => pred.some((p) => covers(p, g)));
  const counts: Counts = {
    ...emptyCounts(),
    articles: 1,
    gold: gold.length,
    predicted: pred.length,
    goldMatched: matched.filter(Boolean).length,
    predictedMatching: matching.filter(Boolean).length,
    pairs: pairs.length,
  };
  const mismatches: Mismatch[] = [];
  const byRule = new Map<string, [number, number]>();
  pred.forEach((p, i) => {
    const rule = p.rule ?? '';
    const r = byRule.get(rule) ?? [0, 0];
    r[0]++;
    if (matching[i]) r[1]++;
    byRule.set(rule, r);
    if (!matching[i])
      mismatches.push({
        articleId,
        kind: 'false-positive',
        start: p.start,
        end: p.end,
        predictedSpeaker: p.speaker,
        rule,
      });
  });
  gold.forEach((g, j) => {
    if (!matched[j])
      mismatches.push({ articleId, kind: 'missed', start: g.start, end: g.end, goldSpeaker: g.speaker });
  });
  for (const [i, j] of pairs) {
    const g = gold[j]!;
    if (!hasNamedSpeaker(g.speaker)) continue;
    counts.speakerScored++;
    const p = pred[i]!;
    if (sameSpeaker(p.speaker, g.speaker)) counts.speakerCorrect++;
    else
      mismatches.push({
        articleId,
        kind: 'wrong-speaker',
        start: g.start,
        end: g.end,
        predictedSpeaker: p.speaker,
        goldSpeaker: g.speaker,
        rule: p.rule ?? '',
      });
  }
  return { counts, mismatches, byRule };
}

export function figures(c: Counts): Scores {
  const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
  const precision = c.predicted ? c.predictedMatching / c.predicted : 0;
  const recall = c.gold ? c.goldMatched / c.gold : 0;
  const o = {
    matched: c.pairs,
    precision: c.predicted ? c.pairs / c.predicted : 0,
    recall: c.gold ? c.pairs / c.gold : 0,
    f1: 0,
  };
  o.f1 = f1(o.precision, o.recall);
  const { pairs: _pairs, ...rest } = c;
  return {
    ...rest,
    precision,
    recall,
    f1: f1(precision, recall),
    speakerAccuracy: c.speakerScored ? c.speakerCorrect / c.speakerScored : 0,
    oneToOne: o,
  };
}

/** Direct gold quotes by article id. */
export function directGoldByArticle(gold: GoldQuote[]): Map<string, GoldQuote[]> {
  const out = new Map<string, GoldQuote[]>();
  for (const g of gold) {
    if (!g.direct) continue;
    const list = out.get(g.article_id) ?? [];
    list.push(g);
    out.set(g.article_id, list);
  }
  return out;
}
