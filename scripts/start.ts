/**
 * npm start (after `npm run build`): `wrangler dev` on 127.0.0.1:8787 (PORT to change it), with
 * the shard scripts beside the Worker when the index in public/index is sharded, all in one
 * command (scripts/lib/shard-scripts.ts). Extra arguments go to wrangler dev.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_OUT } from './defaults.js';
import { shardCount, writeShardScripts } from './lib/shard-scripts.js';

const root = new URL('../', import.meta.url).pathname;
const args = ['dev', '--ip', '127.0.0.1', '--port', process.env.PORT ?? '8787', ...process.argv.slice(2)];
if ((await shardCount(join(root, DEFAULT_OUT))) > 0) {
  const scripts = await writeShardScripts({
    indexDir: join(root, DEFAULT_OUT),
    out: join(root, '.wrangler/shard-scripts'),
  });
  console.error(
    `sharded index: the Worker and ${scripts.names.length} shard scripts (${scripts.names.join(', ')})`,
  );
  args.push('-c', scripts.main, ...scripts.shards.flatMap((c) => ['-c', c]));
}
const child = spawn(join(root, 'node_modules/.bin/wrangler'), args, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
