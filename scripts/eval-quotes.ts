/**
 * Scores extractQuotes against gold direct quotations (PolNeAR-style NDJSON).
 *
 *   npx tsx scripts/eval-quotes.ts --gold ../shared/corpus/polnear/quotes-gold.ndjson --split dev
 *
 * A prediction matches a gold quote when their spans overlap by at least half of the gold
 * span. Precision is the share of predictions that match some gold quote, recall the share of
 * gold quotes that some prediction matches (each judged on its own). The stricter
 * one-to-one figure, where a prediction joining two gold pieces counts for one of them only, is
 * printed too. Speaker accuracy counts one-to-one pairs whose gold speaker contains a
 * capitalized name; a speaker is right when both share their last capitalized word.
 */

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { extractQuotesWithRules } from '../src/extract/quotes/extract.js';
import type { ExtractedQuote } from '../src/model/documents.js';

export interface GoldQuote {
  article_id: string;
  speaker: string | null;
  content: string;
  start: number;
  end: number;
  direct: boolean;
}

interface ArticleRecord {
  id: string;
  body: string;
  split?: string;
}

export interface Scores {
  articles: number;
  gold: number;
  predicted: number;
  /** Gold quotes that some prediction matches. */
  goldMatched: number;
  /** Predictions that match some gold quote. */
  predictedMatching: number;
  precision: number;
  recall: number;
  f1: number;
  speakerScored: number;
  speakerCorrect: number;
  speakerAccuracy: number;
  extractMs: number;
  /** Each prediction paired with at most one gold quote and the reverse, largest overlaps first. */
  oneToOne: { matched: number; precision: number; recall: number; f1: number };
}

export interface Mismatch {
  articleId: string;
  kind: 'false-positive' | 'missed' | 'wrong-speaker';
  rule?: string;
  start: number;
  end: number;
  predictedSpeaker?: string | null;
  goldSpeaker?: string | null;
}

