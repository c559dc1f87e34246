/**
 * npm run load -- [--duration 60] [--connections 64] [--repeats 3] [--index-path /index] [--via-proxy]
 *                  [--wrangler-log FILE]
 * Starts `wrangler dev` on a free loopback port and drives the Worker's runtime (or, with
 * --via-proxy, wrangler's public port) with autocannon over a mix of real queries taken from the
 * served index: words, phrases, facets, filters, suggest, the facets endpoint and documents. The
 * duration is split over the repeats; after each, workerd's resident memory is read from /proc
 * and the isolate's heap through the inspector. Exits non-zero on any connection error, timeout
 * or 5xx, naming each request that got no answer.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { buildIndex } from '../src/build/build.js';
import { defaultExtractor } from '../src/pipeline/default-extractor.js';
import { DEFAULT_CACHE, DEFAULT_INPUT, DEFAULT_OUT } from './defaults.js';
import { startDevServer } from './lib/dev-server.js';
import { isolateHeapMb } from './lib/isolate-heap.js';
import { rssMb, workerdPids } from './lib/proc.js';

const opts = new Command()
  .name('load')
  .option('--duration <s>', 'seconds of load in all', '60')
  .option('--connections <n>', 'concurrent connections', '64')
  .option('--repeats <n>', 'rounds (memory is read after each)', '3')
  .option(
    '--index-path <path>',
    'INDEX_PATH inside public/ (built from the sample when it is /index and missing)',
    '/index',
  )
  .option(
    '--only <path>',
    'load this one path instead of the mix (e.g. /health, a baseline without search work)',
  )
  .option('--json', 'print only the JSON summary', false)
  .option('--no-heap', "do not read the isolate's heap through the inspector after each round")
  .option('--via-proxy', "load wrangler's public port (its dev proxy) instead of the Worker's runtime", false)
  .option(
    '--wrangler-log <file>',
    'write what wrangler dev and workerd print (at log level info) to this file',
  )
  .parse()
  .opts<{
    duration: string;
    connections: string;
    repeats: string;
    indexPath: string;
    only?: string;
    json: boolean;
    heap: boolean;
    viaProxy: boolean;
    wranglerLog?: string;
  }>();

const root = new URL('../', import.meta.url).pathname;

interface Histogram {
  average: number;
  max: number;
  total: number;
  p50: number;
  p99: number;
}
interface AutocannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
  '5xx': number;
  statusCodeStats: Record<string, { count: number }>;
  latency: Histogram;
  requests: Histogram;
}
/** What autocannon's per-connection client exposes that the load reads: the request it is on. */
interface AutocannonClient {
  on(event: 'timeout', listener: () => void): void;
  on(event: 'connError', listener: (err: Error & { code?: string }) => void): void;
  requestIterator: { currentRequest: { path: string } };
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: Array<{ method: string; path: string }>;
  setupClient?: (client: AutocannonClient) => void;
}) => Promise<AutocannonResult>;
// autocannon ships no types; the specifier is a variable so its shape is the one declared here.
const autocannonModule: string = 'autocannon';
const autocannon = ((await import(autocannonModule)) as { default: Autocannon }).default;
const log = (s: string) => {
  if (!opts.json) process.stderr.write(`${s}\n`);
};

/** The parts of a `/search` answer the request mix is drawn from. */
interface SearchAnswer {
  hits: Array<{ id: string; title?: string }>;
  facets?: Record<string, { values?: Array<{ value: string; name?: string }> }>;
}

