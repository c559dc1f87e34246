/**
 * npm run check:bundle -- [--gzip-budget <bytes>] [--startup-budget <ms>] [--runs <n>]
 * Bundles the Worker exactly as a deploy would (`wrangler deploy --dry-run`, offline), prints
 * its raw and gzipped size and the startup time of its global scope in a fresh workerd, and
 * exits 1 when either is over its budget. Static assets (public/, the index) are uploaded
 * apart from the script and count towards neither Cloudflare limit, so they are not measured.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Command } from 'commander';
// Pinned to the version wrangler depends on, so the workerd is the one `wrangler dev` runs.
import { Miniflare } from 'miniflare';
import { parse as parseToml } from 'smol-toml';

/**
 * Cloudflare takes 3 MB gzipped on the Free plan (10 MB on Paid). 1 MB leaves room to grow
 * threefold before a deploy is refused, and trips early on an accidental dependency.
 */
export const GZIP_BUDGET_BYTES = 1024 * 1024;
/**
 * Cloudflare refuses a Worker whose global scope takes over 1 s to start. The figure here is
 * measured on a developer machine, not on Cloudflare's, so the budget keeps a wide margin.
 */
export const STARTUP_BUDGET_MS = 400;

export interface BundleReport {
  bytes: number;
  gzipBytes: number;
  /** Median time to `ready` of Miniflare with the bundle, less that with an empty Worker. */
  startupMs: number;
  bundleReadyMs: number;
  emptyReadyMs: number;
}

export class BudgetError extends Error {}

type Module = { name: string; code: Buffer };
type Settings = { compatibilityDate: string; compatibilityFlags: string[] };

const root = resolve(new URL('..', import.meta.url).pathname);
const run = promisify(execFile);

/** The settings of wrangler.toml that decide how the bundle is built and started. */
async function wranglerSettings(): Promise<Settings & { main: string; assets?: string }> {
  const toml = parseToml(await readFile(`${root}/wrangler.toml`, 'utf8')) as {
    main?: string;
    compatibility_date?: string;
    compatibility_flags?: string[];
    assets?: { directory?: string };
  };
  const { main, compatibility_date: compatibilityDate } = toml;
  if (!main || !compatibilityDate) throw new Error('wrangler.toml names no main or no compatibility_date');
  return {
    main,
    compatibilityDate,
    compatibilityFlags: toml.compatibility_flags ?? [],
    assets: toml.assets?.directory,
  };
}

/**
 * The modules a deploy would upload, as wrangler writes them (all but source maps and its
 * README), the entry first: wrangler names it after `main`, as a .js file.
 */