// Capitalized words that are not names: sentence-initial pronouns and determiners.
const NOT_NAMES = new Set([
  'he',
  'she',
  'they',
  'i',
  'we',
  'it',
  'you',
  'the',
  'a',
  'an',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
  'this',
  'that',
  'these',
  'those',
  'one',
  'some',
  'another',
]);

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

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The matching rule: the spans overlap by at least half of the gold span. */
function covers(p: ExtractedQuote, g: GoldQuote): boolean {
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

export interface Evaluation {
  scores: Scores;
  mismatches: Mismatch[];
  /** Per extraction rule: [predicted, matched]. */
  byRule: Map<string, [number, number]>;
}

export function evaluate(articles: ArticleRecord[], goldAll: GoldQuote[], split: string): Evaluation {
  const selected = articles.filter((a) => split === 'all' || a.split === split);
  const ids = new Set(selected.map((a) => a.id));
  const goldBy = new Map<string, GoldQuote[]>();
  for (const g of goldAll) {
    if (!g.direct || !ids.has(g.article_id)) continue;
    const list = goldBy.get(g.article_id) ?? [];
    list.push(g);
    goldBy.set(g.article_id, list);
  }
  const s: Scores = {
    articles: selected.length,
    gold: 0,
    predicted: 0,
    goldMatched: 0,
    predictedMatching: 0,
    precision: 0,
    recall: 0,
    f1: 0,
    speakerScored: 0,
    speakerCorrect: 0,
    speakerAccuracy: 0,
    extractMs: 0,
    oneToOne: { matched: 0, precision: 0, recall: 0, f1: 0 },
  };
  const mismatches: Mismatch[] = [];
  const byRule = new Map<string, [number, number]>();
  for (const a of selected) {
    const t0 = performance.now();
    const pred = extractQuotesWithRules(a.body);
    s.extractMs += performance.now() - t0;
    const gold = goldBy.get(a.id) ?? [];
    const pairs = matchSpans(pred, gold);
    const matching = pred.map((p) => gold.some((g) => covers(p, g)));
    const matched = gold.map((g) => pred.some((p) => covers(p, g)));
    s.gold += gold.length;
    s.predicted += pred.length;
    s.goldMatched += matched.filter(Boolean).length;
    s.predictedMatching += matching.filter(Boolean).length;
    s.oneToOne.matched += pairs.length;
    pred.forEach((p, i) => {
      const r = byRule.get(p.rule) ?? [0, 0];
      r[0]++;
      if (matching[i]) r[1]++;
      byRule.set(p.rule, r);
    });
    pred.forEach((p, i) => {
      if (!matching[i])
        mismatches.push({
          articleId: a.id,
          kind: 'false-positive',
          start: p.start,
          end: p.end,
          predictedSpeaker: p.speaker,
          rule: p.rule,
        });
    });
    gold.forEach((g, j) => {
      if (!matched[j])
        mismatches.push({
          articleId: a.id,
          kind: 'missed',
          start: g.start,
          end: g.end,
          goldSpeaker: g.speaker,
        });
    });
    for (const [i, j] of pairs) {
      const g = gold[j]!;
      if (!hasNamedSpeaker(g.speaker)) continue;
      s.speakerScored++;
      const p = pred[i]!;
      if (sameSpeaker(p.speaker, g.speaker)) s.speakerCorrect++;
      else
        mismatches.push({
          articleId: a.id,
          kind: 'wrong-speaker',
          start: g.start,
          end: g.end,
          predictedSpeaker: p.speaker,
          goldSpeaker: g.speaker,
          rule: p.rule,
        });
    }
  }
  const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
  s.precision = s.predicted ? s.predictedMatching / s.predicted : 0;
  s.recall = s.gold ? s.goldMatched / s.gold : 0;
  s.f1 = f1(s.precision, s.recall);
  s.oneToOne.precision = s.predicted ? s.oneToOne.matched / s.predicted : 0;
  s.oneToOne.recall = s.gold ? s.oneToOne.matched / s.gold : 0;
  s.oneToOne.f1 = f1(s.oneToOne.precision, s.oneToOne.recall);
  s.speakerAccuracy = s.speakerScored ? s.speakerCorrect / s.speakerScored : 0;
  return { scores: s, mismatches, byRule };
}

export function markdownTable(split: string, s: Scores): string {
  const f = (x: number) => x.toFixed(3);
  const o = s.oneToOne;
  return [
    '| split | articles | gold | predicted | gold matched | predicted matching | precision | recall | F1 | speaker acc (n) | extract ms |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    `| ${split} | ${s.articles} | ${s.gold} | ${s.predicted} | ${s.goldMatched} | ${s.predictedMatching} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} | ${f(s.speakerAccuracy)} (${s.speakerScored}) | ${s.extractMs.toFixed(0)} |`,
    '',
    `One to one (a prediction joining two gold quotes counts for one): ${o.matched} pairs, precision ${f(o.precision)}, recall ${f(o.recall)}, F1 ${f(o.f1)}.`,
  ].join('\n');
}

function main(argv: string[]): void {
  const program = new Command()
    .name('eval-quotes')
    .description('Score direct-quote extraction and speaker attribution against gold NDJSON.')
    .requiredOption('--gold <path>', 'gold quotes NDJSON')
    .option('--split <name>', 'article split to score, or "all" for every article', 'dev')
    .option('--articles <path>', 'articles NDJSON (default: articles.ndjson beside the gold file)')
    .option('--json', 'print machine-readable JSON instead of a table')
    .option('--show-errors <n>', 'also print per-rule precision and up to n mismatches of each kind', '0')
    .option('--rule <rule>', 'with --show-errors: only mismatches from this extraction rule')
    .parse(argv);
  const opts = program.opts<{
    gold: string;
    split: string;
    articles?: string;
    json?: boolean;
    showErrors: string;
    rule?: string;
  }>();
  const articlesPath = opts.articles ?? join(dirname(opts.gold), 'articles.ndjson');
  const articles = readNdjson<ArticleRecord>(articlesPath);
  const gold = readNdjson<GoldQuote>(opts.gold);
  const { scores, mismatches, byRule } = evaluate(articles, gold, opts.split);
  if (opts.json) {
    console.log(JSON.stringify({ split: opts.split, goldPath: opts.gold, articlesPath, ...scores }, null, 2));
  } else {
    console.log(markdownTable(opts.split, scores));
  }
  const n = Number(opts.showErrors);
  if (n > 0) {
    console.log('\n| rule | predicted | matched | precision |\n|---|---|---|---|');
    for (const [rule, [p, m]] of [...byRule].sort((x, y) => y[1][0] - x[1][0])) {
      console.log(`| ${rule} | ${p} | ${m} | ${(m / p).toFixed(3)} |`);
    }
    const only = opts.rule;
    printMismatches(
      articles,
      only ? mismatches.filter((m) => m.rule === only || m.kind === 'missed') : mismatches,
      n,
    );
  }
}

function printMismatches(articles: ArticleRecord[], mismatches: Mismatch[], n: number): void {
  const bodies = new Map(articles.map((a) => [a.id, a.body]));
  for (const kind of ['false-positive', 'missed', 'wrong-speaker'] as const) {
    const list = mismatches.filter((m) => m.kind === kind);
    console.log(`\n## ${kind} (${list.length})`);
    const step = Math.max(1, Math.floor(list.length / n));
    for (let k = 0; k < list.length && k / step < n; k += step) {
      const m = list[k]!;
      const b = bodies.get(m.articleId) ?? '';
      const ctx = (x: string) => JSON.stringify(x);
      console.log(
        `- ${m.articleId}@${m.start}: ${ctx(b.slice(Math.max(0, m.start - 90), m.start))} [[${b.slice(m.start, Math.min(m.end, m.start + 160))}]] ${ctx(b.slice(m.end, m.end + 70))} rule=${m.rule ?? ''} pred=${ctx(String(m.predictedSpeaker))} gold=${ctx(String(m.goldSpeaker))}`,
      );
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv);
