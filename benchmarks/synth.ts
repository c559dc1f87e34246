/**
 * npm run bench -- --corpus synth [--synth-articles 200000] [--synth-dir DIR]
 * The scale benchmark: a synthetic archive (npm run synth; made when missing) built the way a user
 * builds it (`build-index --shards auto`, extraction threads, an empty extraction cache), timed
 * from the shell's side; then each shard loaded alone in a fresh process (its bytes and what it
 * holds), the sharded engine and `/search` through the app in Node (shards in-process), and
 * `/search` through `wrangler dev` serving the Worker and its shard scripts: the cold first query
 * and p50/p99 per query class, one request at a time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { eng as STOP_WORDS } from 'stopword';
import { startDevServer } from '../scripts/lib/dev-server.js';
import { rssMb, workerdPids } from '../scripts/lib/proc.js';
import type { ChildJob, ChildResult, ClassLatency, ShardMemory } from './child.js';
import { drawQueries, QUERY_CLASSES, type QueryClass, type QuerySets } from './queries.js';
import { CLASSES, lat, ms } from './report.js';
import { runChild } from './spawn.js';
import { repeatedLatency, timeAsync } from './stats.js';

const root = new URL('../', import.meta.url).pathname;

export interface SynthOptions {
  articles: number;
  /** Where the archive is (made there when missing); default: npm run synth's folder. */
  dir?: string;
  work: string;
  seed: number;
  perClass: number;
  repeats: number;
  /** --shard-budget of the build (default the build's). */
  budgetMB?: number;
  /** An extraction cache to start from (copied): the build then measures everything but extraction. */
  cache?: string;
  /** An index already built from the archive: measured without building it. */
  index?: string;
  log: (line: string) => void;
}

export interface SynthReport {
  articles: number;
  counts: { article: number; quote: number; entity: number };
  /** null: the index was given (--synth-index), not built here. */
  build: {
    seconds: number;
    peakRssMb: number | null;
    threads: number;
    command: string;
    warmCache: boolean;
  } | null;
  shards: Array<ShardMemory & { role: string; bytes: number }>;
  /** The sharded engine and `/search` through the app, in one Node process. */
  node: ChildResult;
  dev: {
    coldFirstQueryMs: number;
    latency: Partial<Record<QueryClass, ClassLatency>>;
    workerdRssMb: number | null;
    scripts: number;
  };
  queriesPerClass: number;
  repeats: number;
  /** The build's --shard-budget, when not the default. */
  budgetMB?: number;
}

/** The archive's articles as the query sets need them (title, body, publisher), read from its files. */
async function rawArticles(dir: string) {
  const out: Array<{ title: string; body: string; publisher: string | null }> = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.ndjson')).sort()) {
    for (const line of (await readFile(join(dir, file), 'utf8')).split('\n')) {
      if (!line) continue;
      const a = JSON.parse(line) as { title: string | null; body: string; publisher: string | null };
      out.push({ title: a.title ?? '', body: a.body, publisher: a.publisher });
    }
  }
  return out;
}

/** The most frequent title words (for facet timing): no index is loaded in this process. */
function commonWords(articles: Array<{ title: string }>): string[] {
  const stop = new Set(STOP_WORDS);
  const counts = new Map<string, number>();
  for (const a of articles)
    for (const w of new Set(a.title.toLowerCase().match(/\p{L}{4,}/gu) ?? []))
      if (!stop.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([w]) => w);
}

const url = (cls: QueryClass, q: string) =>
  cls === 'browse'
    ? `/search?q=&facets=type,publisher,section,person,organization,place,published${q ? `&${q.replace(/=(.*)$/, (_, v: string) => `=${encodeURIComponent(v)}`)}` : ''}`
    : `/search?q=${encodeURIComponent(q)}`;

