/**
 * The seeded fuzz run of the suite: requests generated from the OpenAPI document the app serves
 * (test/contract/requests.ts) against the whole app over the sample index on disk, each answer
 * checked against that document (test/contract/contract.ts): no 5xx but the documented ones,
 * JSON errors with a documented code, valid bodies and headers, 304 exactly where a 200 would be.
 * Public, private (API_KEY), broken (no index) and misconfigured deployments, so that every
 * documented status but 429 shows up (429 is the workerd tests' and `npm run fuzz`'s: it needs
 * the rate-limiting binding). `npm run fuzz` runs more, through a validating proxy over
 * `wrangler dev`.
 *
 * Each request's CPU time is bounded at 2 s, a blow-up bound only (process.cpuUsage: CPU, not
 * wall time, so a busy machine does not trip it); latency is the benchmark's.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/build/build.js';
import { defaultExtractor } from '../../src/pipeline/default-extractor.js';
import { fsSource } from '../../src/store/drivers/fs.js';
import { createApp } from '../../src/worker/app.js';
import type { Env } from '../../src/worker/env.js';
import { boundaryRequests } from '../contract/boundaries.js';
import { Contract } from '../contract/contract.js';
import { type Answer, FuzzTally, fuzzStep } from '../contract/fuzz.js';
import { type GeneratedRequest, type RequestOptions, requestsFrom } from '../contract/requests.js';

const root = new URL('../../', import.meta.url).pathname;
const BASE = 'http://search.test';
const SEED = 20_260_517;
const MAX_CPU_MS = 2000;
const UNDOCUMENTED = [/^\/$/, /^\/widget(?:-client)?(?:\.[0-9a-f]{8,64})?\.js$/, /^\/admin\//];
const KEY = 'fuzz-key-0123456789';

type App = ReturnType<typeof createApp>;

let dir: string;
let contract: Contract;
const ids: RequestOptions['ids'] = {};

function sender(app: App, env: Partial<Env>, cpu: number[]) {
  return async (req: GeneratedRequest): Promise<Answer> => {
    const start = process.cpuUsage();
    const res = await app.request(`${BASE}${req.path}`, { method: req.method, headers: req.headers }, env);
    const text = await res.text();
    const used = process.cpuUsage(start);
    cpu.push((used.user + used.system) / 1000);
    return { status: res.status, headers: res.headers, text };
  };
}

async function run(name: string, app: App, env: Partial<Env>, runs: number, options: RequestOptions) {
  const tally = new FuzzTally();
  const cpu: number[] = [];
  const send = sender(app, env, cpu);
  await fc.assert(
    fc.asyncProperty(requestsFrom(contract.doc, options), async (req) => {
      const problems = await fuzzStep(send, contract, tally, req);
      expect(problems, `${req.method} ${req.path}`).toEqual([]);
      expect(Math.max(...cpu.slice(-2)), `${req.method} ${req.path}`).toBeLessThan(MAX_CPU_MS);
    }),
    { numRuns: runs, seed: SEED, endOnFailure: true },
  );
  cpu.sort((a, b) => a - b);
  console.log(
    `${name}: ${tally.summary().split('\n')[0]}, ${tally.statuses.size} method-route-status combinations\nCPU per request p50 ${cpu[cpu.length >> 1]!.toFixed(1)} ms, p95 ${cpu[Math.floor(cpu.length * 0.95)]!.toFixed(1)} ms, max ${cpu.at(-1)!.toFixed(1)} ms`,
  );
  return tally;
}

beforeAll(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'nrs-fuzz-')), 'index');
  await buildIndex({ inputs: [`${root}index-data/articles`], outDir: dir, extractor: defaultExtractor });
  const app = createApp({ source: () => fsSource(dir) });
  const doc = await (await app.request(`${BASE}/openapi.json`, {}, {})).json();
  contract = new Contract(doc as Record<string, any>, { undocumented: UNDOCUMENTED });
  for (const [route, type] of [
    ['articles', 'article'],
    ['quotes', 'quote'],
    ['entities', 'entity'],
  ] as const) {
    const res = await app.request(`${BASE}/search?type=${type}&limit=20`, {}, {});
    ids[route] = ((await res.json()) as { hits: Array<{ id: string }> }).hits.map((h) => h.id);
  }
}, 120_000);

describe('requests generated from the OpenAPI document', () => {
  it('the boundaries of every parameter: as documented', async () => {
    const tally = new FuzzTally();
    const cpu: number[] = [];
    const send = sender(createApp({ source: () => fsSource(dir) }), {}, cpu);
    const requests = boundaryRequests(contract.doc);
    for (const req of requests)
      expect(await fuzzStep(send, contract, tally, req), `${req.method} ${req.path}`).toEqual([]);
    console.log(`boundaries: ${tally.summary().split('\n')[0]}`);
    expect(requests.length).toBeGreaterThan(300);
  }, 300_000);

  it('a public index: every answer as documented', async () => {
    const tally = await run('public', createApp({ source: () => fsSource(dir) }), {}, 2500, {
      ids,
      oversize: true,
    });
    for (const status of [' 200', ' 304', ' 400', ' 404', ' 405', ' 414', ' 431']) {
      expect(
        [...tally.statuses.keys()].some((k) => k.endsWith(status)),
        status,
      ).toBe(true);
    }
  }, 300_000);

  it('a private index: 401 without the key, answers with it', async () => {
    const tally = await run('private', createApp({ source: () => fsSource(dir) }), { API_KEY: KEY }, 500, {
      ids,
      keys: [KEY, 'wrong-key'],
    });
    expect([...tally.statuses.keys()].some((k) => k.endsWith(' 401'))).toBe(true);
    expect([...tally.statuses.keys()].some((k) => /^GET \/(?!health|openapi)\S+ 200$/.test(k))).toBe(true);
  }, 300_000);

  it('a missing index and a bad setting: 503 and 500 as documented', async () => {
    const missing = await run(
      'missing index',
      createApp({ source: () => fsSource(`${dir}-nowhere`) }),
      {},
      150,
      { ids },
    );
    expect([...missing.statuses.keys()].some((k) => k.endsWith(' 503'))).toBe(true);
    const misconfigured = await run(
      'bad setting',
      createApp({ source: () => fsSource(dir) }),
      { CORS_ORIGINS: 'not an origin' },
      50,
      { ids },
    );
    expect([...misconfigured.statuses.keys()].some((k) => k.endsWith(' 500'))).toBe(true);
  }, 300_000);
});
