/**
 * Facet columns: per document number, its type, its article, its date and its values of every
 * facet, computed at build time and stored as typed arrays. Filtering and counting a match set
 * then reads integers instead of walking stored objects, and nothing has to be derived when an
 * isolate loads the index.
 *
 * Quotes inherit their article's publisher, section, authors, tags and date, so "quotes in
 * Politico in October" works; entity facets hold entity ids.
 */
import type { Corpus } from '../model/corpus.js';
import { DOC_TYPES, type DocType, type EntityKind } from '../model/documents.js';
import { slug } from '../model/slug.js';
import type { SectionArray, Sections } from './sections.js';

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

/** The `doc:type` column's codes: positions in DOC_TYPES. */
export const TYPE_CODE = { article: 0, quote: 1, entity: 2 } as const satisfies Record<DocType, number>;

export const ENTITY_FACETS: ReadonlySet<FacetName> = new Set<FacetName>([
  'person',
  'organization',
  'place',
  'speaker',
]);

/** What the JSON header carries for the columns: the value dictionaries and the newest date. */
export interface ColumnsHeader {
  dictionaries: Record<FacetName, string[]>;
  newest: number | null;
  /**
   * A shard whose entities are held by other shards: per entity facet, the dictionary positions
   * of values that are not entity ids (a speaker named but not linked to a person); every other
   * value of that facet is an entity held elsewhere. Absent: entities are held here.
   */
  plain?: Partial<Record<FacetName, number[]>>;
}

function month(published: string | null): string[] {
  return published && /^\d{4}-\d{2}/.test(published) ? [published.slice(0, 7)] : [];
}

function time(published: string | null): number {
  if (!published) return NaN;
  return Date.parse(published);
}

type DocFacets = Partial<Record<FacetName, string[]>>;

/**
 * Newest first, undated (NaN or null) last; 0 for equal dates. Every date order (browsing, sort
 * by date, entity pages, merged shard answers) breaks its ties on top of this one.
 */
export function newerFirst(a: number | null, b: number | null): number {
  const undatedA = a === null || Number.isNaN(a);
  const undatedB = b === null || Number.isNaN(b);
  if (undatedA || undatedB) return undatedA === undatedB ? 0 : undatedA ? 1 : -1;
  return b - a;
}

export interface ColumnOptions {
  /** Whether the entities are documents here (default) or only name the entity facets of the others. */
  entityDocs?: boolean;
  /** The newest date of the whole corpus, when this is one shard of it. */
  newest?: number | null;
}

type Mentioned = Map<string, Record<EntityKind, string[]>>;

/**
 * Each entity's kind, and the entities each article mentions by kind: computed once per entity
 * list, which every article shard of a sharded build reads whole (its articles' facets name them).
 */
const entityFacetsMemo = new WeakMap<
  Corpus['entities'],
  { kindOf: Map<string, EntityKind>; mentioned: Mentioned }
>();

function entityFacets(entities: Corpus['entities']): {
  kindOf: Map<string, EntityKind>;
  mentioned: Mentioned;
} {
  const memo = entityFacetsMemo.get(entities);
  if (memo) return memo;
  const kindOf = new Map(entities.map((e) => [e.id, e.kind]));
  const mentioned: Mentioned = new Map();
  for (const e of entities) {
    // A place in a country the archive names as a place of its own also files the article under
    // that country, so that the country's filter finds the articles about its cities.
    const countryId = e.kind === 'place' && e.country ? `place-${slug(e.country.name)}` : null;
    const inCountry = countryId && countryId !== e.id && kindOf.get(countryId) === 'place' ? countryId : null;
    for (const articleId of e.articleIds) {
      let kinds = mentioned.get(articleId);
      if (!kinds) mentioned.set(articleId, (kinds = { person: [], organization: [], place: [] }));
      if (!kinds[e.kind].includes(e.id)) kinds[e.kind].push(e.id);
      if (inCountry && !kinds.place.includes(inCountry)) kinds.place.push(inCountry);
    }
  }
  const found = { kindOf, mentioned };
  entityFacetsMemo.set(entities, found);
  return found;
}

