/**
 * npm run measure:live -- [--updates 1000] [--rate 10] [--refresh 0] [--others 0,5] [--visibility 80]
 *                         [--queries 200] [--rounds 5] [--archive polnear/articles.ndjson]
 * Measures live updates under `wrangler dev` (Miniflare's R2 and Durable Objects) on top of an
 * archive of ../shared/corpus, read by path (--archive; PolNeAR by default). Every wrangler dev
 * process is one isolate; several share the local bucket through one --persist-to folder
 * (scripts/lib/dev-server.ts):
 *   1. visibility: a PUT's 200 → the first /search that finds the article, with nothing pending (20 updates);
 *   2. --updates updates at --rate per second, each of an article of its own (corrections of
 *      the archive's articles, then new ones, each with a marker word): none lost, none duplicated
 *      (update numbers, pending count, every last-written marker found once);
 *   3. visibility with them pending, polled at the process that took the PUT (INDEX_REFRESH_SECONDS
 *      = --refresh) and at another process over the same bucket (once per --others refresh);
 *   4. query p99 with them pending against the same base with nothing pending (another prefix,
 *      another process), in interleaved rounds: the median of each side's p99s; then the same
 *      against a rebuild of the same articles (what the segments cost over what a compaction gives);
 *   5. a compaction (npm run compact-live), then the Worker's answers against a full rebuild of
 *      the same articles (scripts/compact-live's saved archive, built again here): same hits and totals.
 * Prints one line per figure; docs/live-updates.md › Measured gives the numbers.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { buildIndex } from '../src/build/build.js';
import { extractQuotes } from '../src/extract/quotes/extract.js';
import { applyUpdates } from '../src/live/compact.js';
import { loadDefaultExtractor } from '../src/pipeline/load-extractor.js';
import { normalizeArticle } from '../src/pipeline/normalize.js';
import { localEngine } from '../src/search/engine.js';
import { fsSource } from '../src/store/drivers/fs.js';
import { loadVersion } from '../src/store/versions.js';
import { corpusPath } from '../test/corpora.js';
import { DEFAULT_CACHE } from './defaults.js';
import { type DevServer, startDevServer } from './lib/dev-server.js';

const opts = new Command()
  .option('--updates <n>', 'updates in the sustained run', '1000')
  .option('--rate <n>', 'updates per second', '10')
  .option('--refresh <s>', "INDEX_REFRESH_SECONDS of the writer's process", '0')
  .option('--others <list>', 'INDEX_REFRESH_SECONDS of another process read from, one run each', '0,5')
  .option('--visibility <n>', 'single updates timed for visibility with updates pending', '80')
  .option('--queries <n>', 'queries per p99 round', '200')
  .option('--rounds <n>', 'interleaved p99 rounds per side', '5')
  .option('--archive <path>', 'the base archive, under ../shared/corpus', 'polnear/articles.ndjson')
  .parse()
  .opts<{
    updates: string;
    rate: string;
    refresh: string;
    others: string;
    visibility: string;
    queries: string;
    rounds: string;
    archive: string;
  }>();

const root = new URL('..', import.meta.url).pathname;
const KEY = 'measure-live-admin-key-0123456789';
const log = (line: string) => process.stderr.write(`${line}\n`);
const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** A word of its own per update: ten letters from a hash, far (in edits) from every other marker. */
function markerOf(i: number): string {
  let h = 2166136261 ^ i;
  let out = 'zq';
  for (let k = 0; k < 8; k++) {
    h = Math.imul(h ^ (h >>> 13), 16777619) >>> 0;
    out += String.fromCharCode(97 + (h % 26));
  }
  return out;
}
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

type Row = { id: string; title?: string; body: string; [k: string]: unknown };
const archivePath = corpusPath(opts.archive);
const archive = (await readFile(archivePath, 'utf8'))
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Row);

// Quote extraction as the Worker runs it, per article (the Worker's clock does not advance during
// compute, so its CPU time is measured here, on the same code).
{
  const times: number[] = [];
  for (const row of archive) {
    const { article } = normalizeArticle(row as never);
    const t = performance.now();
    extractQuotes(article.body);
    times.push(performance.now() - t);
  }
  console.log(
    `quote extraction per article (Worker side, Node): median ${median(times).toFixed(2)} ms, p99 ${pct(times, 99).toFixed(2)} ms, max ${Math.max(...times).toFixed(1)} ms`,
  );
}

