/**
 * The whole build, as a function: ingest → normalize → extract → assemble → serialize → write.
 * Any failure before the final rename leaves the previously written index untouched.
 */

import { estimateSpeakerWeights, type WeightsEstimate } from '../extract/quotes/archive-weights.js';
import { ASSET_LIMIT_BYTES, CHUNK_BYTES } from '../index/limits.js';
import { type Manifest, storedFiles } from '../index/manifest.js';
import type { SerializedIndex } from '../index/serialize.js';
import { ChunkLimitError } from '../index/split.js';
import { ingest } from '../ingest/ingest.js';
import type { IngestIssue, IngestResult } from '../ingest/types.js';
import type { Corpus } from '../model/corpus.js';
import type { InputArticle } from '../model/input.js';
import { assembleCorpus, type ExtractedArticle, type MergedEntities } from '../pipeline/corpus.js';
import { carried, type ExtractionContext, type Extractor, noExtraction } from '../pipeline/extraction.js';
import { type NormalizedArticle, normalizeArticle } from '../pipeline/normalize.js';
import { assetsProblem } from './assets-guard.js';
import { type ExtractPool, POOL_MIN_ARTICLES } from './extract-pool.js';
import { openExtractionCache } from './extraction-cache.js';
import { serializeWithinBudget } from './shard-plan.js';
import { sourceNames } from './source-names.js';
import { StageClock } from './stage-clock.js';
import { type Dropped, writeIndex } from './write-index.js';

export interface BuildOptions {
  inputs: string[];
  outDir: string;
  /** Fail instead of skipping when any record is bad. */
  strict?: boolean;
  extractor?: Extractor;
  /** Loads the extractor only when an article needs it: a rebuild served by the cache skips loading its data. */
  loadExtractor?: () => Promise<Extractor>;
  /** File caching extraction results by content; none when absent. */
  cacheFile?: string;
  onProgress?: (done: number, total: number) => void;
  /**
   * A number of shards, or 'auto' (one index while it fits `indexBudgetMB`, else shards within
   * `shardBudgetMB`; what `npm run build-index` does by default); default one index.
   */
  shards?: number | 'auto';
  shardBudgetMB?: number;
  indexBudgetMB?: number;
  /** What a long-lived builder (watch mode) keeps between builds; see createMemo. */
  memo?: BuildMemo;
  /**
   * Worker threads running the default extractor: used instead of `loadExtractor` when at least
   * POOL_MIN_ARTICLES articles need extracting (same results, on every core).
   */
  pool?: ExtractPool;
  /** The largest file to write (default CHUNK_BYTES); larger index files are stored as chunks. */
  chunkBytes?: number;
  /** The limit of one static asset (default ASSET_LIMIT_BYTES): lowered by tests, with chunkBytes. */
  assetLimit?: number;
  /**
   * The folder wrangler serves as static assets, when outDir is inside it: the build then
   * refuses, before writing, to leave there a file over the asset limit (see assets-guard.ts).
   */
  assetsDir?: string;
}

/**
 * Kept across the builds of one process: normalized articles by their input record, and the
 * extractor once loaded. A rebuild then normalizes and extracts only the records that changed.
 */
export interface BuildMemo {
  normalized: Map<string, NormalizedArticle>;
  extractor: Extractor | null;
}

export const createMemo = (): BuildMemo => ({ normalized: new Map(), extractor: null });

