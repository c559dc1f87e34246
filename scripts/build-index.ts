/**
 * npm run build-index -- [--input PATH ...] [--out DIR] [--strict] [--cache FILE | --no-cache]
 *                         [--shards N | --shards auto [--index-budget MB] [--shard-budget MB]]
 *                         [--threads N] [--watch]
 * Builds the search index from article files and writes it where the Worker serves it from;
 * with --watch, stays running and rebuilds whenever an input changes.
 */

import { Presets, SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { BuildError, buildIndex, createMemo } from '../src/build/build.js';
import { createExtractPool, defaultThreads } from '../src/build/extract-pool.js';
import { DEFAULT_INDEX_BUDGET_MB, DEFAULT_SHARD_BUDGET_MB } from '../src/build/shard-plan.js';
import { watchInputs } from '../src/build/watch.js';
import { describeEstimate } from '../src/extract/quotes/archive-weights.js';
import { CHUNK_BYTES, mib } from '../src/index/limits.js';
import { storedFiles } from '../src/index/manifest.js';
import type { IngestIssue } from '../src/ingest/types.js';
import { loadDefaultExtractor } from '../src/pipeline/load-extractor.js';
import { DEFAULT_CACHE, DEFAULT_INPUT, DEFAULT_OUT } from './defaults.js';
import { assetsHolding } from './lib/assets-dir.js';

const program = new Command()
  .name('build-index')
  .description('Build the Newsroom Search index from article files (NDJSON, JSON, Markdown, HTML, text).')
  .option('-i, --input <path...>', 'article file or folder (repeatable)', [DEFAULT_INPUT])
  .option('-o, --out <dir>', 'output folder (the Worker serves public/index)', DEFAULT_OUT)
  .option('--strict', 'fail when any record is bad instead of skipping it', false)
  .option('--cache <file>', 'extraction cache: unchanged articles are not extracted again', DEFAULT_CACHE)
  .option('--no-cache', 'extract every article')
  .option('-q, --quiet', 'print only the summary and problems', false)
  .option(
    '--shards <n|auto>',
    'split into N shards, or "auto": one index while it fits --index-budget, else shards within --shard-budget',
    'auto',
  )
  .option(
    '--index-budget <MB>',
    'memory one loaded index may take (estimated) before "auto" splits it',
    String(DEFAULT_INDEX_BUDGET_MB),
  )
  .option(
    '--shard-budget <MB>',
    'memory one loaded shard may take (estimated)',
    String(DEFAULT_SHARD_BUDGET_MB),
  )
  .option(
    '--threads <n>',
    'worker threads extracting articles when many need it (1: extract in the main thread)',
    String(defaultThreads()),
  )
  .option(
    '-w, --watch',
    'keep running and rebuild when an input changes (only changed articles are redone)',
    false,
  )
  .parse();

const opts = program.opts<{
  input: string[];
  out: string;
  strict: boolean;
  quiet: boolean;
  cache: string | false;
  shards: string;
  shardBudget: string;
  indexBudget: string;
  threads: string;
  watch: boolean;
}>();
const shards = opts.shards === 'auto' ? 'auto' : Number(opts.shards);
const shardBudget = Number(opts.shardBudget);
const indexBudget = Number(opts.indexBudget);
if (shards !== 'auto' && !(Number.isInteger(shards) && shards >= 1 && shards <= 256))
  program.error('--shards must be "auto" or a whole number from 1 to 256');
if (!(shardBudget > 0)) program.error('--shard-budget must be a positive number of MB');
if (!(indexBudget > 0)) program.error('--index-budget must be a positive number of MB');
const threads = Number(opts.threads);
if (!(Number.isInteger(threads) && threads >= 1 && threads <= 64))
  program.error('--threads must be a whole number from 1 to 64');

const where = (i: IngestIssue) => `${i.file}:${i.line}`;
const log = (line: string) => process.stderr.write(`${line}\n`);

const memo = opts.watch ? createMemo() : undefined;
// Started only when a build has many articles to extract; kept while watching.
const pool = threads > 1 ? createExtractPool(threads, loadDefaultExtractor) : undefined;
// Writing into what wrangler serves (public/index by default): the build keeps it servable.
const assetsDir = assetsHolding(opts.out);

/** One build with its report; false when it failed (the previous index is then untouched). */
async function build(): Promise<boolean> {
  const bar =
    process.stderr.isTTY && !opts.quiet
      ? new SingleBar({ format: 'extracting [{bar}] {value}/{total} articles' }, Presets.shades_classic)
      : null;
  let lastLogged = 0;
  let barStarted = false;
  try {
    if (!opts.quiet) log(`reading ${opts.input.join(', ')}`);
    const summary = await buildIndex({
      inputs: opts.input,
      outDir: opts.out,
      strict: opts.strict,
      loadExtractor: loadDefaultExtractor,
      shards,
      shardBudgetMB: shardBudget,
      indexBudgetMB: indexBudget,
      ...(pool ? { pool } : {}),
      ...(assetsDir ? { assetsDir } : {}),
      ...(opts.cache ? { cacheFile: opts.cache } : {}),
      ...(memo ? { memo } : {}),
      onProgress(done, total) {
        if (bar) {
          if (!barStarted) bar.start(total, 0);
          barStarted = true;
          bar.update(done);
          if (done === total) bar.stop();
        } else if (!opts.quiet && (done === total || done - lastLogged >= 1000)) {
          lastLogged = done;
          log(`extracted ${done}/${total} articles`);
        }
      },
    });
    for (const issue of summary.skipped) log(`skipped ${where(issue)}: ${issue.reason}`);
    for (const warning of summary.warnings) log(`warning ${where(warning)}: ${warning.reason}`);
    const { counts, version } = summary.manifest;
    log(
      `built ${version}${summary.reused ? ' (unchanged)' : ''} in ${opts.out}: ` +
        `${counts.article} articles, ${counts.quote} quotes, ${counts.entity} entities; ` +
        `${summary.read} records read from ${summary.files.length} file(s), ${summary.skipped.length} skipped, ` +
        `${summary.warnings.length} warning(s); ` +
        (summary.extracted
          ? `${summary.extracted.fresh} extracted, ${summary.extracted.cached} from cache; `
          : '') +
        `${summary.seconds.toFixed(1)} s (${(summary.read / summary.seconds).toFixed(0)} articles/s)`,
    );
    const stored = storedFiles(summary.manifest);
    const chunked = Object.values(summary.manifest.files).filter((f) => f.chunks);
    log(
      `${stored.length} files, the largest ${mib(Math.max(...stored.map((f) => f.bytes)))}` +
        (chunked.length
          ? `; stored in chunks of at most ${mib(CHUNK_BYTES)}: ${chunked.map((f) => `${f.path} (${f.chunks!.length})`).join(', ')}`
          : ''),
    );
    log(describeEstimate(summary.speakerWeights));
    if (summary.kept) log(`kept ${summary.kept} for rollback`);
    for (const d of summary.dropped) log(`removed the previous version ${d.version}: ${d.reason}`);
    const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
    if (summary.manifest.shards) {
      const of = (role: string) =>
        summary.estimates.filter((_, i) => summary.manifest.shards![i]!.role === role);
      const [articles, entities, dictionary] = [of('articles'), of('entities'), of('dictionary')];
      log(
        `${articles.length} article shards (${articles.map(mb).join(', ')}), ${entities.length} entity shards (${entities.map(mb).join(', ')}) and the dictionary (${dictionary.map(mb).join(', ')}), estimated loaded (budget ${shardBudget} MB each)`,
      );
    } else {
      log(
        `one index, estimated ${mb(summary.estimates[0]!)} loaded${shards === 'auto' ? ` (budget ${indexBudget} MB)` : ''}`,
      );
    }
    log(`time by stage: ${summary.stages.map(([stage, s]) => `${stage} ${s.toFixed(1)} s`).join(', ')}`);
    return true;
  } catch (err) {
    bar?.stop();
    if (err instanceof BuildError) {
      for (const issue of err.issues) log(`error ${where(issue)}: ${issue.reason}`);
      log(`build failed: ${err.message}; the previous index (if any) is unchanged`);
    } else {
      log(`build failed: ${(err as Error).message}; the previous index (if any) is unchanged`);
    }
    return false;
  }
}

const ok = await build();
if (!opts.watch) await pool?.close();
if (opts.watch) {
  // A failed build does not stop watching: the editor fixes the file and saves again.
  await watchInputs(opts.input, async () => {
    log(`change seen, rebuilding`);
    await build();
  }).catch((err: Error) => {
    log(`cannot watch: ${err.message}`);
    process.exit(1);
  });
  log(`watching ${opts.input.join(', ')} for changes (Ctrl-C to stop)`);
  // Load the extractor while nothing happens, so that the first new article does not wait for it.
  memo!.extractor ??= await loadDefaultExtractor();
} else if (!ok) {
  process.exitCode = 1;
}