/** Paths over what the index really holds, so the load exercises real matches. */
async function requestMix(origin: string): Promise<string[]> {
  const browse = (await (
    await fetch(`${origin}/search?q=&type=article&limit=50&facets=person,publisher,section,place`)
  ).json()) as SearchAnswer;
  const quotes = (await (await fetch(`${origin}/search?q=&type=quote&limit=20`)).json()) as SearchAnswer;
  const titles = browse.hits.map((h) => String(h.title ?? ''));
  const titleWords = [...new Set(titles.flatMap((t) => t.toLowerCase().match(/\p{L}{5,}/gu) ?? []))].slice(
    0,
    40,
  );
  const enc = encodeURIComponent;
  const paths: string[] = [];
  titleWords.forEach((w, i) => {
    paths.push(`/search?q=${enc(w)}`);
    paths.push(`/search?q=${enc(`${w} ${titleWords[(i + 7) % titleWords.length]}`)}&facets=person,publisher`);
    paths.push(`/suggest?q=${enc(w.slice(0, 3))}`);
    paths.push(`/search?q=${enc(w.slice(0, 4))}`);
  });
  for (const t of titles.slice(0, 10)) {
    const phrase = t.split(/\s+/).slice(0, 3).join(' ');
    paths.push(`/search?q=${enc(`"${phrase}"`)}`);
  }
  for (const facet of ['person', 'publisher', 'section', 'place'] as const) {
    for (const v of browse.facets?.[facet]?.values?.slice(0, 3) ?? []) {
      paths.push(`/search?q=&${facet}=${enc(v.value)}&facets=${facet}`);
      paths.push(`/search?q=${enc(titleWords[0] ?? 'the')}&${facet}=${enc(v.value)}&type=article,quote`);
    }
    paths.push(
      `/facets/${facet}?q=${enc((browse.facets?.[facet]?.values?.[0]?.name ?? browse.facets?.[facet]?.values?.[0]?.value ?? 'a').slice(0, 3))}`,
    );
  }
  for (const h of browse.hits.slice(0, 15)) paths.push(`/articles/${enc(h.id)}`);
  for (const h of quotes.hits.slice(0, 10)) paths.push(`/quotes/${enc(h.id)}`);
  for (const v of browse.facets?.person?.values?.slice(0, 5) ?? []) paths.push(`/entities/${enc(v.value)}`);
  paths.push(
    '/search?q=&sort=date&facets=published',
    '/search?q=vote&from=2016&to=2026-12',
    '/health',
    '/stats',
  );
  return paths;
}

