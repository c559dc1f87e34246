/**
 * The whole build, as a function: ingest → normalize → extract → assemble → serialize → write.
 * Any failure before the final rename leaves the previously written index untouched.
 */
import { ingest } from '../ingest/ingest.js';
import type { IngestIssue, IngestResult } from '../ingest/types.js';
import type { Corpus } from '../model/corpus.js';
import { serializeIndex } from '../index/serialize.js';
import type { Manifest } from '../index/manifest.js';
import { assembleCorpus, type ExtractedArticle } from '../pipeline/corpus.js';
import { carried, noExtraction, type Extractor } from '../pipeline/extraction.js';
import { toArticle } from '../pipeline/normalize.js';
import { cachedExtractor } from './extraction-cache.js';
import { writeIndex } from './write-index.js';

export interface BuildOptions {
  inputs: string[];
  outDir: string;
  /** Fail instead of skipping when any record is bad. */
  strict?: boolean;
  extractor?: Extractor;
  /** File caching extraction results by content; none when absent. */
  cacheFile?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface BuildSummary {
  manifest: Manifest;
  files: string[];
  read: number;
  skipped: IngestIssue[];
  warnings: IngestIssue[];
  seconds: number;
  reused: boolean;
  /** Articles whose extraction came from the cache, and those extracted now. */
  extracted: ExtractionCounts | null;
}

export class BuildError extends Error {
  constructor(
    message: string,
    readonly issues: IngestIssue[] = [],
  ) {
    super(message);
    this.name = 'BuildError';
  }
}

export interface ExtractionCounts {
  cached: number;
  fresh: number;
}

export type PrepareOptions = Omit<BuildOptions, 'outDir'>;

/** Ingest, normalize and extract: the corpus an index is made of, and what ingestion saw. */
export async function prepareCorpus(options: PrepareOptions): Promise<{ corpus: Corpus; ingested: IngestResult; extracted: ExtractionCounts | null }> {
  const ingested = await ingest(options.inputs);
  if (options.strict && ingested.issues.length > 0) {
    throw new BuildError(`${ingested.issues.length} bad record(s) and --strict is set`, ingested.issues);
  }
  if (ingested.records.length === 0) {
    throw new BuildError(`No valid articles in ${options.inputs.join(', ')}`, ingested.issues);
  }
  const cache = options.cacheFile ? await cachedExtractor(options.extractor ?? noExtraction, options.cacheFile) : null;
  const extractor = cache?.extract ?? options.extractor ?? noExtraction;
  const items: ExtractedArticle[] = [];
  for (const [i, rec] of ingested.records.entries()) {
    const article = toArticle(rec.input);
    const given = carried(rec.input);
    const extraction = given.quotes && given.entities ? { quotes: given.quotes, entities: given.entities } : { ...extractor(article), ...given };
    items.push({ article, extraction });
    options.onProgress?.(i + 1, ingested.records.length);
  }
  await cache?.save();
  return { corpus: assembleCorpus(items), ingested, extracted: cache ? { cached: cache.hits(), fresh: cache.misses() } : null };
}

export async function buildIndex(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const { corpus, ingested, extracted } = await prepareCorpus(options);
  const serialized = await serializeIndex(corpus, {
    sources: ingested.files,
    skipped: ingested.issues.length,
  });
  const { reused } = await writeIndex(options.outDir, serialized);
  return {
    manifest: serialized.manifest,
    files: ingested.files,
    read: ingested.read,
    skipped: ingested.issues,
    warnings: ingested.warnings,
    seconds: (performance.now() - started) / 1000,
    reused,
    extracted,
  };
}
