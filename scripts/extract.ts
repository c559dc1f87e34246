/**
 * npm run extract -- --input PATH [--input PATH ...] [--no-cache]
 * Prints one JSON line per article: its quotes and entities, with offsets (UTF-16 code units)
 * into the article's body as given in the input, mapped back through normalization, and each
 * entity under the id the index stores it under (src/build/extract-lines.ts).
 */
import { Command } from 'commander';
import { prepareCorpus } from '../src/build/build.js';
import { extractLines } from '../src/build/extract-lines.js';
import { loadDefaultExtractor } from '../src/pipeline/load-extractor.js';
import { DEFAULT_CACHE } from './defaults.js';

const opts = new Command()
  .name('extract')
  .description('Extract quotes and entities from article files, one JSON line per article.')
  .requiredOption('-i, --input <path...>', 'article file or folder (repeatable)')
  .option('--cache <file>', 'extraction cache', DEFAULT_CACHE)
  .option('--no-cache', 'extract every article')
  .parse()
  .opts<{ input: string[]; cache: string | false }>();

const { items, corpus, merged, ingested } = await prepareCorpus({
  inputs: opts.input,
  loadExtractor: loadDefaultExtractor,
  ...(opts.cache ? { cacheFile: opts.cache } : {}),
});
for (const issue of ingested.issues)
  process.stderr.write(`skipped ${issue.file}:${issue.line}: ${issue.reason}\n`);
for (const line of extractLines(items, corpus, merged)) process.stdout.write(`${JSON.stringify(line)}\n`);
process.stderr.write(`extracted ${items.length} article(s), ${ingested.issues.length} skipped\n`);
