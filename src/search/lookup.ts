/** Typed access to stored documents by number or by id. */
import { DOC_TYPES, type Article, type DocType, type Entity, type Quote } from '../model/documents.js';
import type { LoadedIndex } from '../index/load.js';

export function articleAt(index: LoadedIndex, doc: number): Article {
  return index.docs.get(doc) as Article;
}
export function quoteAt(index: LoadedIndex, doc: number): Quote {
  return index.docs.get(doc) as Quote;
}
export function entityAt(index: LoadedIndex, doc: number): Entity {
  return index.docs.get(doc) as Entity;
}

export function docById(index: LoadedIndex, type: DocType, id: string): number | undefined {
  return index.docs.find(type, id);
}

export function entityById(index: LoadedIndex, id: string): Entity | undefined {
  const doc = index.docs.find('entity', id);
  return doc === undefined ? undefined : entityAt(index, doc);
}

export function articleById(index: LoadedIndex, id: string): Article | undefined {
  const doc = index.docs.find('article', id);
  return doc === undefined ? undefined : articleAt(index, doc);
}

/** Every stored document of one type, in document order (parses them all: for tools and tests). */
export function allOfType<T extends DocType>(index: LoadedIndex, type: T): Array<{ article: Article; quote: Quote; entity: Entity }[T]> {
  const code = DOC_TYPES.indexOf(type);
  const out: Array<{ article: Article; quote: Quote; entity: Entity }[T]> = [];
  index.columns.type.forEach((t, doc) => {
    if (t === code) out.push(index.docs.get(doc) as { article: Article; quote: Quote; entity: Entity }[T]);
  });
  return out;
}