/** p50/p99/max per class through wrangler dev, one request at a time; medians over the repeats. */
async function devLatency(
  origin: string,
  queries: QuerySets,
  repeats: number,
): Promise<Partial<Record<QueryClass, ClassLatency>>> {
  const out: Partial<Record<QueryClass, ClassLatency>> = {};
  const get = async (path: string) => {
    const res = await fetch(`${origin}${path}`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  };
  for (const cls of QUERY_CLASSES) for (const q of queries[cls].slice(0, 5)) await get(url(cls, q));
  for (const cls of QUERY_CLASSES) {
    out[cls] = await repeatedLatency(queries[cls], repeats, (q) => get(url(cls, q)));
  }
  return out;
}

/** The build as a user runs it; its wall time from outside, its peak memory by time(1). */
function buildArchive(o: SynthOptions, dir: string, work: string, indexDir: string): SynthReport['build'] {
  const cache = join(work, 'extract-cache.json');
  // From an empty extraction cache, unless one is given.
  if (o.cache) copyFileSync(o.cache, cache);
  const args = [
    '--import',
    'tsx',
    'scripts/build-index.ts',
    '--input',
    dir,
    '--out',
    indexDir,
    '--cache',
    cache,
    '--shards',
    'auto',
    ...(o.budgetMB ? ['--shard-budget', String(o.budgetMB)] : []),
  ];
  const command = `npm run build-index -- --input ${dir} --out ${indexDir} --shards auto${o.budgetMB ? ` --shard-budget ${o.budgetMB}` : ''} --cache ${o.cache ? `(a copy of ${o.cache})` : '(empty)'}`;
  o.log(`synth: ${command}`);
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const t0 = performance.now();
  const run = timeBin
    ? spawnSync(timeBin, ['-f', 'PEAK_RSS_KB %M', process.execPath, ...args, '-q'], {
        encoding: 'utf8',
        cwd: root,
      })
    : spawnSync(process.execPath, [...args, '-q'], { encoding: 'utf8', cwd: root });
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(`build-index failed:\n${run.stderr}`);
  process.stderr.write(run.stderr.replace(/^PEAK_RSS_KB.*\n?/m, ''));
  const peak = /PEAK_RSS_KB (\d+)/.exec(run.stderr);
  return {
    seconds,
    peakRssMb: peak ? Number(peak[1]) / 1024 : null,
    threads: cpus().length,
    command,
    warmCache: Boolean(o.cache),
  };
}

export async function benchSynth(o: SynthOptions): Promise<SynthReport> {
  const dir = o.dir ?? join((await import('node:os')).tmpdir(), 'newsroom-synth', String(o.articles));
  if (!existsSync(dir)) {
    o.log(`synth: writing ${o.articles} articles to ${dir}`);
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/synth.ts', '--articles', String(o.articles), '--out', dir],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  }
  const work = join(o.work, 'synth');
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const indexDir = o.index ?? join(work, 'index');
  const build = o.index ? null : buildArchive(o, dir, work, indexDir);
  const manifest = JSON.parse(readFileSync(join(indexDir, 'manifest.json'), 'utf8')) as {
    counts: SynthReport['counts'];
    files: Record<string, { bytes: number }>;
    shards?: Array<{ role: string; files: string[] }>;
  };
  if (!manifest.shards) throw new Error('the synthetic archive was built as one index: make it larger');

  const articles = await rawArticles(dir);
  const queries = drawQueries({ articles }, o.seed, o.perClass);
  const base: ChildJob = {
    engine: 'sharded',
    dir: indexDir,
    queries,
    repeats: o.repeats,
    commonWords: commonWords(articles),
  };
  o.log(`synth: ${manifest.shards.length} shards; loading each alone`);
  const shards = manifest.shards.map((s, shard) => ({
    ...runChild<ShardMemory>({ ...base, shard }, join(work, `shard-${shard}.job.json`)),
    role: s.role,
    bytes: s.files.reduce((n, f) => n + manifest.files[f]!.bytes, 0),
  }));
  o.log('synth: the sharded engine and the app in Node');
  const node = runChild<ChildResult>(base, join(work, 'node.job.json'));

  o.log('synth: wrangler dev with the shard scripts');
  const dev = await startDevServer({ indexDir, indexPath: '/bench-synth', readyPath: '/openapi.json' });
  try {
    const target = dev.runtime?.origin ?? dev.origin;
    // The first query loads the dictionary and every shard (each in its own script's isolate).
    const coldFirstQueryMs = await timeAsync(async () => {
      const res = await fetch(`${target}${url('twoWords', queries.twoWords[0] ?? 'news')}`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`cold query answered ${res.status}`);
    });
    const latency = await devLatency(target, queries, o.repeats);
    return {
      articles: o.articles,
      counts: manifest.counts,
      build,
      shards,
      node,
      dev: {
        coldFirstQueryMs,
        latency,
        workerdRssMb: rssMb(workerdPids(dev.child.pid!)),
        scripts: manifest.shards.length,
      },
      queriesPerClass: o.perClass,
      repeats: o.repeats,
      ...(o.budgetMB ? { budgetMB: o.budgetMB } : {}),
    };
  } finally {
    await dev.stop();
  }
}

export function renderSynth(r: SynthReport, budgetMB: number): string {
  const mb = (n: number) => (n / 1e6).toFixed(1);
  const held = r.shards.map((s) => s.heapMB + s.externalMB);
  const roles = (role: string) => r.shards.filter((s) => s.role === role).length;
  const lines = [
    '',
    `### synth: ${r.counts.article} articles, ${r.counts.quote} quotes, ${r.counts.entity} entities (${r.queriesPerClass} queries per class, ${r.repeats} repeats)`,
    '',
    r.build
      ? `Build (\`${r.build.command}\`, ${r.build.threads} cores${r.build.warmCache ? ', extraction cached' : ''}): **${r.build.seconds.toFixed(0)} s** (${(r.articles / r.build.seconds).toFixed(0)} articles/s)${r.build.peakRssMb ? `, peak ${r.build.peakRssMb.toFixed(0)} MB resident` : ''}.`
      : 'Build: not run here (the index was given with --synth-index).',
    `Shards: ${roles('articles')} of articles, ${roles('entities')} of entities, 1 dictionary; total ${mb(r.shards.reduce((n, s) => n + s.bytes, 0))} MB of files.`,
    '',
    '| shard | role | file MB | load ms | heap MB | off-heap MB | held MB |',
    '|---:|---|---:|---:|---:|---:|---:|',
    ...r.shards.map(
      (s, i) =>
        `| ${i} | ${s.role} | ${mb(s.bytes)} | ${ms(s.loadMs)} | ${s.heapMB.toFixed(1)} | ${s.externalMB.toFixed(1)} | ${held[i]!.toFixed(1)} |`,
    ),
    '',
    `Largest shard held ${Math.max(...held).toFixed(1)} MB (budget ${r.budgetMB ?? budgetMB} MB: ${Math.max(...held) <= budgetMB ? 'every shard within it' : '**exceeded**'}).`,
    '',
    '| where | first query ms | ' + CLASSES.map(([, l]) => l).join(' | ') + ' |',
    `|---|---:|${CLASSES.map(() => '---:').join('|')}|`,
    `| engine in Node (all shards in one process) | ${ms(r.node.firstQueryMs)} | ${CLASSES.map(([k]) => lat(r.node.latency[k])).join(' | ')} |`,
    ...(r.node.handler
      ? [
          `| \`/search\` through the app in Node | | ${CLASSES.map(([k]) => lat(r.node.handler!.latency[k])).join(' | ')} |`,
        ]
      : []),
    `| \`/search\` through \`wrangler dev\` (${r.dev.scripts} shard scripts) | ${ms(r.dev.coldFirstQueryMs)} (cold) | ${CLASSES.map(([k]) => lat(r.dev.latency[k])).join(' | ')} |`,
    '',
    `p50 / p99 ms, one request at a time. workerd resident after the run: ${r.dev.workerdRssMb ?? '?'} MB (every isolate of the Worker and its shard scripts).`,
  ];
  return `${lines.join('\n')}\n`;
}
