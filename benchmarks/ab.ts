/**
 * Engine latency of this checkout against another one, in one process, query by query:
 *
 *   npm run bench:ab -- --base ../other-checkout [--corpus polnear,reuters] [--rounds 9] [--seed 42]
 *
 * Two `npm run bench` runs a few minutes apart on a shared machine differ by more than most
 * changes do (p99 ratios of identical code spread 0.7–1.9 here). This runs both engines in turn
 * on every query, alternating which goes first, and keeps each query's fastest of `rounds` runs:
 * preemption by other jobs only ever adds time, so the minimum is the query's own cost. Percentiles
 * are then taken over the queries. Each checkout needs its index built by its own code first
 * (`npm run bench -- --engines ours --corpus <name>` in it, which leaves bench-results/work/<name>/ours).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { CORPORA, type CorpusName } from './corpus.js';
import type { Loaded } from './engines.js';
import { drawQueries, QUERY_CLASSES, type QuerySource } from './queries.js';
import { median, percentile } from './stats.js';

const opts = new Command()
  .requiredOption('--base <dir>', 'the checkout to compare with (its index built by its own bench)')
  .option('--corpus <names>', 'comma-separated corpora', Object.keys(CORPORA).join(','))
  .option('--rounds <n>', 'runs of every query per engine (the fastest is kept)', '9')
  .option('--per-class <n>', 'queries per class', '200')
  .option('--seed <n>', 'seed of the query sets', '42')
  .parse()
  .opts<{ base: string; corpus: string; rounds: string; perClass: string; seed: string }>();

type LoadEngine = (name: 'ours', dir: string) => Promise<Loaded>;
const log = (line: string) => process.stderr.write(`${line}\n`);
const sides = [
  { name: 'base', root: resolve(opts.base) },
  { name: 'this', root: process.cwd() },
] as const;
const rounds = Number(opts.rounds);

/** The titles, bodies and publishers queries are drawn from, read straight from the NDJSON. */
function querySource(file: string): QuerySource {
  const articles = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { title: string; body: string; publisher?: string })
    .map((a) => ({ title: a.title, body: a.body, publisher: a.publisher ?? '' }));
  return { articles };
}

const rows: string[] = [];
for (const corpus of opts.corpus.split(',') as CorpusName[]) {
  const engines: Loaded[] = [];
  for (const side of sides) {
    const dir = join(side.root, 'bench-results/work', corpus, 'ours');
    if (!existsSync(join(dir, 'manifest.json')))
      throw new Error(
        `${dir} has no index: run \`npm run bench -- --engines ours --corpus ${corpus}\` in ${side.root}`,
      );
    const { loadEngine } = (await import(join(side.root, 'benchmarks/engines.ts'))) as {
      loadEngine: LoadEngine;
    };
    engines.push(await loadEngine('ours', dir));
  }
  const queries = drawQueries(querySource(CORPORA[corpus]), Number(opts.seed), Number(opts.perClass));
  for (const cls of QUERY_CLASSES) {
    const list = queries[cls];
    for (const e of engines) for (const q of list.slice(0, 5)) e.query(cls, q);
    const best = engines.map(() => list.map(() => Infinity));
    for (let r = 0; r < rounds; r++)
      for (let i = 0; i < list.length; i++)
        for (let k = 0; k < 2; k++) {
          const e = (k + r + i) % 2;
          const t0 = performance.now();
          engines[e]!.query(cls, list[i]!);
          best[e]![i] = Math.min(best[e]![i]!, performance.now() - t0);
        }
    const [a, b] = best as [number[], number[]];
    const ratio = (p: number) => percentile(b, p) / percentile(a, p);
    const perQuery = b.map((t, i) => t / a[i]!);
    rows.push(
      `| ${corpus} | ${cls} | ${list.length} | ${percentile(a, 50).toFixed(2)} / ${percentile(a, 99).toFixed(2)} | ` +
        `${percentile(b, 50).toFixed(2)} / ${percentile(b, 99).toFixed(2)} | ${ratio(50).toFixed(2)} | ${ratio(99).toFixed(2)} | ` +
        `${median(perQuery).toFixed(2)} | ${percentile(perQuery, 90).toFixed(2)} |`,
    );
    log(rows.at(-1)!);
  }
}
console.log(
  [
    `Each query's fastest of ${rounds} runs per engine, interleaved; ms. base = ${sides[0].root}`,
    '',
    '| corpus | class | queries | base p50 / p99 | this p50 / p99 | p50 ratio | p99 ratio | per-query ratio, median | per-query ratio, p90 |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n'),
);
// The engines keep timers and workers of neither kind; exit without waiting on the importers' handles.
process.exit(0);
