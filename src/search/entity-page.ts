/** GET /entities/:id: the entity with its quotes, latest articles and the company it keeps. */
import type { Entity, Quote } from '../model/documents.js';
import { TYPE_CODE } from '../index/columns.js';
import type { LoadedIndex } from '../index/load.js';
import { articleAt, entityById, quoteAt } from './lookup.js';

export interface EntityPage extends Entity {
  type: 'entity';
  counts: { mentions: number; articles: number; quotes: number };
  /** Quotes the entity said (people), newest first. */
  quotes: Array<Pick<Quote, 'id' | 'text' | 'speaker' | 'cue' | 'articleId'> & { published: string | null }>;
  recentArticles: Array<{ id: string; title: string; published: string | null; publisher: string | null; url: string | null }>;
  /** Entities mentioned in the same articles, by number of shared articles. */
  related: Array<{ id: string; name: string; kind: Entity['kind']; sharedArticles: number }>;
}

const LIST = 10;
const { article: ARTICLE, quote: QUOTE } = TYPE_CODE;

/** Documents of one type holding `value` in `facet`, newest first (the order browsing keeps). */
function docsWith(index: LoadedIndex, facet: 'speaker' | Entity['kind'], value: string, type: number): number[] {
  const { dictionary, offsets, values } = index.columns.facet(facet);
  const v = dictionary.indexOf(value);
  if (v < 0) return [];
  const out: number[] = [];
  for (const doc of index.columns.newestFirst) {
    if (index.columns.type[doc] !== type) continue;
    for (let k = offsets[doc]!; k < offsets[doc + 1]!; k++) {
      if (values[k] === v) {
        out.push(doc);
        break;
      }
    }
  }
  return out;
}

export function entityPage(index: LoadedIndex, id: string): EntityPage | null {
  const entity = entityById(index, id);
  if (!entity) return null;
  const said = docsWith(index, 'speaker', id, QUOTE);
  const articles = docsWith(index, entity.kind, id, ARTICLE);

  const shared = new Map<string, number>();
  for (const doc of articles) {
    for (const kind of ['person', 'organization', 'place'] as const) {
      for (const other of index.columns.valuesOf(kind, doc)) {
        if (other !== id) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
  }
  const related = [...shared.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, LIST)
    .flatMap(([otherId, n]) => {
      const e = entityById(index, otherId);
      return e ? [{ id: e.id, name: e.name, kind: e.kind, sharedArticles: n }] : [];
    });

  return {
    type: 'entity',
    ...entity,
    counts: { mentions: entity.mentionCount, articles: entity.articleIds.length, quotes: said.length },
    quotes: said.slice(0, 20).map((doc) => {
      const q = quoteAt(index, doc);
      const article = index.columns.article[doc]!;
      return {
        id: q.id,
        text: q.text,
        speaker: q.speaker,
        cue: q.cue,
        articleId: q.articleId,
        published: article >= 0 ? articleAt(index, article).published : null,
      };
    }),
    recentArticles: articles.slice(0, LIST).map((doc) => {
      const a = articleAt(index, doc);
      return { id: a.id, title: a.title, published: a.published, publisher: a.publisher, url: a.url };
    }),
    related,
  };
}
