/**
 * npm run bench -- [--quick] [--throughput] [--corpus polnear,reuters,synth] [--engines ours,minisearch,...]
 *                  [--synth-articles 200000] [--synth-dir DIR]
 * Builds every engine's index over the same documents, then measures each in a fresh child
 * process (load, heap, latency per query class, facets; /search end to end for ours). `synth` is
 * the scale benchmark of a synthetic archive (./synth.ts), sharded engine only.
 * Writes bench-results/latest.md and latest.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { eng as STOP_WORDS } from 'stopword';
import { DEFAULT_SHARD_BUDGET_MB } from '../src/build/shard-plan.js';
import { toIndexDocs } from '../src/index/index-docs.js';
import { invert } from '../src/index/invert.js';
import { buildLexicon } from '../src/index/lexicon.js';
import type { ChildJob, ChildResult, ShardMemory } from './child.js';
import { CORPORA, type CorpusName, loadCorpora } from './corpus.js';
import { buildEngine, ENGINES, type EngineName } from './engines.js';
import { drawQueries, type QuerySets } from './queries.js';
import { type CorpusReport, renderMarkdown } from './report.js';
import { runChild } from './spawn.js';
import { benchSynth, renderSynth, type SynthReport } from './synth.js';
import { type ThroughputResult, throughput } from './throughput.js';

const opts = new Command()
  .option('--quick', 'PolNeAR only, fewer queries and repeats', false)
  .option('--throughput', 'also measure requests/s against wrangler dev with autocannon', false)
  .option('--corpus <names>', 'comma-separated corpora (polnear, reuters, synth)')
  .option('--synth-articles <n>', 'articles of the synthetic archive', '200000')
  .option('--synth-dir <dir>', 'the synthetic archive (default: npm run synth output, made when missing)')
  .option('--synth-budget <MB>', "shard budget of the synthetic build (default the build's)")
  .option('--synth-index <dir>', 'measure this index of the synthetic archive instead of building one')
  .option(
    '--synth-cache <file>',
    'start the synthetic build from this extraction cache (copied; default empty)',
  )
  .option('--engines <names>', 'comma-separated engines', ENGINES.join(','))
  .option('--seed <n>', 'seed of the query sets', '42')
  .parse()
  .opts<{
    quick: boolean;
    throughput: boolean;
    corpus?: string;
    engines: string;
    seed: string;
    synthArticles: string;
    synthDir?: string;
    synthBudget?: string;
    synthCache?: string;
    synthIndex?: string;
  }>();

const log = (line: string) => process.stderr.write(`${line}\n`);
const asked = opts.corpus?.split(',') ?? (opts.quick ? ['polnear'] : Object.keys(CORPORA));
const withSynth = asked.includes('synth');
const corpora = asked.filter((c) => c !== 'synth') as CorpusName[];
const engines = opts.engines.split(',') as EngineName[];
const perClass = opts.quick ? 40 : 200;
const repeats = opts.quick ? 2 : 3;
const OUT = 'bench-results';
const WORK = join(OUT, 'work');

const started = performance.now();
const loaded = await loadCorpora(corpora, log);
const reports: CorpusReport[] = [];
const querySets = new Map<CorpusName, QuerySets>();
for (const name of corpora) {
  const corpus = loaded.get(name)!;
  const queries = drawQueries(corpus, Number(opts.seed), perClass);
  querySets.set(name, queries);
  const stop = new Set(STOP_WORDS);
  const commonWords = buildLexicon(invert(toIndexDocs(corpus)).entries, corpus.articles.length)
    .filter(([w]) => !stop.has(w) && w.length >= 4)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([w]) => w);
  const results: CorpusReport['engines'] = [];
  for (const engine of engines) {
    const dir = join(WORK, name, engine);
    await rm(dir, { recursive: true, force: true });
    const t0 = performance.now();
    const bytes = await buildEngine(engine, corpus, dir);
    const buildS = (performance.now() - t0) / 1000;
    const job: ChildJob = { engine, dir, queries, repeats, commonWords };
    const measured = runChild<ChildResult>(job, join(WORK, `${name}-${engine}.job.json`));
    let shards: ShardMemory[] | undefined;
    if (engine === 'sharded') {
      // What each shard object holds: every shard loaded alone in a fresh process.
      const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
        shards: unknown[];
      };
      shards = manifest.shards.map((_, shard) => {
        return runChild<ShardMemory>({ ...job, shard }, join(WORK, `${name}-${engine}-${shard}.job.json`));
      });
    }
    results.push({ ...measured, buildS, bytes, ...(shards ? { shards } : {}) });
    log(
      `${name} ${engine}: build ${buildS.toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB, load ${measured.loadMs.toFixed(0)} ms, heap ${measured.heapMB.toFixed(1)} MB`,
    );
  }
  reports.push({
    corpus: name,
    counts: {
      articles: corpus.articles.length,
      quotes: corpus.quotes.length,
      entities: corpus.entities.length,
    },
    queriesPerClass: perClass,
    repeats,
    commonWords,
    engines: results,
  });
}

let synth: SynthReport | null = null;
if (withSynth)
  synth = await benchSynth({
    articles: Number(opts.synthArticles),
    ...(opts.synthDir ? { dir: opts.synthDir } : {}),
    ...(opts.synthBudget ? { budgetMB: Number(opts.synthBudget) } : {}),
    ...(opts.synthCache ? { cache: opts.synthCache } : {}),
    ...(opts.synthIndex ? { index: opts.synthIndex } : {}),
    work: WORK,
    seed: Number(opts.seed),
    perClass,
    repeats,
    log,
  });

let tput: ThroughputResult | null = null;
if (opts.throughput)
  tput = await throughput(join(WORK, corpora[0]!, 'ours'), corpora[0]!, querySets.get(corpora[0]!)!, log);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, shared with other jobs`;
const wall = (performance.now() - started) / 1000;
const gitRev = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const md = `${renderMarkdown({
  machine,
  seed: Number(opts.seed),
  quick: opts.quick,
  reports,
  throughput: tput,
  wallSeconds: wall,
  gitRev,
})}${synth ? renderSynth(synth, DEFAULT_SHARD_BUDGET_MB) : ''}`;
await mkdir(OUT, { recursive: true });
await writeFile(join(OUT, 'latest.md'), md);
await writeFile(
  join(OUT, 'latest.json'),
  JSON.stringify(
    { machine, seed: Number(opts.seed), gitRev, wallSeconds: wall, reports, synth, throughput: tput },
    null,
    2,
  ),
);
process.stdout.write(md);
log(`bench done in ${wall.toFixed(0)} s; wrote ${OUT}/latest.md and latest.json`);
