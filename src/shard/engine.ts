/**
 * The engine over a sharded index: fans each request out to the shards, merges their parts, and
 * says so when a shard did not answer. What a shard answers is plain JSON (ShardClient), so a
 * shard can live in this isolate (localShardClient, for tests and tools) or in a Durable Object.
 */

import type { StoredDoc } from '../index/docs.js';
import type { LoadedIndex } from '../index/load.js';
import type { Manifest } from '../index/manifest.js';
import { shardOf } from '../index/shard-of.js';
import type { DocType } from '../model/documents.js';
import type { SearchEngine } from '../search/engine.js';
import { type EntityParts, entityParts, mergeEntityParts } from '../search/entity-page.js';
import { facetValueMatches, mergeFacetValues } from '../search/facet-values.js';
import { describeValue, ENTITY_FACETS, type FacetName, type FacetValue } from '../search/facets.js';
import type { SearchHit } from '../search/hits.js';
import { storedById } from '../search/lookup.js';
import type { PartialAnswer, SearchParams } from '../search/search.js';
import { type Suggestion, suggest } from '../search/suggest.js';
import {
  answerSearch,
  mergeSearch,
  needsAnyWord,
  renderHits,
  type ShardSearchAnswer,
  valuesToDescribe,
} from './search.js';

export interface ShardClient {
  /** Resolves once the shard is loaded and can answer. */
  warm(): Promise<void>;
  search(params: SearchParams, mode: 'all' | 'any'): Promise<ShardSearchAnswer>;
  /** Hits of a deeper page: the listed documents with these corpus-wide numbers. */
  renderHits(params: SearchParams, mode: 'all' | 'any', globals: number[]): Promise<SearchHit[]>;
  entityParts(id: string): Promise<EntityParts | null>;
  facetValues(facet: FacetName, q: string): Promise<FacetValue[]>;
  suggest(q: string, limit: number): Promise<Suggestion[]>;
  document(type: Exclude<DocType, 'entity'>, id: string): Promise<StoredDoc | null>;
  /** Facet values with their entity's id, name and kind (every shard holds every entity). */
  describe(values: Array<[FacetName, string]>): Promise<FacetValue[]>;
}

export function localShardClient(index: LoadedIndex): ShardClient {
  return {
    warm: async () => {},
    search: async (params, mode) => answerSearch(index, params, mode),
    renderHits: async (params, mode, globals) => renderHits(index, params, mode, globals),
    entityParts: async (id) => entityParts(index, id),
    facetValues: async (facet, q) => facetValueMatches(index, facet, q),
    suggest: async (q, limit) => suggest(index, q, limit),
    document: async (type, id) => storedById(index, type, id) ?? null,
    describe: async (values) => values.map(([facet, value]) => describeValue(index, facet, value, 0)),
  };
}

/** A shard that failed or timed out: the answer says which, never pretends to be whole. */
export class ShardUnavailableError extends Error {
  constructor(
    readonly shards: number[],
    cause: string,
  ) {
    super(`Shard ${shards.join(', ')} did not answer: ${cause}`);
    this.name = 'ShardUnavailableError';
  }
}

