/**
 * The engine over a sharded index: fans each request out to the shards that can answer it, merges
 * their parts as one index would, and says so when a shard did not answer. A sharded version has
 * three kinds of shards (the manifest's `role`): article shards (articles and their quotes, by a
 * hash of the article id), entity shards (entities, by a hash of the entity id) and one
 * dictionary (every term of the corpus with its frequency, and the lexicon), which decides typo
 * and prefix expansions, completions and corrections for the whole corpus
 * (docs/design.md › Growing past one isolate). What a shard answers is plain JSON (ShardClient),
 * so a shard can live in this isolate (localShardClient, for tests and tools) or in a Durable
 * Object.
 */

import type { StoredDoc } from '../index/docs.js';
import { IndexUnavailableError, type LoadedIndex } from '../index/load.js';
import type { Manifest } from '../index/manifest.js';
import { shardOf } from '../index/shard-of.js';
import type { DocType, Entity } from '../model/documents.js';
import type { SearchEngine } from '../search/engine.js';
import {
  type EntityParts,
  entityParts,
  mergeEntityParts,
  relatedFrom,
  topShared,
} from '../search/entity-page.js';
import { entityLabelMatches, facetValueMatches, mergeFacetValues } from '../search/facet-values.js';
import { describeWith, ENTITY_FACETS, type FacetName, type FacetValue } from '../search/facets.js';
import type { SearchHit } from '../search/hits.js';
import { entityById, storedById } from '../search/lookup.js';
import { needsExpansions, PHRASE_TEXT_BUDGET, queryExpansions } from '../search/match.js';
import { words } from '../search/query.js';
import type { Expansions } from '../search/score.js';
import type { PartialAnswer, SearchParams } from '../search/search.js';
import {
  didYouMean,
  mergeNameMatches,
  mergeNearNames,
  type NameMatches,
  type NearNames,
  nameMatches,
  namePrefix,
  nearNameMatches,
  rankSuggestions,
  type TermSuggestions,
  termSuggestions,
  wantsNearNames,
} from '../search/suggest.js';
import {
  answerSearch,
  mergeSearch,
  needsAnyWord,
  renderHits,
  type ShardSearchAnswer,
  valuesToDescribe,
} from './search.js';

/** An entity as facet values and related entities name it. */
export type EntityName = Pick<Entity, 'id' | 'name' | 'kind'>;

/** What the engine asks a shard; each shard answers the questions of its role. */
export interface ShardClient {
  /** Resolves once the shard is loaded and can answer. */
  warm(): Promise<void>;

  // Article and entity shards: the documents they hold.
  /** `render` (default true): whether the answer carries its first hits rendered (see answerSearch). */
  search(
    params: SearchParams,
    mode: 'all' | 'any',
    expansions: Expansions | null,
    render?: boolean,
  ): Promise<ShardSearchAnswer>;
  /** Hits of a deeper page: the listed documents with these corpus-wide numbers. */
  renderHits(
    params: SearchParams,
    mode: 'all' | 'any',
    globals: number[],
    expansions: Expansions | null,
  ): Promise<SearchHit[]>;
  /** Values of a facet matching `q`, counted here; `matched`: entities held elsewhere whose names match `q`. */
  facetValues(facet: FacetName, q: string, matched: string[] | null): Promise<FacetValue[]>;
  entityParts(id: string, kind: Entity['kind']): Promise<EntityParts>;
  document(type: Exclude<DocType, 'entity'>, id: string): Promise<StoredDoc | null>;

  // Entity shards: the entities themselves.
  entity(id: string): Promise<Entity | null>;
  names(ids: string[]): Promise<Array<EntityName | null>>;
  nameMatches(prefix: string): Promise<NameMatches>;
  /** Name keys within the typo budget of the typed words (asked when the names found leave room). */
  nearNames(typed: string): Promise<NearNames>;
  /** Ids of the entities held here whose name or an alias matches `q`. */
  labelMatches(q: string): Promise<string[]>;

  // The dictionary: the corpus's terms.
  expansions(q: string): Promise<Expansions>;
  /** Word completions and words near the last one, as many as a ranking of `limit` could show. */
  completions(q: string, limit: number): Promise<TermSuggestions>;
  didYouMean(q: string): Promise<string | null>;
}

