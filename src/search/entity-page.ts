/**
 * GET /entities/:id: the entity with its quotes, latest articles and the company it keeps.
 * Built from per-index parts (entityParts) so that shards each contribute theirs and the merge
 * (mergeEntityParts) gives the page one index would; the entity and the names of related
 * entities come from wherever entities are held (the index itself, or the entity shards).
 */

import { newerFirst, TYPE_CODE } from '../index/columns.js';
import type { LoadedIndex } from '../index/load.js';
import type { Entity, Quote } from '../model/documents.js';
import { articleAt, entityById, quoteAt } from './lookup.js';

type QuoteLine = Pick<Quote, 'id' | 'text' | 'speaker' | 'cue' | 'articleId'> & { published: string | null };
type ArticleLine = {
  id: string;
  title: string;
  published: string | null;
  publisher: string | null;
  url: string | null;
};
export type Related = { id: string; name: string; kind: Entity['kind']; sharedArticles: number };

export interface EntityPage extends Entity {
  type: 'entity';
  counts: { mentions: number; articles: number; quotes: number };
  /** Quotes the entity said (people), newest first. */
  quotes: QuoteLine[];
  recentArticles: ArticleLine[];
  /** Entities mentioned in the same articles, by number of shared articles. */
  related: Related[];
}

/** Newest first, undated last, then corpus order: the order of the index's newest-first list. */
export interface DateKey {
  published: number | null;
  global: number;
}

/** What one index (or one shard) holds about an entity's documents; the entity itself is looked up apart. */
export interface EntityParts {
  said: Array<DateKey & { line: QuoteLine }>;
  saidCount: number;
  articles: Array<DateKey & { line: ArticleLine }>;
  /** Every other entity sharing an article here, with the number of such articles. */
  shared: Array<[id: string, articles: number]>;
}

const QUOTES = 20;
const LIST = 10;
const { article: ARTICLE, quote: QUOTE } = TYPE_CODE;

/** Documents of one type holding `value` in `facet`, newest first (the order browsing keeps). */
function docsWith(
  index: LoadedIndex,
  facet: 'speaker' | Entity['kind'],
  value: string,
  type: number,
): number[] {
  const { dictionary, offsets, values } = index.columns.facet(facet);
  const v = dictionary.indexOf(value);
  if (v < 0) return [];
  const out: number[] = [];
  for (const doc of index.columns.newestFirst) {
    if (index.columns.type[doc] !== type || index.hidden?.[doc]) continue;
    for (let k = offsets[doc]!; k < offsets[doc + 1]!; k++) {
      if (values[k] === v) {
        out.push(doc);
        break;
      }
    }
  }
  return out;
}

function dateKey(index: LoadedIndex, doc: number): DateKey {
  const p = index.columns.published[doc]!;
  return { published: Number.isNaN(p) ? null : p, global: index.globalDocs[doc]! };
}

/** The entity's quotes and articles here, and the entities sharing them (`kind`: the entity's). */
export function entityParts(index: LoadedIndex, id: string, kind: Entity['kind']): EntityParts {
  const said = docsWith(index, 'speaker', id, QUOTE);
  const articles = docsWith(index, kind, id, ARTICLE);
  const shared = new Map<string, number>();
  for (const doc of articles) {
    for (const other of ['person', 'organization', 'place'] as const) {
      for (const value of index.columns.valuesOf(other, doc)) {
        if (value !== id) shared.set(value, (shared.get(value) ?? 0) + 1);
      }
    }
  }
  return {
    said: said.slice(0, QUOTES).map((doc) => {
      const q = quoteAt(index, doc);
      const article = index.columns.article[doc]!;
      const published = article >= 0 ? articleAt(index, article).published : null;
      return {
        ...dateKey(index, doc),
        line: { id: q.id, text: q.text, speaker: q.speaker, cue: q.cue, articleId: q.articleId, published },
      };
    }),
    saidCount: said.length,
    articles: articles.slice(0, LIST).map((doc) => {
      const a = articleAt(index, doc);
      return {
        ...dateKey(index, doc),
        line: { id: a.id, title: a.title, published: a.published, publisher: a.publisher, url: a.url },
      };
    }),
    shared: [...shared.entries()],
  };
}

function byDateKey(a: DateKey, b: DateKey): number {
  return newerFirst(a.published, b.published) || a.global - b.global;
}

/**
 * The entities sharing most articles with this one (ids and counts, the page's `related` before
 * their names are looked up): every value of the person, organization and place facets is an
 * entity, so none drops out once looked up.
 */
export function topShared(parts: EntityParts[]): Array<[string, number]> {
  const shared = new Map<string, number>();
  for (const p of parts) for (const [id, n] of p.shared) shared.set(id, (shared.get(id) ?? 0) + n);
  return [...shared.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, LIST);
}

/** The page from the entity, its parts (one per index or shard) and its related entities, looked up. */
export function mergeEntityParts(entity: Entity, parts: EntityParts[], related: Related[]): EntityPage {
  const said = parts.flatMap((p) => p.said).sort(byDateKey);
  return {
    type: 'entity',
    ...entity,
    counts: {
      mentions: entity.mentionCount,
      articles: entity.articleIds.length,
      quotes: parts.reduce((n, p) => n + p.saidCount, 0),
    },
    quotes: said.slice(0, QUOTES).map((s) => s.line),
    recentArticles: parts
      .flatMap((p) => p.articles)
      .sort(byDateKey)
      .slice(0, LIST)
      .map((a) => a.line),
    related,
  };
}

/** Related entities from their ids and counts and a lookup of entities (those not found are left out). */
export function relatedFrom(
  top: Array<[string, number]>,
  lookup: (id: string) => Pick<Entity, 'id' | 'name' | 'kind'> | null | undefined,
): Related[] {
  return top.flatMap(([id, n]) => {
    const e = lookup(id);
    return e ? [{ id: e.id, name: e.name, kind: e.kind, sharedArticles: n }] : [];
  });
}

export function entityPage(index: LoadedIndex, id: string): EntityPage | null {
  const entity = entityById(index, id);
  if (!entity) return null;
  const parts = [entityParts(index, id, entity.kind)];
  return mergeEntityParts(
    entity,
    parts,
    relatedFrom(topShared(parts), (other) => entityById(index, other)),
  );
}
