/**
 * npm run shard-scripts -- [--index public/index] [--out .wrangler/shard-scripts] [--count N] [--own-assets]
 * Writes the wrangler configurations that serve a sharded index from shard scripts (the Worker's,
 * with one binding per script, and one per script) and prints their paths; `npm start` and
 * `npm run deploy` write their own, this is for running or deploying them by hand.
 */
import { Command } from 'commander';
import { DEFAULT_OUT } from './defaults.js';
import { writeShardScripts } from './lib/shard-scripts.js';

const opts = new Command()
  .name('shard-scripts')
  .option('--index <dir>', 'the sharded index (inside the assets folder)', DEFAULT_OUT)
  .option('--out <dir>', 'where to write the configurations', '.wrangler/shard-scripts')
  .option('--count <n>', 'shard scripts (default: one per shard)')
  .option('--own-assets', "give each script only its shards' files, as a deploy does", false)
  .parse()
  .opts<{ index: string; out: string; count?: string; ownAssets: boolean }>();

const scripts = await writeShardScripts({
  indexDir: opts.index,
  out: opts.out,
  ownAssets: opts.ownAssets,
  ...(opts.count ? { count: Number(opts.count) } : {}),
});
console.log(`worker: ${scripts.main}`);
for (const [k, path] of scripts.shards.entries()) console.log(`${scripts.names[k]}: ${path}`);
console.log(`run: npx wrangler dev -c ${scripts.main} ${scripts.shards.map((p) => `-c ${p}`).join(' ')}`);
