/**
 * npm run extract -- --input PATH [--input PATH ...] [--no-cache]
 * Prints one JSON line per article: its quotes and entities, with offsets (UTF-16 code units)
 * into the article's body as given in the input, mapped back through normalization.
 */
import { Command } from 'commander';
import { prepareCorpus } from '../src/build/build.js';
import { entityId, mergeCorpusEntities } from '../src/extract/entities/corpus-merge.js';
import { speakerId } from '../src/pipeline/corpus.js';
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

const { items, ingested } = await prepareCorpus({
  inputs: opts.input,
  loadExtractor: loadDefaultExtractor,
  ...(opts.cache ? { cacheFile: opts.cache } : {}),
});
for (const issue of ingested.issues)
  process.stderr.write(`skipped ${issue.file}:${issue.line}: ${issue.reason}\n`);

const merged = mergeCorpusEntities(
  items.map((i) => ({ articleId: i.article.id, entities: i.extraction.entities })),
);
for (const { article, toInput, inputBody, extraction } of items) {
  const span = (start: number, end: number): [number, number] => [
    toInput(start, 'start'),
    toInput(end, 'end'),
  ];
  const line = {
    id: article.id,
    quotes: extraction.quotes.map((q) => {
      const [start, end] = span(q.start, q.end);
      return {
        text: inputBody.slice(start, end),
        start,
        end,
        speaker: q.speaker,
        speakerId: speakerId(merged, article.id, q.speaker),
        cue: q.cue,
      };
    }),
    entities: extraction.entities.map((e) => ({
      id: merged.resolve(article.id, e.name) ?? entityId(e.kind, e.name),
      name: e.name,
      kind: e.kind,
      aliases: e.aliases,
      mentions: e.mentions.map(([s, t]) => span(s, t)),
    })),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
process.stderr.write(`extracted ${items.length} article(s), ${ingested.issues.length} skipped\n`);
