/**
 * Facets: the per-document values that filters test and facet counts add up.
 * Quotes inherit their article's publisher, section, authors, tags and date, so "quotes in
 * Politico in October" works; entity facets hold entity ids.
 */
import type { DocType, EntityKind } from '../model/documents.js';
import { indexId } from '../index/ids.js';
import type { LoadedIndex } from '../index/load.js';

export const FACETS = [
  'type',
  'publisher',
  'section',
  'author',
  'tags',
  'person',
  'organization',
  'place',
  'speaker',
  'published',
] as const;
export type FacetName = (typeof FACETS)[number];

export const ENTITY_FACETS: ReadonlySet<FacetName> = new Set<FacetName>(['person', 'organization', 'place', 'speaker']);

export interface DocRow {
  type: DocType;
  id: string;
  /** The article a quote belongs to; an article's own id. */
  articleId: string | null;
  /** Milliseconds since the epoch, or null when undated. */
  published: number | null;
  facets: Partial<Record<FacetName, string[]>>;
}

export interface DocTable {
  rows: Map<string, DocRow>;
  /** Newest published time in the index: recency is measured from here, not from "now". */
  newest: number | null;
  /** Every document key, newest first, undated last: browsing walks this instead of sorting. */
  newestFirst: string[];
}

function month(published: string | null): string[] {
  return published && /^\d{4}-\d{2}/.test(published) ? [published.slice(0, 7)] : [];
}

function time(published: string | null): number | null {
  if (!published) return null;
  const t = Date.parse(published);
  return Number.isNaN(t) ? null : t;
}

const tables = new WeakMap<LoadedIndex, DocTable>();

/** Built once per loaded index, on the first query that needs it. */
export function docTable(index: LoadedIndex): DocTable {
  const cached = tables.get(index);
  if (cached) return cached;

  const mentioned = new Map<string, Record<EntityKind, string[]>>();
  for (const e of Object.values(index.entities)) {
    for (const articleId of e.articleIds) {
      let kinds = mentioned.get(articleId);
      if (!kinds) mentioned.set(articleId, (kinds = { person: [], organization: [], place: [] }));
      kinds[e.kind].push(e.id);
    }
  }

  const rows = new Map<string, DocRow>();
  let newest: number | null = null;
  for (const a of Object.values(index.articles)) {
    const kinds = mentioned.get(a.id);
    const published = time(a.published);
    if (published !== null && (newest === null || published > newest)) newest = published;
    rows.set(indexId('article', a.id), {
      type: 'article',
      id: a.id,
      articleId: a.id,
      published,
      facets: {
        type: ['article'],
        publisher: a.publisher ? [a.publisher] : [],
        section: a.section ? [a.section] : [],
        author: a.authors,
        tags: a.tags,
        published: month(a.published),
        person: kinds?.person ?? [],
        organization: kinds?.organization ?? [],
        place: kinds?.place ?? [],
      },
    });
  }
  for (const q of Object.values(index.quotes)) {
    const article = rows.get(indexId('article', q.articleId));
    const about: Record<EntityKind, string[]> = { person: [], organization: [], place: [] };
    if (q.speakerId && index.entities[q.speakerId]?.kind === 'person') about.person.push(q.speakerId);
    for (const id of q.entityIds) {
      const kind = index.entities[id]?.kind;
      if (kind && !about[kind].includes(id)) about[kind].push(id);
    }
    const speaker = q.speakerId ?? q.speaker;
    const from = article?.facets;
    rows.set(indexId('quote', q.id), {
      type: 'quote',
      id: q.id,
      articleId: q.articleId,
      published: article?.published ?? null,
      facets: {
        type: ['quote'],
        publisher: from?.publisher ?? [],
        section: from?.section ?? [],
        author: from?.author ?? [],
        tags: from?.tags ?? [],
        published: from?.published ?? [],
        speaker: speaker ? [speaker] : [],
        ...about,
      },
    });
  }
  for (const e of Object.values(index.entities)) {
    rows.set(indexId('entity', e.id), {
      type: 'entity',
      id: e.id,
      articleId: null,
      published: null,
      facets: { type: ['entity'], [e.kind]: [e.id] },
    });
  }
  const newestFirst = [...rows.entries()]
    .sort(([, a], [, b]) => (a.published === b.published ? 0 : a.published === null ? 1 : b.published === null ? -1 : b.published - a.published))
    .map(([key]) => key);
  const table = { rows, newest, newestFirst };
  tables.set(index, table);
  return table;
}

export interface FacetValue {
  value: string;
  count: number;
  /** Entity facets: the entity's id and display name. */
  id?: string;
  name?: string;
  kind?: EntityKind;
}

export interface FacetCounts {
  values: FacetValue[];
  /** How many further values there are beyond `values`, and how many documents they hold. */
  other: number;
  otherCount: number;
  /** The `published` facet also counts whole years. */
  years?: FacetValue[];
}

export function describeValue(index: LoadedIndex, facet: FacetName, value: string, count: number): FacetValue {
  if (!ENTITY_FACETS.has(facet)) return { value, count };
  const entity = index.entities[value];
  return entity ? { value, count, id: entity.id, name: entity.name, kind: entity.kind } : { value, count, name: value };
}

export function summarize(index: LoadedIndex, facet: FacetName, counts: Map<string, number>, limit: number): FacetCounts {
  const all = [...counts.entries()];
  if (facet === 'published') all.sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0));
  else all.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = all.slice(0, limit);
  const rest = all.slice(limit);
  const result: FacetCounts = {
    values: shown.map(([v, c]) => describeValue(index, facet, v, c)),
    other: rest.length,
    otherCount: rest.reduce((sum, [, c]) => sum + c, 0),
  };
  if (facet === 'published') {
    const years = new Map<string, number>();
    for (const [v, c] of all) years.set(v.slice(0, 4), (years.get(v.slice(0, 4)) ?? 0) + c);
    result.years = [...years.entries()].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([value, count]) => ({ value, count }));
  }
  return result;
}
