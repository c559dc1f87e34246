/**
 * What the build keeps never stops the next index from being served: an assets folder holding a
 * version too large for wrangler (as builds wrote before files were chunked), then a large
 * build, then a small one, and `wrangler dev` (as `npm start` runs it, on another assets folder)
 * starts and serves the small one, with the large one kept for rollback. The "large" index is
 * large for a limit lowered through the build's options; the version left from before is a real
 * file over the 25 MiB asset limit (sparse: it takes no disk).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assetProblems } from '../../scripts/check-assets.js';
import { freePort, waitForHealth } from '../../scripts/lib/wrangler-dev.js';
import { BuildError, buildIndex } from '../../src/build/build.js';
import { ASSET_LIMIT_BYTES } from '../../src/index/limits.js';
import { loadIndex } from '../../src/index/load.js';
import { defaultExtractor } from '../../src/pipeline/default-extractor.js';
import { fsSource } from '../../src/store/drivers/fs.js';

const root = new URL('../../', import.meta.url).pathname;
const LIMIT = 8 * 1024;
const limits = { chunkBytes: LIMIT, assetLimit: LIMIT };
const cleanup: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const undo of cleanup.reverse()) await undo();
});

async function sparse(path: string, bytes: number): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  const file = await open(path, 'w');
  await file.truncate(bytes);
  await file.close();
}

/** `wrangler dev` as `npm start` runs it, on another assets folder; its origin once /health answers. */
async function startWrangler(dir: string, assets: string): Promise<string> {
  const [port, inspector] = [await freePort(), await freePort()];
  let output = '';
  const child = spawn(
    `${root}node_modules/.bin/wrangler`,
    ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector)].concat([
      '--assets',
      assets,
      '--persist-to',
      join(dir, 'state'),
      '--show-interactive-dev-session=false',
    ]),
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
    },
  );
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  cleanup.push(async () => {
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHealth(`${origin}/health`, child, () => output, 180_000);
  return origin;
}

async function servedVersion(origin: string): Promise<string | undefined> {
  try {
    return ((await (await fetch(`${origin}/health`)).json()) as { index?: { version: string } }).index
      ?.version;
  } catch {
    return undefined;
  }
}

/** Two invented articles: the small index. */
async function smallInput(dir: string, years = 'forty'): Promise<string> {
  const path = join(dir, 'small.ndjson');
  const articles = [
    {
      id: 'lantern-fair',
      title: 'Lantern Fair Opens on the Riverbank',
      body: 'Paper lanterns lined the riverbank for the spring fair.',
    },
    {
      id: 'lantern-makers',
      title: 'The Lantern Makers of Elm Street',
      body: `Two families have made the fair lanterns by hand for ${years} years.`,
    },
  ];
  await writeFile(
    path,
    `${articles.map((a) => JSON.stringify({ ...a, quotes: [], entities: [] })).join('\n')}\n`,
  );
  return path;
}

async function files(dir: string): Promise<Array<{ path: string; bytes: number }>> {
  const out = [];
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile())
      out.push({ path: join(e.parentPath, e.name), bytes: (await stat(join(e.parentPath, e.name))).size });
  }
  return out;
}

describe('builds kept for rollback', () => {
  it('a large build, then a small one: wrangler dev starts and serves the small one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nrs-serve-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const assets = join(dir, 'public');
    const out = join(assets, 'index');

    // A large version as builds wrote it before files were chunked: one file wrangler refuses.
    await sparse(join(out, 'v-0000000000aa', 'docs.ndjson'), ASSET_LIMIT_BYTES + 1);
    await writeFile(join(out, 'manifest.json'), JSON.stringify({ version: 'v-0000000000aa' }));
    expect((await assetProblems(assets, out)).join('\n')).toMatch(
      /docs\.ndjson is 25\.0 MiB, over the 25\.0 MiB limit/,
    );
    const small = await buildIndex({
      inputs: [await smallInput(dir, 'forty')],
      outDir: out,
      assetsDir: assets,
    });
    expect(small.kept).toBeNull();
    expect(small.dropped).toEqual([
      { version: 'v-0000000000aa', reason: expect.stringMatching(/docs\.ndjson is 25\.0 MiB/) },
    ]);

    const origin = await startWrangler(dir, assets);
    expect(await servedVersion(origin)).toBe(small.manifest.version);
    const found = (await (await fetch(`${origin}/search?q=lantern`)).json()) as { total: number };
    expect(found.total).toBe(2);

    // Large for a lowered limit: stored in chunks within it, then kept for rollback by the next build.
    const large = await buildIndex({
      inputs: [`${root}index-data/articles`],
      outDir: out,
      extractor: defaultExtractor,
      assetsDir: assets,
      ...limits,
    });
    expect(large.manifest.files.docs!.chunks!.length).toBeGreaterThan(1);
    const next = await buildIndex({
      inputs: [await smallInput(dir, 'fifty')],
      outDir: out,
      assetsDir: assets,
      ...limits,
    });
    expect(next.kept).toBe(large.manifest.version);
    expect((await readdir(out)).sort()).toEqual(
      ['manifest.json', large.manifest.version, next.manifest.version].sort(),
    );
    for (const f of await files(out)) expect(f.bytes, f.path).toBeLessThanOrEqual(LIMIT);
    expect(await assetProblems(assets, out)).toEqual([]);
    // wrangler dev reloads when its assets change: the running server moves to the new build.
    const until = Date.now() + 120_000;
    while ((await servedVersion(origin)) !== next.manifest.version && Date.now() < until)
      await new Promise((r) => setTimeout(r, 500));
    expect(await servedVersion(origin)).toBe(next.manifest.version);

    // Rollback: the kept version's own manifest copied over the pointer.
    await writeFile(
      join(out, 'manifest.json'),
      await readFile(join(out, large.manifest.version, 'manifest.json')),
    );
    expect((await loadIndex(fsSource(out))).manifest.version).toBe(large.manifest.version);
  }, 300_000);

  it('refuses, before writing, to leave a file over the asset limit in the assets folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nrs-serve-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const assets = join(dir, 'public');
    const out = join(assets, 'index');
    const input = await smallInput(dir);
    const first = await buildIndex({ inputs: [input], outDir: out, assetsDir: assets });
    await sparse(join(assets, 'media', 'launch-video.mp4'), ASSET_LIMIT_BYTES + 1);
    const pointer = await readFile(join(out, 'manifest.json'), 'utf8');
    await smallInput(dir, 'fifty');
    const refused = buildIndex({ inputs: [input], outDir: out, assetsDir: assets });
    await expect(refused).rejects.toThrow(BuildError);
    await expect(refused).rejects.toThrow(
      /launch-video\.mp4 \(25\.0 MiB\) is over the 25\.0 MiB limit of one static asset/,
    );
    expect(await readFile(join(out, 'manifest.json'), 'utf8')).toBe(pointer);
    expect(await readdir(out)).toEqual(['manifest.json', first.manifest.version].sort());
  });
});
