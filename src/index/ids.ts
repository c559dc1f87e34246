import type { DocType } from '../model/documents.js';

/**
 * MiniSearch holds all three document types in one index, so its ids carry the type:
 * article, quote and entity ids come from different sources and may collide.
 */
const PREFIX: Record<DocType, string> = { article: 'a', quote: 'q', entity: 'e' };
const TYPE_OF: Record<string, DocType> = { a: 'article', q: 'quote', e: 'entity' };

export function indexId(type: DocType, id: string): string {
  return `${PREFIX[type]}:${id}`;
}

export function parseIndexId(indexed: string): { type: DocType; id: string } {
  const type = TYPE_OF[indexed.slice(0, 1)];
  if (!type || indexed[1] !== ':') throw new Error(`Malformed index id: ${indexed}`);
  return { type, id: indexed.slice(2) };
}
