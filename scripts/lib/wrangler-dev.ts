/** Helpers for runs of `wrangler dev` started by scripts and test setups on loopback. */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { listeningPorts } from './proc.js';

/** A port the OS just handed out on 127.0.0.1 (closed again, so wrangler can take it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Whether `url` answers as the Worker's /health does once its index is loaded; false on any failure. */
async function servesHealth(url: string, signal?: AbortSignal): Promise<boolean> {
  try {
    const res = await fetch(url, signal ? { signal } : {});
    return res.ok && ((await res.json()) as { status?: string }).status === 'ok';
  } catch {
    return false;
  }
}

/** Polls `/health` until the Worker serves its index, failing early if wrangler exits. */
export async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
  ms = 120_000,
): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output()}`);
    if (await servesHealth(url)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not become healthy within ${ms / 1000} s:\n${output()}`);
}

/** Whether `url` answers 200; false on any failure. */
async function answers(url: string, signal: AbortSignal): Promise<boolean> {
  try {
    const res = await fetch(url, { signal });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * The workerd process that runs the Worker under `wrangler dev`, and the origin it serves on,
 * found by asking each port its processes listen on (other than wrangler's public one) for
 * `/health` (or `path`, e.g. one that does not load the index); null when none answers.
 * wrangler's public port is a proxy in a second workerd, which loads never meet in production
 * and which drops some requests under load (docs/performance.md › Load test). One of the ports
 * is workerd's debug port, which speaks Cap'n Proto: the request sent to it makes workerd log
 * "RPC connection broken … incoming RPC message exceeds size limit", which is this probe's only
 * effect.
 */
export async function workerRuntime(
  pids: number[],
  publicPort: number,
  path = '/health',
): Promise<{ origin: string; pid: number } | null> {
  for (const pid of pids) {
    for (const port of listeningPorts(pid)) {
      if (port === publicPort) continue;
      const origin = `http://127.0.0.1:${port}`;
      // Other ports (an inspector, another service) do not answer the Worker's routes.
      const ok =
        path === '/health'
          ? await servesHealth(`${origin}/health`, AbortSignal.timeout(2000))
          : await answers(`${origin}${path}`, AbortSignal.timeout(2000));
      if (ok) return { origin, pid };
    }
  }
  return null;
}
