/**
 * Wrangler configurations for serving a sharded index from shard scripts: one Worker script per
 * shard group, each defining the shard servers' Durable Object class, so that each group's
 * objects run in isolates of their own (docs/sharding-and-publishing.md › Isolation). The Worker's
 * own configuration gets one binding per script (SHARD_0, SHARD_1, … with `script_name`); shard i
 * of a version is served by script i mod the number of scripts. Generated from wrangler.toml and
 * the index's manifest, into a folder of their own (default .wrangler/shard-scripts/), for
 * `npm start` (all of them under one `wrangler dev`), `npm run deploy` and `npm run load`.
 */
import { existsSync } from 'node:fs';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parse, stringify } from 'smol-toml';

const root = resolve(new URL('../..', import.meta.url).pathname);

/** What is read of wrangler.toml; everything else is carried over as it is. */
interface WranglerConfig {
  name: string;
  main: string;
  compatibility_date: string;
  compatibility_flags?: string[];
  assets?: { directory: string; binding?: string; run_worker_first?: boolean };
  vars?: Record<string, string>;
  r2_buckets?: Array<Record<string, string>>;
  limits?: Record<string, number>;
  durable_objects?: { bindings?: Array<Record<string, string>> };
  [key: string]: unknown;
}

export interface ShardScriptsOptions {
  /** The Worker's configuration (default: the repository's wrangler.toml). */
  config?: string;
  /** The folder of the index to serve, holding manifest.json (e.g. public/index). */
  indexDir: string;
  /** Where the configurations (and, with ownAssets, each script's files) are written. */
  out: string;
  /** Shard scripts; default: one per shard of the index. */
  count?: number;
  /**
   * Each script's assets hold only its shards' files (linked from the index folder): what a
   * deploy uploads. Otherwise every script serves the Worker's assets folder (local runs: a
   * rebuilt index is seen at once).
   */
  ownAssets?: boolean;
}

export interface ShardScripts {
  /** The Worker's configuration, with a binding per shard script. */
  main: string;
  /** One configuration per shard script, in order. */
  shards: string[];
  /** The scripts' names. */
  names: string[];
}

/** The number of shards of the index in `indexDir`, or 0 for one index. */
export async function shardCount(indexDir: string): Promise<number> {
  const path = join(indexDir, 'manifest.json');
  if (!existsSync(path)) return 0;
  const manifest = JSON.parse(await readFile(path, 'utf8')) as { shards?: unknown[] };
  return manifest.shards?.length ?? 0;
}

/** Hard links where the filesystem allows them (a copy otherwise): the index is not duplicated on disk. */
async function place(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await link(from, to).catch(async () => writeFile(to, await readFile(from)));
}

export async function writeShardScripts(options: ShardScriptsOptions): Promise<ShardScripts> {
  const configPath = resolve(options.config ?? join(root, 'wrangler.toml'));
  const base = dirname(configPath);
  const config = parse(await readFile(configPath, 'utf8')) as unknown as WranglerConfig;
  const indexDir = resolve(options.indexDir);
  const manifest = JSON.parse(await readFile(join(indexDir, 'manifest.json'), 'utf8')) as {
    version: string;
    files: Record<string, { path: string; chunks?: Array<{ path: string }> }>;
    shards?: Array<{ name: string; files: string[] }>;
  };
  const shards = manifest.shards ?? [];
  if (shards.length === 0) throw new Error(`${indexDir} holds one index: it needs no shard scripts`);
  const count = Math.max(1, Math.min(options.count ?? shards.length, shards.length));
  if (!config.assets?.directory) throw new Error(`${configPath} declares no [assets] directory`);
  const assets = resolve(base, config.assets.directory);
  // Where the index sits inside the assets: the Worker's INDEX_PATH.
  const indexPath = relative(assets, indexDir);
  if (indexPath.startsWith('..')) throw new Error(`${indexDir} is not inside the assets folder ${assets}`);

  const out = resolve(options.out);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const names = Array.from({ length: count }, (_, k) => `${config.name}-shard-${k}`);
  const header = (what: string) =>
    `# ${what}: generated from ${configPath} and the index in ${indexDir}\n# by scripts/lib/shard-scripts.ts; do not edit, it is rewritten.\n`;

  const shardConfigs: string[] = [];
  for (const [k, name] of names.entries()) {
    const dir = join(out, `shard-${k}`);
    let directory = assets;
    if (options.ownAssets) {
      directory = join(dir, 'assets');
      const at = join(directory, indexPath);
      await place(join(indexDir, 'manifest.json'), join(at, 'manifest.json'));
      for (const [i, shard] of shards.entries()) {
        if (i % count !== k) continue;
        for (const file of shard.files) {
          const entry = manifest.files[file]!;
          for (const part of entry.chunks ?? [entry]) {
            const path = join(manifest.version, part.path);
            await place(join(indexDir, path), join(at, path));
          }
        }
      }
    }
    const shardConfig = {
      name,
      main: join(root, 'src/worker/shard-script.ts'),
      compatibility_date: config.compatibility_date,
      ...(config.compatibility_flags ? { compatibility_flags: config.compatibility_flags } : {}),
      assets: { directory, binding: config.assets.binding ?? 'ASSETS', run_worker_first: true },
      ...(config.r2_buckets ? { r2_buckets: config.r2_buckets } : {}),
      ...(config.limits ? { limits: config.limits } : {}),
      durable_objects: { bindings: [{ name: 'SHARDS', class_name: 'ShardServer' }] },
      migrations: [{ tag: 'v1', new_sqlite_classes: ['ShardServer'] }],
    };
    const path = join(dir, 'wrangler.toml');
    await mkdir(dir, { recursive: true });
    await writeFile(path, `${header(`Shard script ${k} of ${count}`)}${stringify(shardConfig)}\n`);
    shardConfigs.push(path);
  }

  // The Worker keeps its own class (and its migration) for one-index versions and older objects,
  // and reaches shards through the scripts' bindings.
  const mainConfig: WranglerConfig = {
    ...config,
    main: resolve(base, config.main),
    assets: { ...config.assets, directory: assets },
    durable_objects: {
      bindings: [
        ...(config.durable_objects?.bindings ?? []),
        ...names.map((script_name, k) => ({ name: `SHARD_${k}`, class_name: 'ShardServer', script_name })),
      ],
    },
  };
  const main = join(out, 'wrangler.toml');
  await writeFile(main, `${header('The Worker with its shard scripts')}${stringify(mainConfig)}\n`);
  return { main, shards: shardConfigs, names };
}