async function main() {
  const duration = Number(opts.duration);
  const connections = Number(opts.connections);
  const repeats = Math.max(1, Number(opts.repeats));
  // With a sharded index the heap read is the Worker's isolate's (the shards run in their scripts').
  const readHeap = opts.heap;
  if (opts.indexPath === '/index' && !existsSync(`${root}${DEFAULT_OUT}/manifest.json`)) {
    log('building the sample index');
    await buildIndex({
      inputs: [`${root}${DEFAULT_INPUT}`],
      outDir: `${root}${DEFAULT_OUT}`,
      extractor: defaultExtractor,
      cacheFile: `${root}${DEFAULT_CACHE}`,
    });
  }

  const dev = await startDevServer({
    indexDir: `${root}public${opts.indexPath}`,
    indexPath: opts.indexPath,
    logLevel: opts.wranglerLog ? 'info' : 'warn',
    inspector: true,
  });
  const { origin, child } = dev;
  const stop = async () => {
    if (opts.wranglerLog) await writeFile(opts.wranglerLog, dev.output());
    await dev.stop();
  };

  try {
    const runtime = opts.viaProxy ? null : dev.runtime;
    if (!opts.viaProxy && !runtime)
      log("the Worker's runtime port was not found: loading wrangler's proxy instead");
    // The port that is loaded: the Worker's own runtime, unless asked for (or left with) the proxy.
    const target = runtime?.origin ?? origin;
    const paths = opts.only ? [opts.only] : await requestMix(target);
    // Warm-up (the index loads on first use; that is not what is measured), and a check that
    // every path of the mix answers on its own.
    for (const p of paths) {
      const started = Date.now();
      try {
        const res = await fetch(`${target}${p}`, { signal: AbortSignal.timeout(10_000) });
        await res.arrayBuffer();
        if (!res.ok || Date.now() - started > 2000)
          log(`warm-up: ${p} → ${res.status} in ${Date.now() - started} ms`);
      } catch (err) {
        log(`warm-up: ${p} failed: ${(err as Error).message}`);
      }
    }
    log(
      `wrangler dev on ${origin}, loading ${runtime ? `the Worker's runtime at ${target}` : 'its proxy'}; ${paths.length} distinct requests; ${repeats} × ${(duration / repeats).toFixed(1)} s at ${connections} connections`,
    );

    const rounds = [];
    for (let i = 0; i < repeats; i++) {
      const started = Date.now();
      // Which request a timed-out or broken connection was on, and when: errors are otherwise bare counts.
      const timedOut: string[] = [];
      const broken = new Map<string, number>();
      const r = await autocannon({
        url: target,
        connections,
        duration: duration / repeats,
        timeout: 10,
        requests: paths.map((path) => ({ method: 'GET', path })),
        setupClient: (client) => {
          client.on('timeout', () =>
            timedOut.push(
              `${client.requestIterator.currentRequest.path} (sent before ${((Date.now() - started) / 1000 - 10).toFixed(1)} s)`,
            ),
          );
          client.on('connError', (err) => {
            const key = `${err.code ?? err.message} on ${client.requestIterator.currentRequest.path}`;
            broken.set(key, (broken.get(key) ?? 0) + 1);
          });
        },
      });
      for (const t of timedOut) log(`round ${i + 1}: no answer within 10 s: ${t}`);
      for (const [what, n] of broken) log(`round ${i + 1}: connection broken ${n}×: ${what}`);
      const round = {
        requests: r.requests.total,
        rps: Math.round(r.requests.average),
        p50: r.latency.p50,
        p99: r.latency.p99,
        max: r.latency.max,
        errors: r.errors,
        timeouts: r.timeouts,
        non2xx: r.non2xx,
        '5xx': r['5xx'],
        statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count])),
        workerdRssMb: rssMb(workerdPids(child.pid!)),
        runtimeRssMb: runtime ? rssMb([runtime.pid]) : null,
        isolateHeapMb: readHeap ? await isolateHeapMb(dev.inspectorPort!) : null,
      };
      rounds.push(round);
      log(
        `round ${i + 1}: ${round.rps} req/s, p50 ${round.p50} ms, p99 ${round.p99} ms, errors ${round.errors}, timeouts ${round.timeouts}, non-2xx ${round.non2xx}, 5xx ${round['5xx']}, workerd RSS ${round.workerdRssMb ?? '?'} MB (Worker's runtime ${round.runtimeRssMb ?? '?'} MB), isolate heap ${round.isolateHeapMb ?? '?'} MB`,
      );
    }
    const total = rounds.reduce((n, r) => n + r.requests, 0);
    const summary = {
      duration,
      connections,
      requests: total,
      rps: Math.round(total / duration),
      p50: Math.max(...rounds.map((r) => r.p50)),
      p99: Math.max(...rounds.map((r) => r.p99)),
      // autocannon counts a timeout as an error too.
      errors: rounds.reduce((n, r) => n + r.errors, 0),
      timeouts: rounds.reduce((n, r) => n + r.timeouts, 0),
      non2xx: rounds.reduce((n, r) => n + r.non2xx, 0),
      '5xx': rounds.reduce((n, r) => n + r['5xx'], 0),
      target: runtime ? 'runtime' : 'proxy',
      workerdRssMb: rounds.map((r) => r.workerdRssMb),
      runtimeRssMb: rounds.map((r) => r.runtimeRssMb),
      isolateHeapMb: rounds.map((r) => r.isolateHeapMb),
      rounds,
    };
    process.stdout.write(`LOAD_RESULT ${JSON.stringify(summary)}\n`);
    if (summary.errors > 0 || summary['5xx'] > 0) {
      if (dev.output().trim())
        log(`wrangler dev said:\n${dev.output().trim().split('\n').slice(-40).join('\n')}`);
      log(`FAILED: ${summary.errors} errors/timeouts, ${summary['5xx']} 5xx`);
      process.exitCode = 1;
    }
  } finally {
    await stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`load failed: ${(err as Error).stack ?? err}\n`);
  process.exitCode = 1;
});