const work = await mkdtemp(`${tmpdir()}/ns-live-`);
const baseDir = `${work}/base`;
log(`building the base from ${opts.archive}`);
await buildIndex({
  inputs: [archivePath],
  outDir: baseDir,
  loadExtractor: loadDefaultExtractor,
  cacheFile: `${root}${DEFAULT_CACHE}`,
});

const persistTo = `${work}/state`;
const vars = (refresh: string, prefix = ''): Record<string, string> => ({
  INDEX_SOURCE: 'r2',
  INDEX_REFRESH_SECONDS: refresh,
  ADMIN_KEY: KEY,
  ...(prefix ? { INDEX_R2_PREFIX: prefix } : {}),
});
/** A wrangler dev process over the shared local bucket (Miniflare keeps R2 in `persistTo`). */
const serve = (refresh: string, prefix = '') =>
  startDevServer({ indexPath: '/index', vars: vars(refresh, prefix), persistTo, readyPath: '/openapi.json' });
const servers: DevServer[] = [];
const started = async (server: Promise<DevServer>) => {
  const s = await server;
  servers.push(s);
  return s;
};
// The writer's process: every PUT goes here.
const writer = await started(serve(opts.refresh));
const origin = writer.origin;

// biome-ignore lint/suspicious/noExplicitAny: the admin answers are read field by field below
async function admin(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}
type Answer = { total: number; hits: Array<{ id: string }>; facets?: unknown };
async function search(q: string, extra = '', at = origin): Promise<Answer> {
  const res = await fetch(`${at}/search?q=${encodeURIComponent(q)}${extra}`);
  if (!res.ok) throw new Error(`/search ${q} → ${res.status} ${await res.text()}`);
  return (await res.json()) as Answer;
}
const cli = (script: string, args: string[], url = origin) =>
  run(process.execPath, ['--import', 'tsx', `${root}scripts/${script}.ts`, '--url', url, ...args], {
    cwd: root,
    env: { ...process.env, ADMIN_KEY: KEY },
    maxBuffer: 1 << 26,
  });

