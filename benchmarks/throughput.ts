/**
 * Optional: requests per second against `wrangler dev` on loopback with autocannon, bounded in
 * time and connections. The bench index is copied under public/bench-index/ (served through the
 * ASSETS binding like the real one) and removed afterwards.
 */
import { spawn } from 'node:child_process';
import { cp, rm } from 'node:fs/promises';
import autocannon from 'autocannon';
import type { QuerySets } from './queries.js';

export interface ThroughputResult {
  corpus: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

const PORT = 8799;
const CONNECTIONS = 16;
const SECONDS = 10;

async function waitUp(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`wrangler dev did not answer ${url}`);
}

export async function throughput(
  indexDir: string,
  corpus: string,
  queries: QuerySets,
  log: (line: string) => void,
): Promise<ThroughputResult> {
  const served = 'public/bench-index';
  await rm(served, { recursive: true, force: true });
  await cp(indexDir, served, { recursive: true });
  const wrangler = spawn(
    'npx',
    ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(PORT), '--var', 'INDEX_PATH:/bench-index'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    },
  );
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitUp(`${base}/health`, Date.now() + 120_000);
    const paths = [
      ...queries.twoWords.slice(0, 50),
      ...queries.typo.slice(0, 25),
      ...queries.prefix.slice(0, 25),
    ].map((q) => `/search?q=${encodeURIComponent(q)}`);
    // The first request loads the index; it is not what throughput measures.
    await fetch(`${base}${paths[0]}`);
    let i = 0;
    log(`throughput: ${CONNECTIONS} connections, ${SECONDS} s against ${base}`);
    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'GET',
          setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length] }),
        },
      ],
    });
    return {
      corpus,
      connections: CONNECTIONS,
      seconds: SECONDS,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors,
      non2xx: result.non2xx,
    };
  } finally {
    if (wrangler.pid) process.kill(-wrangler.pid, 'SIGTERM');
    await rm(served, { recursive: true, force: true });
  }
}