async function bundleWorker(outDir: string, main: string, assets?: string): Promise<Module[]> {
  // wrangler checks that the assets directory exists even for a dry run; on a fresh clone it doesn't yet.
  if (assets && !existsSync(resolve(root, assets))) await mkdir(resolve(root, assets), { recursive: true });
  try {
    await run(
      process.execPath,
      [`${root}/node_modules/wrangler/bin/wrangler.js`, 'deploy', '--dry-run', '--outdir', outDir],
      {
        cwd: root,
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`wrangler deploy --dry-run failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
  const entry = basename(main).replace(/\.[cm]?[jt]sx?$/, '.js');
  const names = (await readdir(outDir)).filter((f) => !f.endsWith('.map') && f !== 'README.md');
  if (!names.includes(entry))
    throw new Error(`wrangler wrote no ${entry} into ${outDir}, only: ${names.join(', ')}`);
  const ordered = [entry, ...names.filter((n) => n !== entry).sort()];
  return Promise.all(ordered.map(async (name) => ({ name, code: await readFile(join(outDir, name)) })));
}

const moduleTypes = {
  '.js': 'ESModule',
  '.mjs': 'ESModule',
  '.cjs': 'CommonJS',
  '.wasm': 'CompiledWasm',
  '.txt': 'Text',
  '.bin': 'Data',
} as const;

/** Milliseconds until workerd has loaded the script, which runs its global scope (module evaluation). */
async function readyMs(
  dir: string,
  modules: Module[],
  { compatibilityDate, compatibilityFlags }: Settings,
): Promise<number> {
  const started = performance.now();
  // Modules are listed, not found from scriptPath: Miniflare would parse the bundle in Node to
  // find its imports, which costs more than workerd's start. The first module is the entry.
  // No bindings: a module Worker has no env outside handlers, so its global scope can't use one.
  const mf = new Miniflare({
    modulesRoot: dir,
    modules: modules.map((m) => {
      const type = moduleTypes[extname(m.name) as keyof typeof moduleTypes];
      if (!type) throw new Error(`wrangler wrote a module of a type this check doesn't know: ${m.name}`);
      return { type, path: join(dir, m.name), contents: m.code };
    }),
    compatibilityDate,
    compatibilityFlags,
  });
  try {
    await mf.ready;
    return performance.now() - started;
  } finally {
    await mf.dispose();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function checkBundle(
  options: { gzipBudget?: number; startupBudget?: number; runs?: number } = {},
): Promise<BundleReport> {
  const gzipBudget = options.gzipBudget ?? GZIP_BUDGET_BYTES;
  const startupBudget = options.startupBudget ?? STARTUP_BUDGET_MS;
  const runs = options.runs ?? 3;
  const settings = await wranglerSettings();
  const dir = await mkdtemp(join(tmpdir(), 'check-bundle-'));
  try {
    const modules = await bundleWorker(dir, settings.main, settings.assets);
    const all = Buffer.concat(modules.map((m) => m.code));
    // Measured as wrangler's "Total Upload" line and Cloudflare's limit: all modules, gzipped together.
    const bytes = all.length;
    const gzipBytes = gzipSync(all).length;
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    console.error(
      `worker bundle: ${kb(bytes)} raw, ${kb(gzipBytes)} gzipped (${gzipBytes} of ${gzipBudget} bytes budget)`,
    );
    if (gzipBytes > gzipBudget) {
      throw new BudgetError(
        `the Worker bundle is ${gzipBytes} bytes gzipped, over the ${gzipBudget}-byte budget`,
      );
    }

    // Starting workerd itself takes a few hundred ms: an empty Worker's time is taken away, and
    // medians even out a busy machine. A first, uncounted start warms the OS and V8 caches.
    const empty: Module[] = [
      { name: 'empty.js', code: Buffer.from('export default { fetch: () => new Response("") };\n') },
    ];
    await readyMs(dir, modules, settings);
    const bundleTimes: number[] = [];
    const emptyTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      bundleTimes.push(await readyMs(dir, modules, settings));
      emptyTimes.push(await readyMs(dir, empty, settings));
    }
    const bundleReadyMs = median(bundleTimes);
    const emptyReadyMs = median(emptyTimes);
    const startupMs = Math.max(0, bundleReadyMs - emptyReadyMs);
    console.error(
      `worker startup: ${startupMs.toFixed(0)} ms (workerd ready in ${bundleReadyMs.toFixed(0)} ms, ` +
        `${emptyReadyMs.toFixed(0)} ms with an empty Worker; median of ${runs}; budget ${startupBudget} ms)`,
    );
    if (startupMs > startupBudget) {
      throw new BudgetError(
        `the Worker's global scope takes ${startupMs.toFixed(0)} ms to start, over the ${startupBudget} ms budget`,
      );
    }
    return { bytes, gzipBytes, startupMs, bundleReadyMs, emptyReadyMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const opts = new Command()
    .name('check-bundle')
    .option('--gzip-budget <bytes>', 'largest gzipped bundle accepted', String(GZIP_BUDGET_BYTES))
    .option('--startup-budget <ms>', 'longest global-scope startup accepted', String(STARTUP_BUDGET_MS))
    .option('--runs <n>', 'starts of each Worker to take the median of', '3')
    .parse()
    .opts<{ gzipBudget: string; startupBudget: string; runs: string }>();
  try {
    await checkBundle({
      gzipBudget: Number(opts.gzipBudget),
      startupBudget: Number(opts.startupBudget),
      runs: Number(opts.runs),
    });
  } catch (err) {
    console.error(`bundle check failed: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
