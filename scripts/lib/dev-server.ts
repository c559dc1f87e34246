/**
 * `wrangler dev` over a snapshot of an index, for measurements (npm run load, npm run bench): the
 * index's files are linked into a folder of the run's own (wrangler dev reloads when its assets
 * change, and builds write into public/), the per-client rate limit is lifted (one client sends
 * everything), and a sharded index is served as `npm start` serves it, by the Worker and its shard
 * scripts (./shard-scripts.ts). Listens on a free loopback port.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workerdPids } from './proc.js';
import { writeShardScripts } from './shard-scripts.js';
import { freePort, waitForHealth, workerRuntime } from './wrangler-dev.js';

const root = new URL('../../', import.meta.url).pathname;

export interface DevServerOptions {
  /** The index folder (holding manifest.json); absent: none in the assets (an index read from R2). */
  indexDir?: string;
  /** INDEX_PATH it is served at, e.g. "/index". */
  indexPath: string;
  /** More variables (`--var NAME:value`), e.g. INDEX_SOURCE, INDEX_REFRESH_SECONDS, ADMIN_KEY. */
  vars?: Record<string, string>;
  /**
   * Where Miniflare keeps R2 and Durable Objects (--persist-to); default: a folder of the run's
   * own, removed at stop. Two servers given the same folder share the local bucket.
   */
  persistTo?: string;
  /** wrangler's log level; everything it prints is kept in `output()`. */
  logLevel?: 'warn' | 'info' | 'debug';
  /** Pass --inspector-port (to read an isolate's heap). */
  inspector?: boolean;
  /**
   * Wait for this path to answer 200 before returning (default /health, which loads the index);
   * another one (/openapi.json) leaves the index unloaded, for a cold first query.
   */
  readyPath?: string;
}

export interface DevServer {
  /** wrangler's public port (its dev proxy). */
  origin: string;
  /** The Worker's own runtime (workerd's port), or null when it was not found. */
  runtime: { origin: string; pid: number } | null;
  inspectorPort: number | null;
  child: ChildProcess;
  sharded: boolean;
  output(): string;
  stop(): Promise<void>;
}

/** Hard links of every file under `from` (a copy where linking fails): a snapshot that costs no space. */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const [src, dst] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) await linkTree(src, dst);
    else await link(src, dst).catch(async () => writeFile(dst, await readFile(src)));
  }
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const persist = await mkdtemp(`${tmpdir()}/ns-dev-`);
  const assets = `${persist}/public`;
  if (options.indexDir) await linkTree(options.indexDir, `${assets}${options.indexPath}`);
  else await mkdir(assets, { recursive: true });
  const config = `${persist}/wrangler.toml`;
  const toml = await readFile(`${root}wrangler.toml`, 'utf8');
  await writeFile(
    config,
    toml
      .replace(/^main = ".*"$/m, `main = "${root}src/worker/index.ts"`)
      .replace(/^directory = ".*"$/m, `directory = "${assets}"`)
      .replace(/simple = \{ limit = \d+, period = (\d+) \}/, 'simple = { limit = 1000000000, period = $1 }'),
  );
  const manifest = options.indexDir
    ? (JSON.parse(await readFile(join(options.indexDir, 'manifest.json'), 'utf8')) as { shards?: unknown[] })
    : {};
  const configs = manifest.shards
    ? await writeShardScripts({
        config,
        indexDir: `${assets}${options.indexPath}`,
        out: `${persist}/shard-scripts`,
      })
    : null;
  const port = await freePort();
  const inspectorPort = options.inspector ? await freePort() : null;
  const origin = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(
    `${root}node_modules/.bin/wrangler`,
    [
      'dev',
      ...(configs ? [configs.main, ...configs.shards].flatMap((c) => ['-c', c]) : ['--config', config]),
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      ...(inspectorPort ? ['--inspector-port', String(inspectorPort)] : []),
      '--persist-to',
      options.persistTo ?? `${persist}/state`,
      '--var',
      `INDEX_PATH:${options.indexPath}`,
      ...Object.entries(options.vars ?? {}).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
      '--log-level',
      options.logLevel ?? 'warn',
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
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 500));
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (existsSync(persist)) await rm(persist, { recursive: true, force: true });
  };
  try {
    const ready = options.readyPath ?? '/health';
    if (ready === '/health') await waitForHealth(`${origin}/health`, child, () => output);
    else await waitForPath(`${origin}${ready}`, child, () => output);
    // Found by asking each port for /openapi.json: it answers without loading the index.
    const runtime = await workerRuntime(workerdPids(child.pid!), port, ready);
    return { origin, runtime, inspectorPort, child, sharded: configs !== null, output: () => output, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function waitForPath(url: string, child: ChildProcess, output: () => string, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer ${url} within ${ms / 1000} s:\n${output()}`);
}
