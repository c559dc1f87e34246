/**
 * npm run measure:live -- [--updates 1000] [--rate 10] [--refresh 0] [--visibility 20] [--queries 200]
 * Measures live updates under `wrangler dev` (Miniflare's R2 and Durable Objects) on top of
 * PolNeAR (../shared/corpus, read by path):
 *   1. visibility: a PUT's 200 → the first /search that finds the article (INDEX_REFRESH_SECONDS = --refresh);
 *   2. --updates updates at --rate per second (corrections of PolNeAR articles and new articles,
 *      each with a marker word of its own): none lost, none duplicated (update numbers, pending count,
 *      and every last-written marker found once);
 *   3. query p99 over the same queries without updates and with them pending;
 *   4. a compaction (npm run compact-live), then the Worker's answers against a full rebuild of
 *      the same articles (scripts/compact-live's saved archive, built again here): same hits and totals.
 * Prints one line per figure; docs/live-updates.md › Measured gives the numbers.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { buildIndex } from '../src/build/build.js';
import { extractQuotes } from '../src/extract/quotes/extract.js';
import { loadDefaultExtractor } from '../src/pipeline/load-extractor.js';
import { normalizeArticle } from '../src/pipeline/normalize.js';
import { localEngine } from '../src/search/engine.js';
import { fsSource } from '../src/store/drivers/fs.js';
import { loadVersion } from '../src/store/versions.js';
import { corpusPath } from '../test/corpora.js';
import { DEFAULT_CACHE } from './defaults.js';
import { freePort } from './lib/wrangler-dev.js';

const opts = new Command()
  .option('--updates <n>', 'updates in the sustained run', '1000')
  .option('--rate <n>', 'updates per second', '10')
  .option('--refresh <s>', 'INDEX_REFRESH_SECONDS', '0')
  .option('--visibility <n>', 'single updates timed for visibility', '20')
  .option('--queries <n>', 'queries per p99 round', '200')
  .parse()
  .opts<{ updates: string; rate: string; refresh: string; visibility: string; queries: string }>();

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
const polnear = (await readFile(corpusPath('polnear/articles.ndjson'), 'utf8'))
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Row);

// Quote extraction as the Worker runs it, per article (the Worker's clock does not advance during
// compute, so its CPU time is measured here, on the same code).
{
  const times: number[] = [];
  for (const row of polnear) {
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
log('building the PolNeAR base');
await buildIndex({
  inputs: [corpusPath('polnear/articles.ndjson')],
  outDir: baseDir,
  loadExtractor: loadDefaultExtractor,
  cacheFile: `${root}${DEFAULT_CACHE}`,
});

const config = `${work}/wrangler.toml`;
await writeFile(
  config,
  (await readFile(`${root}wrangler.toml`, 'utf8'))
    .replace(/^main = ".*"$/m, `main = "${root}src/worker/index.ts"`)
    .replace(/^directory = ".*"$/m, `directory = "${root}public"`)
    .replace(/simple = \{ limit = \d+, period = (\d+) \}/, 'simple = { limit = 1000000000, period = $1 }'),
);
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
let output = '';
const child: ChildProcess = spawn(
  `${root}node_modules/.bin/wrangler`,
  [
    'dev',
    '--config',
    config,
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(await freePort()),
    '--persist-to',
    `${work}/state`,
    '--var',
    'INDEX_SOURCE:r2',
    '--var',
    `INDEX_REFRESH_SECONDS:${opts.refresh}`,
    '--var',
    `ADMIN_KEY:${KEY}`,
    '--log-level',
    'warn',
    '--show-interactive-dev-session=false',
  ],
  {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  },
);
child.stdout!.on('data', (d: Buffer) => (output += d));
child.stderr!.on('data', (d: Buffer) => (output += d));
const stop = () => {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', stop);

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
async function search(q: string, extra = ''): Promise<Answer> {
  const res = await fetch(`${origin}/search?q=${encodeURIComponent(q)}${extra}`);
  if (!res.ok) throw new Error(`/search ${q} → ${res.status} ${await res.text()}`);
  return (await res.json()) as Answer;
}
const cli = (script: string, args: string[]) =>
  run(process.execPath, ['--import', 'tsx', `${root}scripts/${script}.ts`, '--url', origin, ...args], {
    cwd: root,
    env: { ...process.env, ADMIN_KEY: KEY },
    maxBuffer: 1 << 26,
  });

try {
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${output}`);
    const ok = await fetch(`${origin}/openapi.json`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 480) throw new Error(`wrangler dev did not start:\n${output}`);
    await sleep(250);
  }
  await cli('publish-index', ['--dir', baseDir]);
  log('base published');

  // Queries for the p99 rounds: title words of PolNeAR articles, one and two words.
  const words = polnear.flatMap((r) => (r.title ?? '').toLowerCase().match(/[a-z]{5,}/g) ?? []);
  const queries = Array.from({ length: Number(opts.queries) }, (_, i) =>
    i % 2
      ? words[(i * 7919) % words.length]!
      : `${words[(i * 104729) % words.length]} ${words[(i * 31) % words.length]}`,
  );
  async function p99Round(label: string): Promise<number> {
    await search(queries[0]!); // the first request after a change loads it
    const times: number[] = [];
    for (let round = 0; round < 3; round++)
      for (const q of queries) {
        const t = performance.now();
        await search(q, '&limit=10&facets=publisher');
        times.push(performance.now() - t);
      }
    log(
      `${label}: median ${median(times).toFixed(1)} ms, p99 ${pct(times, 99).toFixed(1)} ms (${times.length} queries)`,
    );
    return pct(times, 99);
  }
  const p99Base = await p99Round('query latency, no pending updates');

  // 1. Visibility of a single update.
  async function visibility(label: string, from: number) {
    const seen: number[] = [];
    for (let i = from; i < from + Number(opts.visibility); i++) {
      const marker = markerOf(1_000_000 + i);
      const source = polnear[i % polnear.length]!;
      await admin('PUT', `/admin/articles/vis-${i}`, {
        ...source,
        id: `vis-${i}`,
        body: `${source.body}\n\nMarker ${marker}.`,
      });
      const acked = performance.now();
      for (;;) {
        if ((await search(marker)).total > 0) break;
        if (performance.now() - acked > 60_000) throw new Error(`${marker} not visible after 60 s`);
        await sleep(10);
      }
      seen.push(performance.now() - acked);
    }
    console.log(
      `visibility (INDEX_REFRESH_SECONDS=${opts.refresh}, ${label}): median ${median(seen).toFixed(0)} ms, max ${Math.max(...seen).toFixed(0)} ms over ${seen.length} updates`,
    );
  }
  await visibility('nothing pending', 0);

  // 2. Sustained updates: corrections of PolNeAR articles and new articles, each with its marker.
  const n = Number(opts.updates);
  const interval = 1000 / Number(opts.rate);
  const acks: Array<{ id: string; seq: number; marker: string }> = [];
  const failures: string[] = [];
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const wait = started + i * interval - performance.now();
    if (wait > 0) await sleep(wait);
    // Two in three correct one of 200 PolNeAR articles (each about three times); one in three is new.
    const source = polnear[(i * 37) % 200]!;
    const id = i % 3 === 2 ? `live-new-${i}` : source.id;
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
  const seconds = (performance.now() - started) / 1000;
  const status = await admin('GET', '/admin/live');
  const seqs = new Set(acks.map((a) => a.seq));
  const lastOf = new Map<string, { seq: number; marker: string }>();
  for (const a of acks) if ((lastOf.get(a.id)?.seq ?? -1) < a.seq) lastOf.set(a.id, a);
  console.log(
    `${n} updates in ${seconds.toFixed(1)} s (${(n / seconds).toFixed(1)}/s): ${acks.length} acknowledged, ${failures.length} failed, ${seqs.size} distinct update numbers, head at ${status.seq}, ${status.pending} pending for ${lastOf.size + Number(opts.visibility)} articles`,
  );
  if (failures.length) log(failures.slice(0, 5).join('\n'));
  // Every article's last write is what search finds; earlier markers of the same article are gone.
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

  await visibility(`${status.pending} pending`, Number(opts.visibility));
  const p99Pending = await p99Round(`query latency, ${status.pending} pending updates`);
  console.log(
    `query p99: ${p99Base.toFixed(1)} ms without updates, ${p99Pending.toFixed(1)} ms with ${status.pending} pending (${(p99Pending / p99Base).toFixed(2)}×)`,
  );

  // 4. Compaction, then the Worker against a full rebuild of the same articles.
  const t = performance.now();
  const compacted = await cli('compact-live', [
    '--input',
    corpusPath('polnear/articles.ndjson'),
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
  const p99After = await p99Round('query latency after compaction');
  console.log(`query p99 after compaction: ${p99After.toFixed(1)} ms`);
} finally {
  stop();
  await sleep(500);
  await rm(work, { recursive: true, force: true });
}
