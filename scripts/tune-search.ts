/**
 * npm run tune:search -- [--corpus polnear,reuters] [--seed 7] [--per-class 200] [--grid '{"start":[0,0.5,1]}']
 * Tunes the ranking weights (src/search/signals.ts RANKING) on the tuning split only (PolNeAR
 * train, Reuters train, leaving out every entity a held-out article mentions): every combination
 * of the grid's values is scored by the mean success@1 over the search classes of every corpus
 * (MRR@10 breaks ties), and the best are printed. The held-out split is never read here.
 */
import { Command } from 'commander';
import { RANKING } from '../src/search/signals.js';
import { type EvalCorpus, type EvalCorpusName, prepareEvalCorpus } from './lib/eval-corpus.js';
import type { KnownItem } from './lib/known-items.js';
import { evaluate } from './lib/relevance.js';

type Weights = typeof RANKING;

const DEFAULT_GRID: Partial<Record<keyof Weights, number[]>> = {
  proximity: [0, 0.25, 0.5, 1, 2],
  start: [0, 0.25, 0.5, 1, 2],
  gap: [0, 1, 2],
  nearName: [1, 2, 4],
  relaxedMinLength: [3, 4, Infinity],
};

const opts = new Command()
  .option('--corpus <names>', 'comma-separated corpora', 'polnear,reuters')
  .option('--seed <n>', 'random seed', '7')
  .option('--per-class <n>', 'queries per class (at most)', '200')
  .option('--grid <json>', 'values to try per weight (JSON; Infinity as null)')
  .option('--top <n>', 'best combinations to print', '15')
  .parse()
  .opts<{ corpus: string; seed: string; perClass: string; grid?: string; top: string }>();

const log = (line: string) => process.stderr.write(`${line}\n`);
const grid: Partial<Record<keyof Weights, number[]>> = opts.grid
  ? Object.fromEntries(
      Object.entries(JSON.parse(opts.grid) as Record<string, Array<number | null>>).map(([k, vs]) => [
        k,
        vs.map((v) => v ?? Infinity),
      ]),
    )
  : DEFAULT_GRID;

const sets: Array<{ ev: EvalCorpus; items: KnownItem[] }> = [];
for (const name of opts.corpus.split(',') as EvalCorpusName[]) {
  const ev = await prepareEvalCorpus(name, ['ours'], log);
  const items = ev
    .items('train', Number(opts.seed), Number(opts.perClass))
    .filter((i) => i.class !== 'suggest-name');
  sets.push({ ev, items });
}

function combinations(): Array<Partial<Weights>> {
  let out: Array<Partial<Weights>> = [{}];
  for (const [key, values] of Object.entries(grid) as Array<[keyof Weights, number[]]>)
    out = out.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  return out;
}

const defaults = { ...RANKING };
const results: Array<{ weights: Partial<Weights>; s1: number; mrr: number; cells: string }> = [];
const all = combinations();
log(`${all.length} combinations`);
for (const [n, weights] of all.entries()) {
  Object.assign(RANKING, defaults, weights);
  let s1 = 0;
  let mrr = 0;
  let count = 0;
  const cells: string[] = [];
  for (const { ev, items } of sets) {
    for (const c of evaluate(ev, items, ['ours'])) {
      const s = c.engines.ours!;
      s1 += s.successAt1;
      mrr += s.mrrAt10;
      count++;
      cells.push(`${ev.name}/${c.class} ${s.successAt1.toFixed(3)}`);
    }
  }
  results.push({ weights, s1: s1 / count, mrr: mrr / count, cells: cells.join(', ') });
  if ((n + 1) % 10 === 0) log(`${n + 1} of ${all.length}`);
}
results.sort((a, b) => b.s1 - a.s1 || b.mrr - a.mrr);
Object.assign(RANKING, defaults);
const current = results.find((r) =>
  Object.entries(r.weights).every(([k, v]) => defaults[k as keyof Weights] === v),
);
for (const r of results.slice(0, Number(opts.top)))
  console.log(`${r.s1.toFixed(4)} ${r.mrr.toFixed(4)} ${JSON.stringify(r.weights)}\n    ${r.cells}`);
if (current)
  console.log(`\ncurrent weights: ${current.s1.toFixed(4)} ${current.mrr.toFixed(4)}\n    ${current.cells}`);
