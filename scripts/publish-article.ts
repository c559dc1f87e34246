/**
 * npm run publish-article -- --input story.md [--input more.ndjson ...] [--url URL] [--key KEY]
 * npm run publish-article -- --delete <article id> [...]
 * Publishes articles into the live index without a rebuild: each article of the inputs (any
 * format build-index reads) is validated, its quotes and entities extracted here with the build's
 * extractor and the base's speaker weights (the entity gazetteers do not fit in a Worker), and
 * sent to PUT /admin/articles/:id; searchable from every isolate within INDEX_REFRESH_SECONDS (docs/live-updates.md).
 */
import { Command } from 'commander';
import { ingest } from '../src/ingest/ingest.js';
import { carried, type ExtractionContext } from '../src/pipeline/extraction.js';
import { loadDefaultExtractor } from '../src/pipeline/load-extractor.js';
import { normalizeArticle } from '../src/pipeline/normalize.js';
import { AdminError, adminClient } from './lib/admin.js';

const opts = new Command()
  .name('publish-article')
  .description('Publish, correct or delete articles in the live index (PUT/DELETE /admin/articles/:id).')
  .option('-i, --input <path...>', 'article file or folder (repeatable)', [])
  .option('--delete <id...>', 'delete these articles', [])
  .option('--url <url>', 'the Worker', 'http://127.0.0.1:8787')
  .option('--key <key>', 'the ADMIN_KEY secret (default: $ADMIN_KEY)', process.env.ADMIN_KEY)
  .parse()
  .opts<{ input: string[]; delete: string[]; url: string; key?: string }>();

const log = (line: string) => process.stderr.write(`${line}\n`);

type Ack = { id: string; seq: number; pending: number; quotes?: number; entities?: number };

async function main() {
  if (opts.input.length === 0 && opts.delete.length === 0)
    throw new AdminError('nothing to do: pass --input or --delete');
  const admin = adminClient(opts.url, opts.key);
  if (opts.input.length > 0) {
    const ingested = await ingest(opts.input);
    // A bad record publishes nothing: the editor fixes the file and runs again.
    if (ingested.issues.length > 0) {
      for (const i of ingested.issues) log(`${i.file}:${i.line}: ${i.reason}`);
      throw new AdminError(`${ingested.issues.length} bad record(s): nothing was published`);
    }
    const extractor = await loadDefaultExtractor();
    // The speaker weights the base was built with, so that quotes are extracted as its build did.
    const { extraction } = await admin.call<{ extraction: ExtractionContext | null }>('GET', '/admin/live');
    const context: ExtractionContext = extraction ?? {};
    for (const { input } of ingested.records) {
      const started = performance.now();
      const { article } = normalizeArticle(input);
      const given = carried(input);
      const extracted = given.quotes && given.entities ? null : extractor(article, context);
      const ms = performance.now() - started;
      const body = {
        ...input,
        body: article.body,
        quotes: given.quotes ?? extracted!.quotes,
        entities: given.entities ?? extracted!.entities,
      };
      const ack = await admin.call<Ack>('PUT', `/admin/articles/${encodeURIComponent(input.id)}`, body);
      console.log(
        `published ${ack.id} as update ${ack.seq}: ${ack.quotes} quotes, ${ack.entities} entities (extracted in ${ms.toFixed(1)} ms); ${ack.pending} pending`,
      );
    }
  }
  for (const id of opts.delete) {
    const ack = await admin.call<Ack>('DELETE', `/admin/articles/${encodeURIComponent(id)}`);
    console.log(`deleted ${ack.id} as update ${ack.seq}; ${ack.pending} pending`);
  }
}

try {
  await main();
} catch (err) {
  log(`publish-article: ${err instanceof AdminError ? err.message : (err as Error).stack}`);
  process.exitCode = 1;
}
