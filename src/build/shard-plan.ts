/**
 * How many shards an index needs so that each fits one isolate's memory budget. What a loaded
 * shard holds is mostly its file bytes (index.bin and docs.ndjson stay as they were read) plus the
 * parsed header (term list and keys as JavaScript strings, with its bytes while they are read):
 * three times the header's size, calibrated on Reuters (one index: 41.2 MB of bin and docs, a
 * 3.15 MB header, 49.6 MB of heap and off-heap after load in Node). `npm run bench`'s sharded
 * row measures every shard.
 */

import { type BuildMeta, invertCorpus, type SerializedIndex, serializeIndex } from '../index/serialize.js';
import type { Corpus } from '../model/corpus.js';

/** Default budget per isolate: Workers give 128 MB; a query's scratch arrays and parsed documents need room too. */
export const DEFAULT_SHARD_BUDGET_MB = 48;
/**
 * What one index may take before `auto` splits it. One index is the Worker's own and is served
 * without a fan-out, so it gets more room than a shard (whose object may share its isolate
 * with other shards): two versions of it (an R2 switch loads the new one beside the old) plus
 * the runtime and a query's scratch stay under the isolate's 128 MB. Reuters (19,043 articles,
 * an estimated 50.7 MB, 46.8 MB measured in Node) stays one index.
 */
export const DEFAULT_INDEX_BUDGET_MB = 56;
const MAX_SHARDS = 64;

/** Estimated bytes each shard (or the one index) holds once loaded. */
export function estimatedMemory(index: SerializedIndex): number[] {
  const sets = index.manifest.shards?.map((s) => s.files) ?? [['index', 'bin', 'docs']];
  return sets.map((names) =>
    names.reduce((sum, name) => {
      const bytes = index.files[name]!.byteLength;
      return sum + (name.endsWith('index') ? 3 * bytes : bytes);
    }, 0),
  );
}

/**
 * `shards`: a number forces that many; 'auto' keeps one index while its estimate is within
 * `indexBudgetMB`, and otherwise splits while the largest shard's estimate exceeds `budgetMB`.
 */
export async function serializeWithinBudget(
  corpus: Corpus,
  meta: BuildMeta,
  shards: number | 'auto',
  budgetMB = DEFAULT_SHARD_BUDGET_MB,
  indexBudgetMB = DEFAULT_INDEX_BUDGET_MB,
): Promise<{ index: SerializedIndex; estimates: number[] }> {
  if (shards !== 'auto') {
    const index = await serializeIndex(corpus, { ...meta, shards });
    return { index, estimates: estimatedMemory(index) };
  }
  const budget = budgetMB * 1e6;
  // Inverted once: every try cuts the same postings into another number of shards.
  const inverted = invertCorpus(corpus);
  let index = await serializeIndex(corpus, { ...meta, shards: 1 }, inverted);
  let estimates = estimatedMemory(index);
  let n = 1;
  const over = () => Math.max(...estimates) > (n === 1 ? indexBudgetMB * 1e6 : budget);
  while (over() && n < MAX_SHARDS) {
    // Shards replicate the term list and the entities, so grow from the largest shard's excess.
    n = Math.max(n + 1, Math.ceil((n * Math.max(...estimates)) / budget));
    index = await serializeIndex(corpus, { ...meta, shards: n }, inverted);
    estimates = estimatedMemory(index);
  }
  return { index, estimates };
}
