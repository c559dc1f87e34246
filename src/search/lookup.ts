/** Typed access to stored documents by number or by id. */

import type { LoadedIndex } from '../index/load.js';
import { type Article, DOC_TYPES, type DocType, type Entity, type Quote } from '../model/documents.js';

export function articleAt(index: LoadedIndex, doc: number): Article {
  return index.docs.get(doc) as Article;
}
export function quoteAt(index: LoadedIndex, doc: number): Quote {
  return index.docs.get(doc) as Quote;
}
export function entityAt(index: LoadedIndex, doc: number): Entity {
  return index.docs.get(doc) as Entity;
}

type Stored<T extends DocType> = { article: Article; quote: Quote; entity: Entity }[T];

/** The stored document of a type and id, or undefined. */
export function storedById<T extends DocType>(
  index: LoadedIndex,
  type: T,
  id: string,
): Stored<T> | undefined {
  const doc = index.docs.find(type, id);
  // A live update hides a replaced or deleted article and its quotes; entities stay, for pages and facets.
  return doc === undefined || (type !== 'entity' && index.hidden?.[doc])
    ? undefined
    : (index.docs.get(doc) as Stored<T>);
}

export function entityById(index: LoadedIndex, id: string): Entity | undefined {
  return storedById(index, 'entity', id);
}

export function articleById(index: LoadedIndex, id: string): Article | undefined {
  return storedById(index, 'article', id);
}

/** Every stored document of one type, in document order (parses them all: for tools and tests). */
export function allOfType<T extends DocType>(index: LoadedIndex, type: T): Array<Stored<T>> {
  const code = DOC_TYPES.indexOf(type);
  const out: Array<Stored<T>> = [];
  index.columns.type.forEach((t, doc) => {
    if (t === code) out.push(index.docs.get(doc) as Stored<T>);
  });
  return out;
}
