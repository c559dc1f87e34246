/**
 * npm run deploy (after `npm run build` and `npm run check:bundle`): `wrangler deploy`, and
 * before it, when the index in public/index is sharded, one `wrangler deploy` per shard script
 * with only its shards' files as its assets (scripts/lib/shard-scripts.ts): the Worker binds
 * their classes, so they must exist first. Extra arguments (e.g. --dry-run) go to every deploy.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_OUT } from './defaults.js';
import { shardCount, writeShardScripts } from './lib/shard-scripts.js';

const root = new URL('../', import.meta.url).pathname;
const extra = process.argv.slice(2);

function wrangler(args: string[]): void {
  console.error(`> wrangler ${args.join(' ')}`);
  const run = spawnSync(join(root, 'node_modules/.bin/wrangler'), args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`deploy stopped: wrangler ${args[0]} exited with ${run.status ?? run.signal}`);
    process.exit(run.status ?? 1);
  }
}

if ((await shardCount(join(root, DEFAULT_OUT))) === 0) {
  wrangler(['deploy', ...extra]);
} else {
  const scripts = await writeShardScripts({
    indexDir: join(root, DEFAULT_OUT),
    out: join(root, '.wrangler/shard-scripts-deploy'),
    ownAssets: true,
  });
  for (const config of scripts.shards) wrangler(['deploy', '-c', config, ...extra]);
  wrangler(['deploy', '-c', scripts.main, ...extra]);
  console.error(
    `deployed the Worker and its ${scripts.names.length} shard scripts (${scripts.names.join(', ')})`,
  );
}
