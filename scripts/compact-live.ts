/**
 * npm run compact-live -- --input <archive> [--input ...] --save <merged.ndjson> [--out DIR] [--when-due] [--url URL] [--key KEY]
 * Folds the pending live updates into a new base version: reads them from the Worker
 * (GET /admin/live/entries), applies them to the archive the base was built from (the latest
 * version of each article; deletions removed), writes that archive to --save (the input of the
 * next compaction), rebuilds the index from it with the build's code, publishes it like
 * `npm run publish-index` (atomic, rollback kept), then tells the Worker which updates the new
 * base holds (POST /admin/live/compacted). Updates made meanwhile stay pending over the new base;
 * a run stopped anywhere loses nothing (docs/live-updates.md › Compaction). With --when-due it
 * compacts only when the Worker says a compaction is due (GET /admin/live: past LIVE_COMPACT_PENDING
 * articles or LIVE_COMPACT_AGE_SECONDS), so that a scheduled job can run it often.
 */
import { execFile } from 'node:child_process';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { buildIndex } from '../src/build/build.js';
import { ingest } from '../src/ingest/ingest.js';
import { applyUpdates } from '../src/live/compact.js';
import type { CompactionStatus } from '../src/live/due.js';
import type { Entry, Head } from '../src/live/log.js';
import { loadDefaultExtractor } from '../src/pipeline/load-extractor.js';
import { DEFAULT_CACHE } from './defaults.js';
import { AdminError, adminClient } from './lib/admin.js';

const opts = new Command()
  .name('compact-live')
  .description('Fold the pending live updates into a new base version and publish it.')
  .requiredOption('-i, --input <path...>', 'the archive the served base was built from')
  .requiredOption('--save <file>', 'where to write the archive with the updates applied (NDJSON)')
  .option('-o, --out <dir>', 'where to build the new base', '.cache/compacted-index')
  .option('--when-due', 'compact only when the Worker says a compaction is due')
  .option('--url <url>', 'the Worker', 'http://127.0.0.1:8787')
  .option('--key <key>', 'the ADMIN_KEY secret (default: $ADMIN_KEY)', process.env.ADMIN_KEY)
  .parse()
  .opts<{ input: string[]; save: string; out: string; whenDue?: boolean; url: string; key?: string }>();

type LiveStatus = {
  pending: number;
  oldestAt: string | null;
  compaction: Omit<CompactionStatus, 'pending' | 'oldestAt'>;
};

const log = (line: string) => process.stderr.write(`${line}\n`);
const root = resolve(new URL('..', import.meta.url).pathname);

async function main() {
  const admin = adminClient(opts.url, opts.key);
  const started = performance.now();
  if (opts.whenDue) {
    const status = await admin.call<LiveStatus>('GET', '/admin/live');
    if (!status.compaction.due) {
      console.log(
        `no compaction due: ${status.pending} pending (limit ${status.compaction.limits.pending}), oldest ${status.oldestAt ?? 'none'} (limit ${status.compaction.limits.ageSeconds} s)`,
      );
      return;
    }
    log(`compaction due: ${status.compaction.reasons.join('; ')}`);
  }
  const { head, entries } = await admin.call<{ head: Head; entries: Entry[] }>('GET', '/admin/live/entries');
  if (entries.length === 0) {
    console.log(`nothing to compact (update ${head.seq})`);
    return;
  }
  const ingested = await ingest(opts.input);
  for (const i of ingested.issues) log(`${i.file}:${i.line}: skipped: ${i.reason}`);
  const merged = applyUpdates(
    ingested.records.map((r) => r.input),
    entries,
  );
  await mkdir(dirname(resolve(opts.save)), { recursive: true });
  const tmp = `${opts.save}.tmp-${process.pid}`;
  await writeFile(tmp, `${merged.map((a) => JSON.stringify(a)).join('\n')}\n`);
  await rename(tmp, opts.save);
  const summary = await buildIndex({
    inputs: [opts.save],
    outDir: opts.out,
    loadExtractor: loadDefaultExtractor,
    cacheFile: DEFAULT_CACHE,
  });
  log(`built ${summary.manifest.version}: ${merged.length} articles in ${summary.seconds.toFixed(1)} s`);
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', `${root}/scripts/publish-index.ts`, '--url', opts.url, '--dir', opts.out],
    { env: { ...process.env, ADMIN_KEY: opts.key }, cwd: process.cwd() },
  ).then(({ stdout }) => log(stdout.trim()));
  const through = Math.max(...entries.map((e) => e.seq));
  const done = await admin.call<{ pending: number; dropped: number }>('POST', '/admin/live/compacted', {
    through,
  });
  console.log(
    `compacted updates up to ${through} (${entries.length} articles) into ${summary.manifest.version} in ${((performance.now() - started) / 1000).toFixed(1)} s; ${done.pending} still pending`,
  );
}

try {
  await main();
} catch (err) {
  log(`compact-live: ${err instanceof AdminError ? err.message : (err as Error).stack}`);
  log(
    'pending updates stay pending: run it again (a base published without the last step is folded again, harmlessly)',
  );
  process.exitCode = 1;
}
