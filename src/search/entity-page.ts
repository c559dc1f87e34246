/** GET /entities/:id: the entity with its quotes, latest articles and the company it keeps. */
import type { Entity, Quote } from '../model/documents.js';
import { indexId } from '../index/ids.js';
import type { LoadedIndex } from '../index/load.js';
import { docTable } from './facets.js';

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

export function entityPage(index: LoadedIndex, id: string): EntityPage | null {
  const entity = Object.hasOwn(index.entities, id) ? index.entities[id] : undefined;
  if (!entity) return null;
  const rows = docTable(index).rows;
  const published = (articleId: string) => rows.get(indexId('article', articleId))?.published ?? -Infinity;

  const said = Object.values(index.quotes)
    .filter((q) => q.speakerId === id)
    .sort((a, b) => published(b.articleId) - published(a.articleId));

  const articles = [...entity.articleIds].sort((a, b) => published(b) - published(a));

  const shared = new Map<string, number>();
  for (const articleId of entity.articleIds) {
    const facets = rows.get(indexId('article', articleId))?.facets;
    for (const other of [...(facets?.person ?? []), ...(facets?.organization ?? []), ...(facets?.place ?? [])]) {
      if (other !== id) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  const related = [...shared.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, LIST)
    .flatMap(([otherId, n]) => {
      const e = index.entities[otherId];
      return e ? [{ id: e.id, name: e.name, kind: e.kind, sharedArticles: n }] : [];
    });

  return {
    type: 'entity',
    ...entity,
    counts: { mentions: entity.mentionCount, articles: entity.articleIds.length, quotes: said.length },
    quotes: said.slice(0, 20).map((q) => ({
      id: q.id,
      text: q.text,
      speaker: q.speaker,
      cue: q.cue,
      articleId: q.articleId,
      published: index.articles[q.articleId]?.published ?? null,
    })),
    recentArticles: articles.slice(0, LIST).flatMap((articleId) => {
      const a = index.articles[articleId];
      return a ? [{ id: a.id, title: a.title, published: a.published, publisher: a.publisher, url: a.url }] : [];
    }),
    related,
  };
}
