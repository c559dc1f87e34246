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
import type { StageClock } from './stage-clock.js';

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
/** Article shards at most: a search asks every one (and the entity shards), within a request's 1,000 subrequests. */
const MAX_SHARDS = 256;

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

/** What the manifest says each shard holds; one index: 'index'. */
export function shardRoles(index: SerializedIndex): string[] {
  return index.manifest.shards?.map((s) => s.role ?? 'articles') ?? ['index'];
}

const stored = (docs: object[]) => docs.reduce((n, d) => n + JSON.stringify(d).length + 1, 0);

/**
 * A shard's estimate per byte of its stored documents (their postings, tables and term list come
 * on top), with room to spare: 1.7 for articles with their quotes, 2.4 for entities (short
 * documents, many terms), measured on a synthetic 20,000-article archive.
 */
const ARTICLE_RATIO = 2;
const ENTITY_RATIO = 2.8;

function entityShardsFor(entityBytes: number, budget: number): number {
  return Math.max(1, Math.ceil((ENTITY_RATIO * entityBytes) / budget));
}

/**
 * `shards`: a number forces that many article shards (with as many entity shards as their
 * entities need); 'auto' keeps one index while its estimate is within `indexBudgetMB`, and
 * otherwise splits articles and entities, each into as many shards as the largest one needs to
 * fit `budgetMB`, from the one index's estimate (shards hold only their own terms, so their sizes
 * add up to about the one index's).
 */
export async function serializeWithinBudget(
  corpus: Corpus,
  meta: BuildMeta,
  shards: number | 'auto',
  budgetMB = DEFAULT_SHARD_BUDGET_MB,
  indexBudgetMB = DEFAULT_INDEX_BUDGET_MB,
  clock?: StageClock,
): Promise<{ index: SerializedIndex; estimates: number[] }> {
  const budget = budgetMB * 1e6;
  if (shards !== 'auto') {
    const index = await serializeIndex(corpus, {
      ...meta,
      shards,
      entityShards: meta.entityShards ?? entityShardsFor(stored(corpus.entities), budget),
    });
    clock?.lap('invert and serialize');
    return { index, estimates: estimatedMemory(index) };
  }
  // Inverted once: every try cuts the same postings into other shards.
  const inverted = invertCorpus(corpus);
  clock?.lap('invert');
  const indexBudget = indexBudgetMB * 1e6;
  const articleBytes = stored(corpus.articles) + stored(corpus.quotes);
  const entityBytes = stored(corpus.entities);
  // One index holds at least its documents: a large archive skips trying it.
  if (articleBytes + entityBytes <= indexBudget) {
    const index = await serializeIndex(corpus, { ...meta, shards: 1 }, inverted);
    clock?.lap('serialize one index');
    const estimates = estimatedMemory(index);
    if (estimates[0]! <= indexBudget) return { index, estimates };
  }
  let n = Math.max(2, Math.ceil((ARTICLE_RATIO * articleBytes) / budget));
  let m = entityShardsFor(entityBytes, budget);
  let index: SerializedIndex;
  let estimates: number[] = [];
  for (let tries = 0; tries < 8; tries++) {
    index = await serializeIndex(corpus, { ...meta, shards: n, entityShards: m }, inverted);
    clock?.lap(`serialize ${n} + ${m} shards`);
    estimates = estimatedMemory(index);
    const roles = shardRoles(index);
    const largest = (role: string) => Math.max(0, ...estimates.filter((_, i) => roles[i] === role));
    const [articles, entities] = [largest('articles'), largest('entities')];
    if ((articles <= budget && entities <= budget) || n >= MAX_SHARDS) return { index, estimates };
    if (articles > budget) n = Math.min(MAX_SHARDS, Math.max(n + 1, Math.ceil((n * articles) / budget)));
    if (entities > budget) m = Math.max(m + 1, Math.ceil((m * entities) / budget));
  }
  return { index: index!, estimates };
}
