/**
 * Runs the build's own pipeline (ingest, normalize, extract, corpus merge) over some records of an
 * NDJSON corpus, in this process, and reads what the index would hold: the corpus entities and,
 * per article, the lines `npm run extract` prints. The records are written to a temporary file
 * because the pipeline reads files, as the build does.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PreparedArticle, prepareCorpus } from '../../../src/build/build.js';
import { type ExtractLine, extractLines } from '../../../src/build/extract-lines.js';
import type { Corpus } from '../../../src/model/corpus.js';
import { loadDefaultExtractor } from '../../../src/pipeline/load-extractor.js';

export type RawRecord = Record<string, unknown> & { id: string; body: string };

export function readRecords(path: string): RawRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as RawRecord);
}

export interface CorpusRun {
  corpus: Corpus;
  lines: ExtractLine[];
  /** Each article with its extraction, and the corpus ids of its entities (in the same order). */
  items: Array<PreparedArticle & { ids: string[] }>;
  seconds: number;
}

export async function runCorpus(records: RawRecord[], cacheFile?: string): Promise<CorpusRun> {
  const dir = mkdtempSync(join(tmpdir(), 'eval-entities-'));
  try {
    const file = join(dir, 'articles.ndjson');
    writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const t0 = performance.now();
    const { corpus, items, merged } = await prepareCorpus({
      inputs: [file],
      loadExtractor: loadDefaultExtractor,
      ...(cacheFile ? { cacheFile } : {}),
    });
    const seconds = (performance.now() - t0) / 1000;
    return {
      corpus,
      lines: extractLines(items, corpus, merged),
      items: items.map((i) => ({ ...i, ids: merged.idsOf(i.article.id) })),
      seconds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