export interface ShardedOptions {
  /** Milliseconds to wait for each shard. */
  timeoutMs?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function shardedEngine(
  manifest: Manifest,
  clients: ShardClient[],
  options: ShardedOptions = {},
): SearchEngine {
  const timeoutMs = options.timeoutMs ?? 5000;

  /** Every shard's answer; the failed ones listed apart (their errors go to the log). */
  async function all<T>(
    ask: (c: ShardClient) => Promise<T>,
  ): Promise<{ answers: T[]; from: number[]; failed: number[] }> {
    const settled = await Promise.allSettled(clients.map((c) => withTimeout(ask(c), timeoutMs)));
    const answers: T[] = [];
    const from: number[] = [];
    const failed: number[] = [];
    settled.forEach((s, i) => {
      if (s.status === 'fulfilled') {
        answers.push(s.value);
        from.push(i);
      } else {
        failed.push(i);
        console.error(`shard ${i} of ${manifest.version} failed:`, s.reason);
      }
    });
    return { answers, from, failed };
  }

  async function one<T>(shard: number, ask: (c: ShardClient) => Promise<T>): Promise<T> {
    try {
      return await withTimeout(ask(clients[shard]!), timeoutMs);
    } catch (err) {
      console.error(`shard ${shard} of ${manifest.version} failed:`, err);
      throw new ShardUnavailableError([shard], (err as Error).message);
    }
  }

  /** Entity facet values, described by the first shard that answers. */
  async function described(pairs: Array<[FacetName, string]>): Promise<Map<string, FacetValue>> {
    const out = new Map<string, FacetValue>();
    if (pairs.length === 0) return out;
    for (const [i] of clients.entries()) {
      try {
        const found = await one(i, (c) => c.describe(pairs));
        found.forEach((v, k) => {
          out.set(`${pairs[k]![0]}\u0000${pairs[k]![1]}`, v);
        });
        return out;
      } catch {
        // Try the next shard: every shard can describe every entity.
      }
    }
    return out;
  }

  const partial = <R extends object>(result: R, failed: number[]): R & { partial?: PartialAnswer } =>
    failed.length > 0 ? { ...result, partial: { failedShards: failed } } : result;

  return {
    manifest,
    async search(params) {
      let mode: 'all' | 'any' = 'all';
      let { answers, from, failed } = await all((c) => c.search(params, 'all'));
      if (answers.length === 0) throw new ShardUnavailableError(failed, 'every shard failed');
      if (needsAnyWord(params, answers)) {
        const second = await all((c) => c.search(params, 'any'));
        if (second.answers.some((a) => a.more > 0))
          ({ answers, from, failed, mode } = { ...second, mode: 'any' as const });
      }
      const { page, ...result } = mergeSearch(params, answers);
      // A deeper page: the shards render the hits they hold on it.
      if (page.some((e) => !e.hit)) {
        const byShard = new Map<number, number[]>();
        for (const e of page) if (!e.hit) byShard.set(e.from, [...(byShard.get(e.from) ?? []), e.key.global]);
        const rendered = new Map<number, SearchHit>();
        await Promise.all(
          [...byShard].map(async ([at, globals]) => {
            const hits = await one(from[at]!, (c) => c.renderHits(params, mode, globals));
            hits.forEach((h, k) => {
              rendered.set(globals[k]!, h);
            });
          }),
        );
        result.hits = page.flatMap((e) => {
          const hit = e.hit ?? rendered.get(e.key.global);
          return hit ? [hit] : [];
        });
      }
      const names = await described(valuesToDescribe(result));
      for (const [facet, counts] of Object.entries(result.facets ?? {})) {
        counts!.values = counts!.values.map((v) => {
          const d = names.get(`${facet}\u0000${v.value}`);
          return d ? { ...d, count: v.count } : v;
        });
      }
      return partial(result, failed);
    },
    // The lexicon and the entity table are the corpus's own in every shard: one shard answers.
    suggest: (q, limit) => one(0, (c) => c.suggest(q, limit)),
    async facetValues(facet, q, limit) {
      const { answers, failed } = await all((c) => c.facetValues(facet, q));
      if (answers.length === 0) throw new ShardUnavailableError(failed, 'every shard failed');
      const merged = mergeFacetValues(answers, limit);
      if (ENTITY_FACETS.has(facet)) {
        const names = await described(merged.values.map((v) => [facet, v.value]));
        merged.values = merged.values.map((v) => {
          const d = names.get(`${facet}\u0000${v.value}`);
          return d ? { ...d, count: v.count } : v;
        });
      }
      return partial(merged, failed);
    },
    async entityPage(id) {
      const { answers, failed } = await all((c) => c.entityParts(id));
      // A page missing one shard's quotes or articles would be silently wrong: refuse it.
      if (failed.length > 0) throw new ShardUnavailableError(failed, 'an entity page needs every shard');
      return mergeEntityParts(answers.filter((p): p is EntityParts => p !== null));
    },
    document(type, id) {
      // An article and its quotes live in the shard its id hashes to.
      const articleId = type === 'quote' ? id.replace(/#q\d+$/, '') : id;
      return one(shardOf(articleId, clients.length), (c) => c.document(type, id));
    },
  };
}
