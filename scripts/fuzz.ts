/**
 * npm run fuzz -- [--requests 5000] [--seed 20260517] [--json <file>]
 *
 * A validating proxy over `wrangler dev`: the Worker runs as it does locally (workerd, the
 * assets' index, Miniflare's rate limiter), a Node proxy in front of it checks every exchange
 * against the OpenAPI document the Worker serves (GET /openapi.json, read through the proxy's
 * upstream), and a driver sends requests generated from that same document through the proxy
 * (test/contract/requests.ts with --seed, after every parameter's boundaries: boundaries.ts), each
 * GET with its conditional twin. Four deployments in turn: a public index (most requests, and a
 * burst from one client for 429), a private one (API_KEY), a missing index (503) and a bad
 * setting (500). Prints the figures and exits 1 on any disagreement.
 *
 * Everything stays on 127.0.0.1; the run is bounded by --requests and stops by itself.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { Command } from 'commander';
import fc from 'fast-check';
import { buildIndex } from '../src/build/build.js';
import { defaultExtractor } from '../src/pipeline/default-extractor.js';
import { boundaryRequests } from '../test/contract/boundaries.js';
import { Contract } from '../test/contract/contract.js';
import {
  type Answer,
  conditionalMismatch,
  conditionalTwin,
  FuzzTally,
  record,
} from '../test/contract/fuzz.js';
import { type GeneratedRequest, type RequestOptions, requestsFrom } from '../test/contract/requests.js';
import { freePort } from './lib/wrangler-dev.js';

const root = new URL('..', import.meta.url).pathname;
const INDEX_DIR = 'fuzz-index';
const KEY = 'fuzz-key-0123456789';
const UNDOCUMENTED = [/^\/$/, /^\/widget(?:-client)?(?:\.[0-9a-f]{8,64})?\.js$/, /^\/admin\//];
/** Hop-by-hop and framing headers are the proxy's own business. */
const SKIP_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

interface Phase {
  name: string;
  vars: Record<string, string>;
  /** Share of --requests. */
  share: number;
  options: RequestOptions;
}

interface Wrangler {
  origin: string;
  stop(): Promise<void>;
}

async function startWrangler(vars: Record<string, string>): Promise<Wrangler> {
  const [port, inspector] = [await freePort(), await freePort()];
  const persist = await mkdtemp(`${tmpdir()}/ns-fuzz-`);
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector)];
  args.push('--persist-to', persist, '--log-level', 'warn', '--show-interactive-dev-session=false');
  for (const [k, v] of Object.entries(vars)) args.push('--var', `${k}:${v}`);
  let output = '';
  const child: ChildProcess = spawn(`${root}node_modules/.bin/wrangler`, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    }
    await rm(persist, { recursive: true, force: true });
  };
  const origin = `http://127.0.0.1:${port}`;
  // Any answer will do: the broken deployments never answer /health with 200.
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${origin}/openapi.json`);
      await res.arrayBuffer();
      break;
    } catch {
      if (Date.now() > until) {
        await stop();
        throw new Error(`wrangler dev did not answer within 120 s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return { origin, stop };
}

