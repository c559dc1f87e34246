/**
 * Scores extractQuotes against gold direct quotations (PolNeAR-style NDJSON).
 *
 *   npm run eval:quotes -- --gold ../shared/corpus/polnear/quotes-gold.ndjson --split dev
 *   npm run eval:quotes -- --gold ../shared/corpus/polnear/quotes-gold.ndjson --cv 5 [--seed 1]
 *
 * The matching rule (lib/quote-eval/score.ts): a prediction matches a gold quote when their
 * spans overlap by at least half of the gold span; precision is the share of predictions that
 * match some gold quote, recall the share of gold quotes some prediction matches, the one-to-one
 * reading counts a prediction for one gold quote only, and a speaker is right when it shares the
 * gold speaker's last capitalized word.
 *
 * With --cv k, the train split is cut into k folds by article (seeded shuffle); whatever the
 * extractor fits (the speaker scorer's weights: estimated from the text as the build does, or
 * with --fit-weights fitted to the annotated speakers) is fitted on k−1 folds and scored on the fold
 * left out, and each figure is reported as mean ± sd over folds, with the misses of each
 * category per fold. The whole train split and dev are reported after it, dev with parameters
 * fitted on train: dev is read only to report. --ablation repeats the cross-validation with
 * each of the extractor's mechanisms switched off in turn and prints the paired difference per
 * fold, so a mechanism is kept only when the folds say it earns its keep.
 */

import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { MECHANISMS, type QuoteOptions } from '../src/extract/quotes/options.js';
import {
  CATEGORIES,
  FALSE_POSITIVE_CATEGORIES,
  MISSED_CATEGORIES,
  SPEAKER_CATEGORIES,
} from './lib/quote-eval/categories.js';
import {
  type CrossValidation,
  categoryCounts,
  crossValidate,
  type Evaluation,
  evaluateArticles,
} from './lib/quote-eval/evaluate.js';
import { formatSpread, spread } from './lib/quote-eval/folds.js';
import { quoteModel } from './lib/quote-eval/model.js';
import {
  type ArticleRecord,
  type GoldQuote,
  type Mismatch,
  readNdjson,
  type Scores,
} from './lib/quote-eval/score.js';

export { hasNamedSpeaker, matchSpans, readNdjson, sameSpeaker } from './lib/quote-eval/score.js';
export type { GoldQuote, Mismatch, Scores };
export { CATEGORIES, FALSE_POSITIVE_CATEGORIES, MISSED_CATEGORIES, SPEAKER_CATEGORIES };