export function localShardClient(index: LoadedIndex): ShardClient {
  return {
    warm: async () => {},
    search: async (params, mode, expansions, render) =>
      answerSearch(index, params, mode, expansions ?? undefined, render ?? true),
    renderHits: async (params, mode, globals, expansions) =>
      renderHits(index, params, mode, globals, expansions ?? undefined),
    facetValues: async (facet, q, matched) =>
      facetValueMatches(index, facet, q, matched ? new Set(matched) : undefined),
    entityParts: async (id, kind) => entityParts(index, id, kind),
    document: async (type, id) => storedById(index, type, id) ?? null,
    entity: async (id) => entityById(index, id) ?? null,
    names: async (ids) =>
      ids.map((id) => {
        const e = entityById(index, id);
        return e ? { id: e.id, name: e.name, kind: e.kind } : null;
      }),
    nameMatches: async (prefix) => nameMatches(index, prefix),
    nearNames: async (typed) => nearNameMatches(index, typed),
    labelMatches: async (q) => entityLabelMatches(index, q),
    expansions: async (q) => queryExpansions(index, q),
    completions: async (q, limit) => termSuggestions(index, q, limit),
    didYouMean: async (q) => didYouMean(index, q),
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

/** The shards of each role, as positions in the manifest's list. */
export function shardRoles(manifest: Manifest): {
  articles: number[];
  entities: number[];
  dictionary: number;
} {
  const shards = manifest.shards ?? [];
  const of = (role: string) => shards.flatMap((s, i) => (s.role === role ? [i] : []));
  const [dictionary, ...more] = of('dictionary');
  const articles = of('articles');
  const entities = of('entities');
  if (dictionary === undefined || more.length > 0 || articles.length === 0 || entities.length === 0)
    throw new IndexUnavailableError(
      'index_incompatible',
      `Index ${manifest.version} was split by an older build (every shard held every term and entity): rebuild it`,
    );
  return { articles, entities, dictionary };
}

/** Document shards up to which each renders its first hits (see renderEach). */
const RENDER_EACH_UP_TO = 3;

export function shardedEngine(
  manifest: Manifest,
  clients: ShardClient[],
  options: ShardedOptions = {},
): SearchEngine {
  const timeoutMs = options.timeoutMs ?? 5000;
  const roles = shardRoles(manifest);
  /** Shards that hold searchable documents: article shards, then entity shards. */
  const documents = [...roles.articles, ...roles.entities];
  const entityHome = (id: string) => roles.entities[shardOf(id, roles.entities.length)]!;
  /**
   * Whether each shard renders its first hits: with a few shards that saves a round trip; with
   * more, the page's hits are asked of the shards that hold them, so that n shards do not each
   * render a page (parse stored documents, cut snippets) for the one page shown.
   */
  const renderEach = documents.length <= RENDER_EACH_UP_TO;

  /** The answers of these shards; the failed ones listed apart (their errors go to the log). */
  async function all<T>(
    shards: number[],
    ask: (c: ShardClient) => Promise<T>,
  ): Promise<{ answers: T[]; from: number[]; failed: number[] }> {
    const settled = await Promise.allSettled(shards.map((i) => withTimeout(ask(clients[i]!), timeoutMs)));
    const answers: T[] = [];
    const from: number[] = [];
    const failed: number[] = [];
    settled.forEach((s, k) => {
      if (s.status === 'fulfilled') {
        answers.push(s.value);
        from.push(shards[k]!);
      } else {
        failed.push(shards[k]!);
        console.error(`shard ${shards[k]} of ${manifest.version} failed:`, s.reason);
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

  /** Names of entities, each asked of the entity shard that holds it; a failed shard's stay unknown. */
  async function names(ids: string[], strict = false): Promise<Map<string, EntityName>> {
    const out = new Map<string, EntityName>();
    const byShard = new Map<number, string[]>();
    for (const id of new Set(ids)) byShard.set(entityHome(id), [...(byShard.get(entityHome(id)) ?? []), id]);
    await Promise.all(
      [...byShard].map(async ([shard, list]) => {
        try {
          const found = await one(shard, (c) => c.names(list));
          found.forEach((e, k) => {
            if (e) out.set(list[k]!, e);
          });
        } catch (err) {
          if (strict) throw err;
        }
      }),
    );
    return out;
  }

  /** Entity facet values named after their entities (counts unchanged). */
  async function describe<V extends { value: string; count: number }>(
    pairs: Array<[FacetName, V]>,
  ): Promise<FacetValue[]> {
    const found = await names(pairs.filter(([facet]) => ENTITY_FACETS.has(facet)).map(([, v]) => v.value));
    return pairs.map(([facet, v]) => describeWith(facet, v.value, v.count, found.get(v.value)));
  }

  const partial = <R extends object>(result: R, failed: number[]): R & { partial?: PartialAnswer } =>
    failed.length > 0 ? { ...result, partial: { failedShards: failed } } : result;

  return {
    manifest,
    async search(request) {
      // One index's phrase budget shared by the shards that read text: a phrase query reads at
      // most what one index would read, not that much again per shard.
      const params =
        request.phraseBudget === undefined
          ? { ...request, phraseBudget: Math.ceil(PHRASE_TEXT_BUDGET / documents.length) }
          : request;
      const failedToo: number[] = [];
      let expansions: Expansions | null = null;
      if (params.q.trim() && needsExpansions(params.q)) {
        // Without the dictionary each shard expands over its own terms: an answer, flagged partial.
        try {
          expansions = await one(roles.dictionary, (c) => c.expansions(params.q));
        } catch {
          failedToo.push(roles.dictionary);
        }
      }
      let mode: 'all' | 'any' = 'all';
      let { answers, from, failed } = await all(documents, (c) =>
        c.search(params, 'all', expansions, renderEach),
      );
      if (answers.length === 0) throw new ShardUnavailableError(failed, 'every shard failed');
      if (needsAnyWord(params, answers)) {
        const second = await all(documents, (c) => c.search(params, 'any', expansions, renderEach));
        if (second.answers.some((a) => a.more > 0))
          ({ answers, from, failed, mode } = { ...second, mode: 'any' as const });
      }
      const { page, ...result } = mergeSearch(params, answers);
      // A deeper page, or shards that sent keys only: the shards render the hits they hold on it.
      if (page.some((e) => !e.hit)) {
        const byShard = new Map<number, number[]>();
        for (const e of page) if (!e.hit) byShard.set(e.from, [...(byShard.get(e.from) ?? []), e.key.global]);
        const rendered = new Map<number, SearchHit>();
        await Promise.all(
          [...byShard].map(async ([at, globals]) => {
            const hits = await one(from[at]!, (c) => c.renderHits(params, mode, globals, expansions));
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
      if (result.didYouMean === null) {
        try {
          result.didYouMean = await one(roles.dictionary, (c) => c.didYouMean(params.q));
        } catch {
          failedToo.push(roles.dictionary);
        }
      }
      const shown = valuesToDescribe(result);
      if (shown.length > 0) {
        const found = await names(shown.map(([, value]) => value));
        for (const [facet, counts] of Object.entries(result.facets ?? {})) {
          counts!.values = counts!.values.map((v) =>
            describeWith(facet as FacetName, v.value, v.count, found.get(v.value)),
          );
        }
      }
      return partial(
        result,
        [...new Set([...failed, ...failedToo])].sort((a, b) => a - b),
      );
    },
    async suggest(q, limit) {
      const prefix = namePrefix(q);
      if (prefix === null) return [];
      const [matches, terms] = await Promise.all([
        all(roles.entities, (c) => c.nameMatches(prefix)),
        one(roles.dictionary, (c) => c.completions(q, limit)),
      ]);
      if (matches.failed.length > 0)
        throw new ShardUnavailableError(matches.failed, 'suggestions need every entity shard');
      const names = mergeNameMatches(matches.answers);
      let near: NearNames | null = null;
      if (wantsNearNames(names, prefix, limit)) {
        const found = await all(roles.entities, (c) => c.nearNames(prefix));
        if (found.failed.length > 0)
          throw new ShardUnavailableError(found.failed, 'suggestions need every entity shard');
        near = mergeNearNames(found.answers);
      }
      return rankSuggestions(q, names, near, terms, limit);
    },
    async facetValues(facet, q, limit) {
      let matched: string[] | null = null;
      let failedFirst: number[] = [];
      if (ENTITY_FACETS.has(facet) && words(q).length > 0) {
        const found = await all(roles.entities, (c) => c.labelMatches(q));
        matched = found.answers.flat();
        failedFirst = found.failed;
      }
      const { answers, failed } = await all(documents, (c) => c.facetValues(facet, q, matched));
      if (answers.length === 0) throw new ShardUnavailableError(failed, 'every shard failed');
      const merged = mergeFacetValues(answers, limit);
      const values = ENTITY_FACETS.has(facet)
        ? await describe(merged.values.map((v) => [facet, v] as [FacetName, FacetValue]))
        : merged.values;
      return partial(
        { ...merged, values },
        [...new Set([...failedFirst, ...failed])].sort((a, b) => a - b),
      );
    },
    async entityPage(id) {
      const entity = await one(entityHome(id), (c) => c.entity(id));
      if (!entity) return null;
      const { answers, failed } = await all(roles.articles, (c) => c.entityParts(id, entity.kind));
      // A page missing one shard's quotes or articles would be silently wrong: refuse it.
      if (failed.length > 0) throw new ShardUnavailableError(failed, 'an entity page needs every shard');
      const top = topShared(answers);
      const found = await names(
        top.map(([other]) => other),
        true,
      );
      return mergeEntityParts(
        entity,
        answers,
        relatedFrom(top, (other) => found.get(other)),
      );
    },
    document(type, id) {
      // An article and its quotes live in the article shard its id hashes to.
      const articleId = type === 'quote' ? id.replace(/#q\d+$/, '') : id;
      return one(roles.articles[shardOf(articleId, roles.articles.length)]!, (c) => c.document(type, id));
    },
  };
}