/** The validating proxy: forwards to `upstream()`, checks each exchange, answers as upstream did. */
function startProxy(upstream: () => string, check: (req: GeneratedRequest, answer: Answer) => void) {
  // Headers up to 1 MB: the Worker, not the proxy, is to refuse the oversized ones (431).
  const server: Server = createServer(
    { maxHeaderSize: 1 << 20 },
    async (req: IncomingMessage, res: ServerResponse) => {
      try {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) {
          if (!SKIP_HEADERS.has(k) && typeof v === 'string') headers[k] = v;
        }
        const method = req.method ?? 'GET';
        const answer = await fetch(`${upstream()}${req.url}`, { method, headers, redirect: 'manual' });
        const text = await answer.text();
        check(
          { method, path: req.url ?? '/', headers },
          { status: answer.status, headers: answer.headers, text },
        );
        const out: Record<string, string> = {};
        answer.headers.forEach((v, k) => {
          if (!SKIP_HEADERS.has(k) && k !== 'content-encoding') out[k] = v;
        });
        res.writeHead(answer.status, out);
        res.end(method === 'HEAD' ? undefined : text);
      } catch (err) {
        res.writeHead(502, { 'Content-Type': 'text/plain' });
        res.end(`proxy: ${(err as Error).message}`);
      }
    },
  );
  return new Promise<{ origin: string; close(): Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

async function send(origin: string, req: GeneratedRequest, client: string): Promise<Answer> {
  const res = await fetch(`${origin}${req.path}`, {
    method: req.method,
    headers: { ...req.headers, 'CF-Connecting-IP': client },
    redirect: 'manual',
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function main() {
  const opts = new Command()
    .option('--requests <n>', 'generated requests in all (each GET also sends its conditional twin)', '5000')
    .option('--seed <n>', 'fast-check seed', '20260517')
    .option('--json <file>', 'also write the figures as JSON')
    .parse()
    .opts<{ requests: string; seed: string; json?: string }>();
  const total = Number(opts.requests);
  const seed = Number(opts.seed);

  console.log(`building the sample index into public/${INDEX_DIR}…`);
  await buildIndex({
    inputs: [`${root}index-data/articles`],
    outDir: `${root}public/${INDEX_DIR}`,
    extractor: defaultExtractor,
  });

  const phases: Phase[] = [
    { name: 'public', vars: { INDEX_PATH: `/${INDEX_DIR}` }, share: 0.8, options: { oversize: true } },
    {
      name: 'private',
      vars: { INDEX_PATH: `/${INDEX_DIR}`, API_KEY: KEY },
      share: 0.12,
      options: { keys: [KEY, 'wrong-key'] },
    },
    { name: 'missing index', vars: { INDEX_PATH: '/nowhere' }, share: 0.05, options: {} },
    {
      name: 'bad setting',
      vars: { INDEX_PATH: `/${INDEX_DIR}`, CORS_ORIGINS: 'not an origin' },
      share: 0.03,
      options: {},
    },
  ];

  const tally = new FuzzTally();
  let contract: Contract | null = null;
  let upstream = '';
  let twins = 0;
  let twinMismatches = 0;
  const proxy = await startProxy(
    () => upstream,
    (req, answer) => {
      if (!contract) return;
      for (const p of record(contract, tally, req, answer))
        tally.disagreements.push(`${req.method} ${req.path} → ${answer.status}: ${p}`);
    },
  );
  try {
    let n = 0;
    for (const [i, phase] of phases.entries()) {
      const wrangler = await startWrangler(phase.vars);
      upstream = wrangler.origin;
      try {
        // The document as this deployment serves it, through the proxy (a bad setting answers 500: the first one's).
        const served = await fetch(`${proxy.origin}/openapi.json`);
        if (served.ok || !contract)
          contract = new Contract((await served.json()) as ConstructorParameters<typeof Contract>[0], {
            undocumented: UNDOCUMENTED,
          });
        const options: RequestOptions = { ...phase.options, ids: {} };
        for (const [route, type] of [
          ['articles', 'article'],
          ['quotes', 'quote'],
          ['entities', 'entity'],
        ] as const) {
          const res = await send(
            proxy.origin,
            {
              method: 'GET',
              path: `/search?type=${type}&limit=20`,
              headers: phase.name === 'private' ? { Authorization: `Bearer ${KEY}` } : {},
            },
            'setup',
          );
          options.ids![route] =
            res.status === 200
              ? (JSON.parse(res.text) as { hits: Array<{ id: string }> }).hits.map((h) => h.id)
              : ['x'];
        }
        const count = i === phases.length - 1 ? total - n : Math.round(total * phase.share);
        const requests = [
          ...(phase.name === 'public' ? boundaryRequests(contract.doc) : []),
          ...fc.sample(requestsFrom(contract.doc, options), { numRuns: count, seed: seed + i }),
        ].slice(0, Math.max(count, 0));
        const before = tally.requests;
        for (const [k, req] of requests.entries()) {
          // One client per request: the rate limit (300 per 10 s per client) is the burst's to reach.
          const client = `203.0.113.${k % 250}.${i}`;
          const plain = await send(proxy.origin, req, client);
          if (plain.status === 200 && plain.headers.get('ETag')) tally.etag = plain.headers.get('ETag');
          const twin = conditionalTwin(req, tally.etag, plain);
          if (twin) {
            twins++;
            const answer = await send(proxy.origin, twin, client);
            const mismatch = conditionalMismatch(req, tally.etag!, plain, answer);
            if (mismatch) {
              twinMismatches++;
              tally.disagreements.push(mismatch);
            }
          }
          n++;
        }
        if (phase.name === 'public') {
          // One client over the limit, 25 requests at a time, until the limiter answers 429 (at
          // most 2,000: its windows are fixed, so a burst may straddle two). Each answer is checked.
          let limited = false;
          for (let k = 0; k < 2000 && !limited; k += 25) {
            const answers = await Promise.all(
              Array.from({ length: 25 }, (_, j) =>
                send(
                  proxy.origin,
                  { method: 'GET', path: `/suggest?q=b${(k + j) % 7}`, headers: {} },
                  '203.0.113.254',
                ),
              ),
            );
            limited = answers.some((a) => a.status === 429);
          }
        }
        console.log(`${phase.name}: ${tally.requests - before} exchanges through the proxy`);
      } finally {
        await wrangler.stop();
      }
    }
  } finally {
    await proxy.close();
  }

  console.log(`\n${tally.summary()}`);
  const byRoute = new Map<string, Set<string>>();
  for (const key of tally.statuses.keys()) {
    const [, route, status] = key.split(' ');
    byRoute.set(route!, (byRoute.get(route!) ?? new Set()).add(status!));
  }
  for (const [route, statuses] of [...byRoute.entries()].sort())
    console.log(`  ${route}: ${[...statuses].sort().join(' ')}`);
  console.log(`conditional twins: ${twins}, mismatches: ${twinMismatches}`);
  const params = [...tally.params.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  console.log(
    `parameters (valid/invalid requests carrying them): ${params.map(([k, [v, x]]) => `${k} ${v}/${x}`).join(', ')}`,
  );
  for (const d of tally.disagreements.slice(0, 20)) console.log(`  ✗ ${d}`);
  if (opts.json) {
    await writeFile(
      opts.json,
      JSON.stringify(
        {
          requests: tally.requests,
          disagreements: tally.disagreements,
          statuses: Object.fromEntries(tally.statuses),
          codes: Object.fromEntries(tally.codes),
          params: Object.fromEntries(tally.params),
          twins,
          twinMismatches,
        },
        null,
        2,
      ),
    );
  }
  process.exit(tally.disagreements.length === 0 ? 0 : 1);
}

await main();