/** Scores the default model on one split ("all" for every article), fitted on train. */
export function evaluate(articles: ArticleRecord[], gold: GoldQuote[], split: string): Evaluation {
  const model = quoteModel();
  const selected = articles.filter((a) => split === 'all' || a.split === split);
  const params = model.fit(
    articles.filter((a) => a.split === 'train'),
    gold,
  );
  return evaluateArticles(selected, gold, model.extractor(params));
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

function cvTable(cv: CrossValidation): string {
  const f = (x: number) => x.toFixed(3);
  const rows = cv.folds.map(
    (e, i) =>
      `| ${i + 1} | ${e.scores.articles} | ${e.scores.gold} | ${e.scores.predicted} | ${f(e.scores.precision)} | ${f(e.scores.recall)} | ${f(e.scores.f1)} | ${f(e.scores.speakerAccuracy)} (${e.scores.speakerScored}) | ${f(e.scores.oneToOne.recall)} |`,
  );
  const s = cv.summary;
  return [
    `Cross-validation on train: ${cv.k} folds by article, seed ${cv.seed} (each fold scored with parameters fitted on the others)`,
    '',
    '| fold | articles | gold | predicted | precision | recall | F1 | speaker acc (n) | 1:1 recall |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    `| **mean ± sd** | | | | **${formatSpread(s.precision)}** | **${formatSpread(s.recall)}** | ${formatSpread(s.f1)} | **${formatSpread(s.speakerAccuracy)}** | ${formatSpread(s.oneToOneRecall)} |`,
  ].join('\n');
}

function categoryTable(folds: Evaluation[]): string {
  const counts = categoryCounts(folds);
  const lines = ['| kind | category | per fold | mean ± sd | total |', '|---|---|---|---|---|'];
  for (const kind of ['missed', 'wrong-speaker', 'false-positive'] as const) {
    const rows = CATEGORIES[kind]
      .map((c) => [c, counts.get(`${kind}\t${c}`) ?? folds.map(() => 0)] as const)
      .filter(([, per]) => per.some((n) => n > 0))
      .sort((a, b) => b[1].reduce((x, y) => x + y, 0) - a[1].reduce((x, y) => x + y, 0));
    for (const [c, per] of rows)
      lines.push(
        `| ${kind} | ${c} | ${per.join(' / ')} | ${formatSpread(spread(per), 1)} | ${per.reduce((a, b) => a + b, 0)} |`,
      );
  }
  return lines.join('\n');
}

function printMismatches(
  articles: ArticleRecord[],
  mismatches: Mismatch[],
  n: number,
  category?: string,
  rule?: string,
): void {
  const bodies = new Map(articles.map((a) => [a.id, a.body]));
  for (const kind of ['false-positive', 'missed', 'wrong-speaker'] as const) {
    const list = mismatches.filter(
      (m) =>
        m.kind === kind &&
        (!category || m.category === category) &&
        (!rule || m.kind === 'missed' || m.rule === rule),
    );
    if (!list.length) continue;
    console.log(`\n## ${kind} (${list.length})`);
    const step = Math.max(1, Math.floor(list.length / n));
    for (let k = 0; k < list.length && k / step < n; k += step) {
      const m = list[k]!;
      const b = bodies.get(m.articleId) ?? '';
      const ctx = (x: string) => JSON.stringify(x);
      console.log(
        `- ${m.articleId}@${m.start} [${m.category ?? ''}]: ${ctx(b.slice(Math.max(0, m.start - 90), m.start))} [[${b.slice(m.start, Math.min(m.end, m.start + 160))}]] ${ctx(b.slice(m.end, m.end + 70))} rule=${m.rule ?? ''} pred=${ctx(String(m.predictedSpeaker))} gold=${ctx(String(m.goldSpeaker))}`,
      );
    }
  }
}

function ablation(articles: ArticleRecord[], gold: GoldQuote[], k: number, seed: number): string {
  const base = crossValidate(articles, gold, quoteModel(), k, seed);
  const f = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(4);
  const lines = [
    'Each mechanism switched off in turn; Δ = (without) − (with), per fold, mean ± sd over folds.',
    '',
    '| without | Δ precision | Δ recall | Δ speaker acc | Δ F1 |',
    '|---|---|---|---|---|',
  ];
  for (const name of Object.keys(MECHANISMS)) {
    const cv = crossValidate(articles, gold, quoteModel({ off: new Set([name]) }), k, seed);
    const delta = (g: (s: Scores) => number) => {
      const d = spread(cv.folds.map((e, i) => g(e.scores) - g(base.folds[i]!.scores)));
      return `${f(d.mean)} ± ${d.sd.toFixed(4)}`;
    };
    lines.push(
      `| ${name} | ${delta((s) => s.precision)} | ${delta((s) => s.recall)} | ${delta((s) => s.speakerAccuracy)} | ${delta((s) => s.f1)} |`,
    );
  }
  return lines.join('\n');
}

function main(argv: string[]): void {
  const program = new Command()
    .name('eval-quotes')
    .description('Score direct-quote extraction and speaker attribution against gold NDJSON.')
    .requiredOption('--gold <path>', 'gold quotes NDJSON')
    .option('--split <name>', 'article split to score, or "all" for every article', 'dev')
    .option('--articles <path>', 'articles NDJSON (default: articles.ndjson beside the gold file)')
    .option('--cv <k>', 'cross-validate on the train split in k folds by article, then report train and dev')
    .option('--seed <n>', 'seed of the fold shuffle', '1')
    .option('--ablation', 'with --cv: switch each mechanism off in turn and print the paired differences')
    .option(
      '--fit-weights',
      "fit the speaker scorer's weights to the training folds' annotated speakers (default: estimated from their text, as the build does)",
    )
    .option('--without <names>', `mechanisms to switch off (${Object.keys(MECHANISMS).join(', ')})`)
    .option('--json', 'print machine-readable JSON instead of a table')
    .option('--show-errors <n>', 'also print per-rule precision and up to n mismatches of each kind', '0')
    .option('--category <name>', 'with --show-errors: only mismatches of this category')
    .option('--rule <rule>', 'with --show-errors: only mismatches from this extraction rule')
    .parse(argv);
  const opts = program.opts<{
    gold: string;
    split: string;
    articles?: string;
    cv?: string;
    seed: string;
    ablation?: boolean;
    without?: string;
    fitWeights?: boolean;
    json?: boolean;
    showErrors: string;
    category?: string;
    rule?: string;
  }>();
  const off = new Set((opts.without ?? '').split(',').filter(Boolean));
  for (const name of off) if (!(name in MECHANISMS)) program.error(`unknown mechanism "${name}"`);
  const articlesPath = opts.articles ?? join(dirname(opts.gold), 'articles.ndjson');
  const articles = readNdjson<ArticleRecord>(articlesPath);
  const gold = readNdjson<GoldQuote>(opts.gold);
  const model = quoteModel({ off }, opts.fitWeights);
  const train = articles.filter((a) => a.split === 'train');
  const n = Number(opts.showErrors);
  if (opts.cv) {
    const k = Number(opts.cv);
    const seed = Number(opts.seed);
    if (opts.ablation) {
      console.log(ablation(train, gold, k, seed));
      return;
    }
    const cv = crossValidate(train, gold, model, k, seed);
    const params = model.fit(train, gold);
    const extract = model.extractor(params);
    const whole = evaluateArticles(train, gold, extract);
    const dev = evaluateArticles(
      articles.filter((a) => a.split === 'dev'),
      gold,
      extract,
    );
    if (opts.json) {
      const fold = (e: Evaluation) => e.scores;
      console.log(
        JSON.stringify(
          {
            k,
            seed,
            off: [...off],
            summary: cv.summary,
            folds: cv.folds.map(fold),
            categories: Object.fromEntries(categoryCounts(cv.folds)),
            train: whole.scores,
            dev: dev.scores,
          },
          null,
          2,
        ),
      );
      return;
    }
    console.log(cvTable(cv));
    console.log(
      `\nSpeaker weights per fold (${opts.fitWeights ? 'fitted to the annotated speakers of' : 'estimated from the text of'} the other folds), then for the whole train split:\n`,
    );
    for (const p of [...cv.params, params]) console.log(`- ${JSON.stringify((p as QuoteOptions).weights)}`);
    console.log(
      '\nMisses by category, per fold (each miss counted once, in the first category that fits):\n',
    );
    console.log(categoryTable(cv.folds));
    console.log('\nWhole train split (parameters fitted on it):\n');
    console.log(markdownTable('train', whole.scores));
    console.log('\nDev, read only to report (parameters fitted on train):\n');
    console.log(markdownTable('dev', dev.scores));
    if (n > 0)
      printMismatches(
        articles,
        cv.folds.flatMap((e) => e.mismatches),
        n,
        opts.category,
        opts.rule,
      );
    return;
  }
  const selected = articles.filter((a) => opts.split === 'all' || a.split === opts.split);
  const { scores, mismatches, byRule } = evaluateArticles(
    selected,
    gold,
    model.extractor(model.fit(train, gold)),
  );
  if (opts.json) {
    console.log(JSON.stringify({ split: opts.split, goldPath: opts.gold, articlesPath, ...scores }, null, 2));
  } else {
    console.log(markdownTable(opts.split, scores));
  }
  if (n > 0) {
    console.log('\n| rule | predicted | matched | precision |\n|---|---|---|---|');
    for (const [rule, [p, m]] of [...byRule].sort((x, y) => y[1][0] - x[1][0])) {
      console.log(`| ${rule} | ${p} | ${m} | ${(m / p).toFixed(3)} |`);
    }
    printMismatches(articles, mismatches, n, opts.category, opts.rule);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv);