export interface BuildSummary {
  manifest: Manifest;
  /** The version kept for rollback, and the replaced version deleted because it did not fit. */
  kept: string | null;
  dropped: Dropped[];
  files: string[];
  read: number;
  skipped: IngestIssue[];
  warnings: IngestIssue[];
  seconds: number;
  reused: boolean;
  /** Articles whose extraction came from the cache, and those extracted now. */
  extracted: ExtractionCounts | null;
  /** The quotes' speaker weights for this archive, and what they were estimated from. */
  speakerWeights: WeightsEstimate;
  /** Estimated memory of each shard (or of the one index) once loaded, in bytes. */
  estimates: number[];
  /** Seconds per stage, in order. */
  stages: Array<[string, number]>;
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

/** An article with its extraction, and the way back to its body as given (offsets, text). */
export interface PreparedArticle extends ExtractedArticle {
  toInput: NormalizedArticle['toInput'];
  inputBody: string;
}

export type PrepareOptions = Omit<BuildOptions, 'outDir'> & { clock?: StageClock };

/** Ingest, normalize and extract: the corpus an index is made of, and what ingestion saw. */
export async function prepareCorpus(options: PrepareOptions): Promise<{
  corpus: Corpus;
  /** Each article entity's corpus id, and speakers resolved to them. */
  merged: MergedEntities;
  items: PreparedArticle[];
  ingested: IngestResult;
  extracted: ExtractionCounts | null;
  speakerWeights: WeightsEstimate;
}> {
  const clock = options.clock ?? new StageClock();
  const ingested = await ingest(options.inputs);
  clock.lap('read');
  if (options.strict && ingested.issues.length > 0) {
    throw new BuildError(`${ingested.issues.length} bad record(s) and --strict is set`, ingested.issues);
  }
  if (ingested.records.length === 0) {
    throw new BuildError(`No valid articles in ${options.inputs.join(', ')}`, ingested.issues);
  }
  const memo = options.memo;
  let extractor = options.extractor ?? memo?.extractor ?? null;
  const normalized = new Map<string, NormalizedArticle>();
  const normalize = (input: InputArticle): NormalizedArticle => {
    if (!memo) return normalizeArticle(input);
    const key = JSON.stringify(input);
    const done = memo.normalized.get(key) ?? normalizeArticle(input);
    normalized.set(key, done);
    return done;
  };
  const total = ingested.records.length;
  const normal = ingested.records.map((rec) => normalize(rec.input));
  clock.lap('normalize');
  // What extraction learns from the whole archive first: the weights of the quotes' speaker choice.
  const speakerWeights = estimateSpeakerWeights(normal.map((n) => n.article.body));
  const context: ExtractionContext = { speakerWeights: speakerWeights.weights };
  clock.lap('speaker weights');
  const cache = options.cacheFile ? await openExtractionCache(options.cacheFile, context) : null;
  // With the extraction the input carries or the cache holds; the rest is extracted below.
  const staged = ingested.records.map((rec, i) => {
    const { article, toInput } = normal[i]!;
    const given = carried(rec.input);
    const whole = given.quotes && given.entities ? { quotes: given.quotes, entities: given.entities } : null;
    return {
      article,
      toInput,
      given,
      inputBody: rec.input.body,
      whole,
      extracted: whole ? null : cache?.get(article),
    };
  });
  const missing = staged.filter((s) => !s.whole && !s.extracted);
  let done = total - missing.length;
  if (done > 0) options.onProgress?.(done, total);
  if (options.pool && missing.length >= POOL_MIN_ARTICLES) {
    const results = await options.pool.extract(
      missing.map((s) => s.article),
      (n) => options.onProgress?.(done + n, total),
      context,
    );
    missing.forEach((s, i) => {
      s.extracted = results[i];
    });
  } else {
    for (const s of missing) {
      extractor ??= (await options.loadExtractor?.()) ?? noExtraction;
      if (memo) memo.extractor = extractor;
      s.extracted = extractor(s.article, context);
      options.onProgress?.(++done, total);
    }
  }
  const items: PreparedArticle[] = staged.map((s) => {
    if (s.whole)
      return { article: s.article, extraction: s.whole, toInput: s.toInput, inputBody: s.inputBody };
    cache?.set(s.article, s.extracted!);
    return {
      article: s.article,
      extraction: { ...s.extracted!, ...s.given },
      toInput: s.toInput,
      inputBody: s.inputBody,
    };
  });
  clock.lap('extract');
  await cache?.save();
  clock.lap('save cache');
  // Only what this build used: an edited article's old text does not linger.
  if (memo) memo.normalized = normalized;
  const { corpus, merged } = assembleCorpus(items);
  clock.lap('assemble');
  return {
    corpus,
    merged,
    items,
    ingested,
    extracted: cache ? { cached: cache.hits(), fresh: cache.misses() } : null,
    speakerWeights,
  };
}

export async function buildIndex(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const clock = new StageClock();
  const { corpus, ingested, extracted, speakerWeights } = await prepareCorpus({ ...options, clock });
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const assetLimit = options.assetLimit ?? ASSET_LIMIT_BYTES;
  if (chunkBytes > assetLimit)
    throw new BuildError(`chunks of ${chunkBytes} bytes would be over the ${assetLimit}-byte asset limit`);
  let serialized: SerializedIndex;
  let estimates: number[];
  try {
    ({ index: serialized, estimates } = await serializeWithinBudget(
      corpus,
      {
        sources: sourceNames(options.inputs, ingested.files),
        skipped: ingested.issues.length,
        chunkBytes,
        extraction: { speakerWeights: speakerWeights.weights },
      },
      options.shards ?? 1,
      options.shardBudgetMB,
      options.indexBudgetMB,
      clock,
    ));
  } catch (err) {
    if (err instanceof ChunkLimitError) throw new BuildError(err.message);
    throw err;
  }
  if (options.assetsDir) {
    const files = storedFiles(serialized.manifest).length + 1;
    const problem = await assetsProblem(options.assetsDir, options.outDir, files, assetLimit);
    if (problem) throw new BuildError(problem);
  }
  const { reused, kept, dropped } = await writeIndex(options.outDir, serialized, { assetLimit });
  clock.lap('write');
  return {
    manifest: serialized.manifest,
    kept,
    dropped,
    files: ingested.files,
    read: ingested.read,
    skipped: ingested.issues,
    warnings: ingested.warnings,
    seconds: (performance.now() - started) / 1000,
    reused,
    extracted,
    speakerWeights,
    estimates,
    stages: clock.stages,
  };
}
