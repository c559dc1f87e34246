/**
 * One engine in a fresh process: node --expose-gc --import tsx benchmarks/child.ts <job.json>
 * Load time and heap are measured before anything else runs in this process; the result is
 * printed as one JSON line on stdout.
 */
import { readFileSync } from 'node:fs';
import { loadIndex } from '../src/index/load.js';
import { fsSource } from '../src/store/drivers/fs.js';
import { createApp } from '../src/worker/app.js';
import { type EngineName, loadEngine } from './engines.js';
import { QUERY_CLASSES, type QueryClass, type QuerySets } from './queries.js';
import { median, percentile, repeatedLatency, timeAsync } from './stats.js';

export interface ChildJob {
  engine: EngineName;
  dir: string;
  queries: QuerySets;
  repeats: number;
  /** The most frequent words of the corpus: the largest match sets, for facet counting. */
  commonWords: string[];
  /** Sharded engine: measure only loading this one shard (what one shard object holds). */
  shard?: number;
}

export interface ShardMemory {
  shard: number;
  loadMs: number;
  heapMB: number;
  externalMB: number;
}

export interface ClassLatency {
  p50: number;
  p99: number;
  max: number;
}

export interface ChildResult {
  engine: EngineName;
  loadMs: number;
  heapMB: number;
  /** ArrayBuffer and other off-heap memory the engine holds after load. */
  externalMB: number;
  firstQueryMs: number;
  heapAfterQueriesMB: number;
  latency: Partial<Record<QueryClass, ClassLatency>>;
  /** Median ms of a query on a common word with facets, and without them. */
  facetMs?: { withFacets: number; without: number };
  /** `/search` end to end through the app (Hono `app.request`), one request at a time. */
  handler?: {
    latency: Partial<Record<QueryClass, ClassLatency>>;
    cpuMaxMs: number;
    cpuP99Ms: number;
    slowest: Array<{ q: string; wallMs: number; cpuMs: number }>;
  };
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as ChildJob;
const mem = () => {
  gc!();
  const m = process.memoryUsage();
  // `external` already includes `arrayBuffers` (Node's docs): adding both counted buffers twice.
  return { heap: m.heapUsed, external: m.external };
};

const m0 = mem();
const t0 = performance.now();
if (job.shard !== undefined) {
  const source = fsSource(job.dir);
  await loadIndex(source, { shard: job.shard });
  const loadMs = performance.now() - t0;
  const m = mem();
  const result: ShardMemory = {
    shard: job.shard,
    loadMs,
    heapMB: (m.heap - m0.heap) / 1e6,
    externalMB: (m.external - m0.external) / 1e6,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
const engine = await loadEngine(job.engine, job.dir);
const loadMs = performance.now() - t0;
const m1 = mem();
const firstQueryMs = await timeAsync(async () => engine.query('twoWords', job.queries.twoWords[0] ?? 'news'));

async function latencies(
  run: (cls: QueryClass, q: string) => Promise<unknown>,
): Promise<Partial<Record<QueryClass, ClassLatency>>> {
  const out: Partial<Record<QueryClass, ClassLatency>> = {};
  for (const cls of QUERY_CLASSES) {
    if (cls === 'browse' && !engine.browse) continue;
    out[cls] = await repeatedLatency(job.queries[cls], job.repeats, (q) => run(cls, q));
  }
  return out;
}

// One warm-up pass so that every engine is measured with its lazy structures built.
for (const cls of QUERY_CLASSES)
  if (cls !== 'browse' || engine.browse)
    for (const q of job.queries[cls].slice(0, 5)) await engine.query(cls, q);
const latency = await latencies(async (cls, q) => engine.query(cls, q));

let facetMs: ChildResult['facetMs'];
if (engine.facets) {
  const withF: number[] = [];
  const without: number[] = [];
  for (let r = 0; r < job.repeats * 3; r++) {
    for (const w of job.commonWords) {
      withF.push(await timeAsync(async () => engine.facets!(w)));
      without.push(await timeAsync(async () => engine.query('oneWord', w)));
    }
  }
  facetMs = { withFacets: median(withF), without: median(without) };
}

const m2 = mem();
let handler: ChildResult['handler'];
if (job.engine === 'ours' || job.engine === 'sharded') {
  // A sharded index's shards answer in this process (no Durable Objects in Node): merge included, RPC not.
  const app = createApp({ source: () => fsSource(job.dir), inProcessShards: job.engine === 'sharded' });
  const env = { CORS_ORIGINS: '*', INDEX_PATH: '/index' };
  const url = (cls: QueryClass, q: string) =>
    cls === 'browse'
      ? `/search?q=&facets=type,publisher,section,person,organization,place,published${q ? `&${q.replace(/=(.*)$/, (_, v: string) => `=${encodeURIComponent(v)}`)}` : ''}`
      : `/search?q=${encodeURIComponent(q)}`;
  const warm = await app.request('/search?q=news', {}, env);
  if (warm.status !== 200) throw new Error(`/search answered ${warm.status}: ${await warm.text()}`);
  const cpu: Array<{ q: string; wallMs: number; cpuMs: number }> = [];
  const lat = await latencies(async (cls, q) => {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    const res = await app.request(url(cls, q), {}, env);
    await res.arrayBuffer();
    const c = process.cpuUsage(c0);
    cpu.push({ q: `${cls}: ${q}`, wallMs: performance.now() - w0, cpuMs: (c.user + c.system) / 1000 });
    if (res.status !== 200) throw new Error(`${url(cls, q)} answered ${res.status}`);
  });
  const cpuMs = cpu.map((c) => c.cpuMs);
  handler = {
    latency: lat,
    cpuMaxMs: Math.max(...cpuMs),
    cpuP99Ms: percentile(cpuMs, 99),
    slowest: [...cpu].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 5),
  };
}

const result: ChildResult = {
  engine: job.engine,
  loadMs,
  heapMB: (m1.heap - m0.heap) / 1e6,
  externalMB: (m1.external - m0.external) / 1e6,
  firstQueryMs,
  heapAfterQueriesMB: (m2.heap - m0.heap) / 1e6,
  latency,
  ...(facetMs ? { facetMs } : {}),
  ...(handler ? { handler } : {}),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