/** Documents are numbered articles first, then quotes, then entities (see toIndexDocs), when they are documents here. */
export function buildColumns(
  corpus: Corpus,
  options: ColumnOptions = {},
): { header: ColumnsHeader; sections: Record<string, SectionArray> } {
  const entityDocs = options.entityDocs ?? true;
  const n = corpus.articles.length + corpus.quotes.length + (entityDocs ? corpus.entities.length : 0);
  const type = new Uint8Array(n);
  const article = new Int32Array(n).fill(-1);
  const published = new Float64Array(n).fill(NaN);
  const facets: DocFacets[] = [];

  const { kindOf, mentioned } = entityFacets(corpus.entities);
  const articleDoc = new Map<string, number>();
  let d = 0;
  for (const a of corpus.articles) {
    const kinds = mentioned.get(a.id);
    articleDoc.set(a.id, d);
    type[d] = TYPE_CODE.article;
    article[d] = d;
    published[d] = time(a.published);
    facets.push({
      type: ['article'],
      publisher: a.publisher ? [a.publisher] : [],
      section: a.section ? [a.section] : [],
      author: a.authors,
      tags: a.tags,
      published: month(a.published),
      person: kinds?.person ?? [],
      organization: kinds?.organization ?? [],
      place: kinds?.place ?? [],
    });
    d++;
  }
  for (const q of corpus.quotes) {
    const from = articleDoc.get(q.articleId);
    const inherited = from === undefined ? {} : facets[from]!;
    const about: Record<EntityKind, string[]> = { person: [], organization: [], place: [] };
    if (q.speakerId && kindOf.get(q.speakerId) === 'person') about.person.push(q.speakerId);
    for (const id of q.entityIds) {
      const kind = kindOf.get(id);
      if (kind && !about[kind].includes(id)) about[kind].push(id);
    }
    const speaker = q.speakerId ?? q.speaker;
    type[d] = TYPE_CODE.quote;
    article[d] = from ?? -1;
    published[d] = from === undefined ? NaN : published[from]!;
    facets.push({
      type: ['quote'],
      publisher: inherited.publisher ?? [],
      section: inherited.section ?? [],
      author: inherited.author ?? [],
      tags: inherited.tags ?? [],
      published: inherited.published ?? [],
      speaker: speaker ? [speaker] : [],
      ...about,
    });
    d++;
  }
  for (const e of entityDocs ? corpus.entities : []) {
    type[d] = TYPE_CODE.entity;
    facets.push({ type: ['entity'], [e.kind]: [e.id] });
    d++;
  }

  const sections: Record<string, SectionArray> = {
    'doc:type': type,
    'doc:article': article,
    'doc:published': published,
  };
  const dictionaries = {} as Record<FacetName, string[]>;
  for (const facet of FACETS) {
    const dict: string[] = [];
    const ids = new Map<string, number>();
    const offsets = new Uint32Array(n + 1);
    const values: number[] = [];
    for (let i = 0; i < n; i++) {
      for (const v of new Set(facets[i]![facet] ?? [])) {
        let id = ids.get(v);
        if (id === undefined) {
          ids.set(v, (id = dict.length));
          dict.push(v);
        }
        values.push(id);
      }
      offsets[i + 1] = values.length;
    }
    dictionaries[facet] = dict;
    sections[`facet:${facet}:offsets`] = offsets;
    sections[`facet:${facet}:values`] = Uint32Array.from(values);
  }

  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => newerFirst(published[a]!, published[b]!) || a - b,
  );
  sections['doc:newestFirst'] = Uint32Array.from(order);
  let newest: number | null = null;
  for (const p of published) if (!Number.isNaN(p) && (newest === null || p > newest)) newest = p;
  return {
    header: { dictionaries, newest: options.newest === undefined ? newest : options.newest },
    sections,
  };
}

/** One facet's values per document: document d holds values[offsets[d] .. offsets[d + 1]). */
export interface FacetColumn {
  dictionary: string[];
  offsets: Uint32Array;
  values: Uint32Array;
}

export class Columns {
  readonly type: Uint8Array;
  readonly article: Int32Array;
  /** Milliseconds since the epoch; NaN when undated. */
  readonly published: Float64Array;
  /** Every document number, newest first, undated last: browsing walks this instead of sorting. */
  readonly newestFirst: Uint32Array;
  /** Newest published time in the index: recency is measured from here, not from "now". */
  readonly newest: number | null;
  private readonly facets: Record<FacetName, FacetColumn>;
  private readonly plain: Partial<Record<FacetName, Set<number>>> | null;

  constructor(header: ColumnsHeader, sections: Sections) {
    this.type = sections.get('doc:type', 'u8');
    this.article = sections.get('doc:article', 'i32');
    this.published = sections.get('doc:published', 'f64');
    this.newestFirst = sections.get('doc:newestFirst', 'u32');
    this.newest = header.newest;
    this.plain = header.plain
      ? Object.fromEntries(Object.entries(header.plain).map(([f, values]) => [f, new Set(values)]))
      : null;
    this.facets = {} as Record<FacetName, FacetColumn>;
    for (const facet of FACETS) {
      this.facets[facet] = {
        dictionary: header.dictionaries[facet],
        offsets: sections.get(`facet:${facet}:offsets`, 'u32'),
        values: sections.get(`facet:${facet}:values`, 'u32'),
      };
    }
  }

  get count(): number {
    return this.type.length;
  }

  docType(doc: number): DocType {
    return DOC_TYPES[this.type[doc]!]!;
  }

  facet(name: FacetName): FacetColumn {
    return this.facets[name];
  }

  /** Whether value `v` of an entity facet names an entity that other shards hold (see ColumnsHeader.plain). */
  heldElsewhere(name: FacetName, v: number): boolean {
    return this.plain !== null && ENTITY_FACETS.has(name) && !this.plain[name]?.has(v);
  }

  /** The values of one facet of one document, as strings (for the few places that need them). */
  valuesOf(name: FacetName, doc: number): string[] {
    const { dictionary, offsets, values } = this.facets[name];
    const out: string[] = [];
    for (let k = offsets[doc]!; k < offsets[doc + 1]!; k++) out.push(dictionary[values[k]!]!);
    return out;
  }
}