try {
  await cli('publish-index', ['--dir', baseDir]);
  log('base published');
  // The same base under a prefix of its own that takes no updates: the "nothing pending" side of
  // the interleaved latency rounds, served by a process like the writer's.
  const clean = await started(serve(opts.refresh, 'clean'));
  await cli('publish-index', ['--dir', baseDir], clean.origin);

  // Queries for the p99 rounds: title words of the archive's articles, one and two words.
  const words = archive.flatMap((r) => (r.title ?? '').toLowerCase().match(/[a-z]{5,}/g) ?? []);
  const queries = Array.from({ length: Number(opts.queries) }, (_, i) =>
    i % 2
      ? words[(i * 7919) % words.length]!
      : `${words[(i * 104729) % words.length]} ${words[(i * 31) % words.length]}`,
  );
  /** One round of every query against `at`: its p99 and median. */
  type Round = { p99: number; median: number };
  async function latencyRound(at: string): Promise<Round> {
    await search(queries[0]!, '', at); // the first request after a change loads it
    const times: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      await search(q, '&limit=10&facets=publisher', at);
      times.push(performance.now() - t);
    }
    return { p99: pct(times, 99), median: median(times) };
  }
  /** Rounds alternating between `a` and `b`: the median of each side's p99s and medians. */
  async function interleaved(a: string, b: string) {
    // One round each first, not counted: both sides' caches warm, as in steady serving.
    await latencyRound(a);
    await latencyRound(b);
    const sides: { a: Round[]; b: Round[] } = { a: [], b: [] };
    for (let round = 0; round < Number(opts.rounds); round++) {
      sides.a.push(await latencyRound(a));
      sides.b.push(await latencyRound(b));
    }
    const of = (xs: Round[]) => ({
      p99: median(xs.map((x) => x.p99)),
      median: median(xs.map((x) => x.median)),
    });
    return { a: of(sides.a), b: of(sides.b), rounds: sides };
  }

  // 1. Visibility of a single update: PUT to the writer's process, /search polled at `reader`.
  let visible = 0;
  async function visibility(label: string, reader: DevServer, refresh: string, count: number) {
    const seen: number[] = [];
    for (let k = 0; k < count; k++) {
      const i = visible++;
      const marker = markerOf(1_000_000 + i);
      const source = archive[i % archive.length]!;
      await admin('PUT', `/admin/articles/vis-${i}`, {
        ...source,
        id: `vis-${i}`,
        body: `${source.body}\n\nMarker ${marker}.`,
      });
      const acked = performance.now();
      for (;;) {
        if ((await search(`"${marker}"`, '&type=article', reader.origin)).total > 0) break;
        if (performance.now() - acked > 60_000) throw new Error(`${marker} not visible after 60 s`);
        await sleep(10);
      }
      seen.push(performance.now() - acked);
    }
    log(`  ${label}, refresh ${refresh}: ${seen.map((ms) => ms.toFixed(0)).join(' ')} ms`);
    const where = reader === writer ? 'the process that took the PUT' : 'another wrangler dev process';
    console.log(
      `visibility (INDEX_REFRESH_SECONDS=${refresh}, ${label}, /search at ${where}): median ${median(seen).toFixed(0)} ms, max ${Math.max(...seen).toFixed(0)} ms over ${seen.length} updates`,
    );
  }
  await visibility('nothing pending', writer, opts.refresh, 20);

  // 2. Sustained updates, each of an article of its own (so that as many are pending): corrections
  // of the archive's articles, then new articles, each with a marker word of its own.
  const n = Number(opts.updates);
  const interval = 1000 / Number(opts.rate);
  const acks: Array<{ id: string; seq: number; marker: string }> = [];
  const failures: string[] = [];
  const began = performance.now();
  const inflight: Promise<void>[] = [];
  const corrections = Math.min(n, Math.floor(archive.length * 0.6));
  for (let i = 0; i < n; i++) {
    const wait = began + i * interval - performance.now();
    if (wait > 0) await sleep(wait);
    const source = archive[i % archive.length]!;
    const id = i < corrections ? source.id : `live-new-${i}`;
    const marker = markerOf(i);
    inflight.push(
      admin('PUT', `/admin/articles/${encodeURIComponent(id)}`, {
        ...source,
        id,
        body: `${source.body}\n\nMarker ${marker}.`,
      }).then(
        (a) => {
          acks.push({ id, seq: a.seq, marker });
        },
        (err) => {
          failures.push(String(err));
        },
      ),
    );
  }
  await Promise.all(inflight);
  const seconds = (performance.now() - began) / 1000;
  const status = await admin('GET', '/admin/live');
  const seqs = new Set(acks.map((a) => a.seq));
  const lastOf = new Map<string, { seq: number; marker: string }>();
  for (const a of acks) if ((lastOf.get(a.id)?.seq ?? -1) < a.seq) lastOf.set(a.id, a);
  console.log(
    `${n} updates of ${lastOf.size} distinct articles in ${seconds.toFixed(1)} s (${(n / seconds).toFixed(1)}/s): ${acks.length} acknowledged, ${failures.length} failed, ${seqs.size} distinct update numbers, head at ${status.seq}, ${status.pending} articles pending`,
  );
  if (failures.length) log(failures.slice(0, 5).join('\n'));
  // Every article's last write is what search finds, once; earlier markers of the same article are gone.
  let found = 0;
  let stale = 0;
  // A quoted marker is checked against the stored text: no typo or prefix expansion reaches another marker.
  const exact = (marker: string) => search(`"${marker}"`, '&type=article');
  for (const [id, last] of lastOf) {
    const r = await exact(last.marker);
    if (r.total === 1 && r.hits[0]?.id === id) found++;
  }
  for (const a of acks) if (lastOf.get(a.id)!.seq !== a.seq && (await exact(a.marker)).total > 0) stale++;
  console.log(
    `last writes found once: ${found} of ${lastOf.size}; overwritten markers still found: ${stale}`,
  );

  // 3. Visibility with them pending, from the writer's process and from another one that reads the
  // same local bucket (each wrangler dev process is an isolate of its own).
  const pending = `${status.pending} articles pending`;
  // --visibility updates (default 80) pass LIVE_SMALL_SEGMENT (64): the timings include a rebuild
  // of the large segment. With a refresh interval, 20 updates (each waits up to the interval).
  const count = (refresh: string) => (Number(refresh) > 0 ? 20 : Number(opts.visibility));
  await visibility(pending, writer, opts.refresh, count(opts.refresh));
  for (const refresh of opts.others.split(',').filter(Boolean)) {
    const other = await started(serve(refresh));
    await search('warm', '', other.origin); // its first request loads the base and every pending update
    await visibility(pending, other, refresh, count(refresh));
    await other.stop();
    servers.splice(servers.indexOf(other), 1);
  }

  // 4. Query latency with them pending, interleaved with another process serving (a) the same base
  // with nothing pending (the target's comparison), then (b) a rebuild of the same articles (what
  // the segments cost over the index a compaction will give).
  await sleep(3000); // a large segment rebuilt after the last update finishes first
  const now = `${(await admin('GET', '/admin/live')).pending} articles pending`;
  async function compare(label: string) {
    const r = await interleaved(origin, clean.origin);
    for (const [side, name] of [
      ['a', now],
      ['b', label],
    ] as const)
      log(
        `  rounds, ${name}: p99 ${r.rounds[side].map((x) => x.p99.toFixed(1)).join(', ')} ms; medians ${r.rounds[side].map((x) => x.median.toFixed(1)).join(', ')} ms`,
      );
    console.log(
      `query p99 (median of ${opts.rounds} interleaved rounds of ${queries.length} queries): ${r.b.p99.toFixed(1)} ms with ${label}, ${r.a.p99.toFixed(1)} ms with ${now} (${(r.a.p99 / r.b.p99).toFixed(2)}×); medians ${r.b.median.toFixed(1)} and ${r.a.median.toFixed(1)} ms`,
    );
  }
  await compare('the base, nothing pending');
  const { entries } = await admin('GET', '/admin/live/entries');
  const sameArticles = applyUpdates(archive as never, entries);
  await writeFile(`${work}/same.ndjson`, `${sameArticles.map((a) => JSON.stringify(a)).join('\n')}\n`);
  await buildIndex({
    inputs: [`${work}/same.ndjson`],
    outDir: `${work}/same`,
    loadExtractor: loadDefaultExtractor,
    cacheFile: `${root}${DEFAULT_CACHE}`,
  });
  await cli('publish-index', ['--dir', `${work}/same`], clean.origin);
  await compare(`a rebuild of the same ${sameArticles.length} articles`);

  // 5. Compaction, then the Worker against a full rebuild of the same articles.
  const t = performance.now();
  const compacted = await cli('compact-live', [
    '--input',
    archivePath,
    '--save',
    `${work}/archive.ndjson`,
    '--out',
    `${work}/compacted`,
  ]);
  console.log(`${compacted.stdout.trim()} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  await buildIndex({
    inputs: [`${work}/archive.ndjson`],
    outDir: `${work}/rebuilt`,
    loadExtractor: loadDefaultExtractor,
    cacheFile: `${root}${DEFAULT_CACHE}`,
  });
  const rebuilt = localEngine(await loadVersion(fsSource(`${work}/rebuilt`)));
  let equal = 0;
  const checks = queries.slice(0, 100);
  for (const q of checks) {
    const params = { q, types: [], limit: 10, offset: 0, facets: ['publisher' as const] };
    const want = await rebuilt.search(params);
    const got = await search(q, '&limit=10&facets=publisher');
    const same =
      got.total === want.total &&
      JSON.stringify(got.hits.map((h) => h.id)) === JSON.stringify(want.hits.map((h) => h.id)) &&
      JSON.stringify(got.facets) === JSON.stringify(want.facets);
    if (same) equal++;
    else log(`differs: ${q}: ${got.total} vs ${want.total}`);
  }
  console.log(
    `after compaction: ${equal} of ${checks.length} answers equal to a full rebuild (hits, totals, facets)`,
  );
  // Both processes now serve the same articles, rebuilt: what remains is the processes' own difference.
  const after = await interleaved(origin, clean.origin);
  console.log(
    `query p99 after compaction: ${after.a.p99.toFixed(1)} ms; the other process, serving a rebuild of the same articles: ${after.b.p99.toFixed(1)} ms (${(after.a.p99 / after.b.p99).toFixed(2)}×)`,
  );
} finally {
  for (const s of servers) await s.stop();
  await rm(work, { recursive: true, force: true });
}
