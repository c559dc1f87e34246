/**
 * Shard scripts: the configurations `npm start`, `npm run deploy` and `npm run load` generate for
 * a sharded index (one Worker script per shard group, bound to the Worker with `script_name`),
 * and the Worker's choice of namespace for each shard.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeShardScripts } from '../../scripts/lib/shard-scripts.js';
import { buildIndex } from '../../src/build/build.js';
import { defaultExtractor } from '../../src/pipeline/default-extractor.js';
import { shardNamespaces } from '../../src/worker/shards/clients.js';

const root = new URL('../../', import.meta.url).pathname;
const indexDir = `${root}public/test-shard-scripts`;
let out: string;
let version: string;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'ns-shard-scripts-'));
  const built = await buildIndex({
    inputs: [`${root}index-data/articles`],
    outDir: indexDir,
    extractor: defaultExtractor,
    shards: 2,
  });
  version = built.manifest.version;
}, 120_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
  await rm(indexDir, { recursive: true, force: true });
});

describe('shard scripts', () => {
  it('binds one script per shard, each defining the shard class, with only its files as assets', async () => {
    const scripts = await writeShardScripts({ indexDir, out, ownAssets: true });
    // 2 article shards, an entity shard, the dictionary.
    expect(scripts.names).toEqual([0, 1, 2, 3].map((k) => `newsroom-search-shard-${k}`));
    const main = parse(readFileSync(scripts.main, 'utf8')) as any;
    const bindings = main.durable_objects.bindings;
    expect(bindings.filter((b: any) => b.script_name)).toEqual(
      scripts.names.map((script_name, k) => ({ name: `SHARD_${k}`, class_name: 'ShardServer', script_name })),
    );
    // The rest of the Worker's configuration is carried over.
    expect(main.name).toBe('newsroom-search');
    expect(main.ratelimits).toHaveLength(1);
    expect(main.assets.directory).toBe(`${root}public`);
    for (const [k, path] of scripts.shards.entries()) {
      const config = parse(readFileSync(path, 'utf8')) as any;
      expect(config.name).toBe(scripts.names[k]);
      expect(config.main).toBe(`${root}src/worker/shard-script.ts`);
      expect(config.migrations).toEqual([{ tag: 'v1', new_sqlite_classes: ['ShardServer'] }]);
      expect(config.r2_buckets).toEqual(main.r2_buckets);
      // Shard k's own files under the same INDEX_PATH, and the pointer: nothing of the other shards.
      expect(filesUnder(config.assets.directory)).toEqual(
        [
          'test-shard-scripts/manifest.json',
          ...['docs.ndjson', 'index.bin', 'index.json'].map(
            (f) => `test-shard-scripts/${version}/shard-${k}/${f}`,
          ),
        ].sort(),
      );
    }
  });

  it('groups shards when there are fewer scripts than shards, and serves the assets folder locally', async () => {
    const scripts = await writeShardScripts({ indexDir, out, count: 3 });
    expect(scripts.shards).toHaveLength(3);
    for (const path of scripts.shards)
      expect((parse(readFileSync(path, 'utf8')) as any).assets.directory).toBe(`${root}public`);
    expect(existsSync(join(out, 'shard-0/assets'))).toBe(false);
  });

  it('refuses an index that is not sharded', async () => {
    await expect(writeShardScripts({ indexDir: `${root}public/test-index`, out })).rejects.toThrow(
      /one index/,
    );
  });

  it('serves shard i from script i mod n, or from its own class without scripts', () => {
    const ns = (n: string) => ({ n }) as unknown as DurableObjectNamespace;
    expect(shardNamespaces({ SHARD_0: ns('a'), SHARD_1: ns('b'), SHARDS: ns('own') })).toEqual([
      ns('a'),
      ns('b'),
    ]);
    expect(shardNamespaces({ SHARDS: ns('own') })).toEqual([ns('own')]);
    expect(shardNamespaces({})).toEqual([]);
  });
});
