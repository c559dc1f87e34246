/**
 * The API's answers as zod schemas: the routes build their JSON as these types (and /stats and
 * /health parse theirs through them), the OpenAPI document's response schemas are generated from
 * them (./openapi.ts), and the contract tests validate every answer against that document.
 *
 * The engine keeps its own interfaces (src/search, src/index): src/search cannot import from
 * here without an import cycle. The assertions at the end make the compiler hold each interface
 * and its schema equal, so that a field added on one side and not the other fails `npm run
 * typecheck` instead of drifting.
 */
import { z } from 'zod';
import { type Manifest, manifestSchema } from '../index/manifest.js';
import { type Article, type DOC_TYPES, ENTITY_KINDS, type Quote } from '../model/documents.js';
import type { EntityPage } from '../search/entity-page.js';
import type { FacetCounts, FacetValue } from '../search/facets.js';
import { FACETS } from '../search/facets.js';
import type { Highlighted } from '../search/highlight.js';
import type { ArticleHit, EntityHit, QuoteHit } from '../search/hits.js';
import type { PartialAnswer, SearchResult } from '../search/search.js';
import type { Suggestion } from '../search/suggest.js';
import { ERROR_CODES } from './errors.js';

/** Every schema here with a name becomes `#/components/schemas/<name>` in the document. */
export const components = z.registry<{ id: string; description?: string; examples?: unknown[] }>();

const named = <T extends z.ZodType>(id: string, schema: T, description?: string, example?: unknown): T => {
  components.add(schema, {
    id,
    ...(description ? { description } : {}),
    ...(example ? { examples: [example] } : {}),
  });
  return schema;
};

const count = () => z.number().int().min(0);
const nullableText = () => z.string().nullable();

export const errorCodeSchema = named(
  'ErrorCode',
  z.enum(ERROR_CODES),
  'Stable error codes: clients may switch on them.',
);

export const errorSchema = named(
  'Error',
  z.object({
    error: z.object({
      code: errorCodeSchema,
      message: z.string().meta({ description: 'For people; may change.' }),
    }),
  }),
  'Every error answer.',
);

const highlighted = named(
  'Highlighted',
  z.object({
    html: z
      .string()
      .meta({ description: 'The field HTML-escaped, with <mark> around the matches and no other markup.' }),
    ranges: z
      .array(z.tuple([count(), count()]))
      .meta({ description: 'Matches as [start, end) UTF-16 offsets into the field.' }),
  }),
);

const quoteHit = named(
  'QuoteHit',
  z.object({
    type: z.literal('quote'),
    id: z.string(),
    score: z.number(),
    text: z.string(),
    speaker: nullableText(),
    speakerId: nullableText(),
    cue: nullableText(),
    articleId: z.string(),
    articleTitle: nullableText(),
    articleUrl: nullableText(),
    published: nullableText(),
    highlight: z.object({ text: highlighted }),
  }),
);

const articleHit = named(
  'ArticleHit',
  z.object({
    type: z.literal('article'),
    id: z.string(),
    score: z.number(),
    title: z.string(),
    subtitle: nullableText(),
    authors: z.array(z.string()),
    publisher: nullableText(),
    section: nullableText(),
    tags: z.array(z.string()),
    published: nullableText(),
    url: nullableText(),
    snippet: z.string().meta({ description: 'The body cropped around its best-matching passage.' }),
    highlight: z.object({ title: highlighted, snippet: highlighted }),
    quotes: z.array(quoteHit).optional().meta({ description: 'Matching quotes of the article, best first.' }),
  }),
);

const entityHit = named(
  'EntityHit',
  z.object({
    type: z.literal('entity'),
    id: z.string(),
    score: z.number(),
    name: z.string(),
    kind: z.enum(ENTITY_KINDS),
    aliases: z.array(z.string()),
    mentionCount: count(),
    articleCount: count(),
    highlight: z.object({ name: highlighted }),
  }),
);

const searchHit = named('SearchHit', z.discriminatedUnion('type', [articleHit, quoteHit, entityHit]));

const facetValue = named(
  'FacetValue',
  z.object({
    value: z.string(),
    count: count(),
    id: z.string().optional().meta({ description: 'Entity facets: the entity id.' }),
    name: z.string().optional().meta({ description: "Entity facets: the entity's name." }),
    kind: z.enum(ENTITY_KINDS).optional(),
  }),
);

const facetCounts = named(
  'FacetCounts',
  z.object({
    values: z.array(facetValue),
    other: count().meta({ description: 'Further values beyond `values`.' }),
    otherCount: count().meta({ description: 'Documents holding those further values.' }),
    years: z
      .array(facetValue)
      .optional()
      .meta({ description: 'The `published` facet: whole years, newest first.' }),
  }),
);

const partialAnswer = named(
  'PartialAnswer',
  z.object({ failedShards: z.array(count()) }),
  'Shards of a sharded index that did not answer: the rest is theirs only, and the answer is not cached.',
);

export const searchResponseSchema = named(
  'SearchResponse',
  z.object({
    query: z.string(),
    total: count().meta({ description: 'Number of matches; an estimate when `approximate` is true.' }),
    match: z.enum(['all', 'any', 'browse']).meta({
      description:
        '`all`: every word matched; `any`: too few did, any-word matches follow; `browse`: no words.',
    }),
    hits: z.array(searchHit),
    facets: z.partialRecord(z.enum(FACETS), facetCounts).optional(),
    didYouMean: nullableText()
      .optional()
      .meta({ description: 'For a query that found nothing: a corrected query, when there is one.' }),
    approximate: z.boolean().optional().meta({
      description:
        'Present when phrase checks were cut short (a phrase of very common words over a large archive): `total` is estimated and facets count the checked documents.',
    }),
    partial: partialAnswer.optional(),
    tookMs: z.number().min(0),
  }),
  'Ranked hits and facet counts.',
);

const suggestion = named(
  'Suggestion',
  z.object({
    text: z.string().meta({ description: 'The completed query (terms) or the entity name (entities).' }),
    kind: z.enum(['term', 'entity']),
    count: count().meta({ description: 'Articles holding the term or mentioning the entity.' }),
    id: z.string().optional(),
    entityKind: z.enum(ENTITY_KINDS).optional(),
  }),
);

export const suggestResponseSchema = named(
  'SuggestResponse',
  z.object({ query: z.string(), suggestions: z.array(suggestion) }),
);

export const facetValuesResponseSchema = named(
  'FacetValuesResponse',
  z.object({
    facet: z.enum(FACETS),
    query: z.string(),
    values: z.array(facetValue),
    total: count().meta({ description: 'Values matching the query, beyond those returned too.' }),
    partial: partialAnswer.optional(),
  }),
);

const articleFields = {
  id: z.string(),
  title: z.string(),
  subtitle: nullableText(),
  body: z.string().meta({ description: 'Plain text, paragraphs separated by a blank line.' }),
  authors: z.array(z.string()),
  publisher: nullableText(),
  section: nullableText(),
  tags: z.array(z.string()),
  published: nullableText().meta({ description: 'ISO 8601 date or date-time as given.' }),
  url: nullableText(),
  dateline: z
    .string()
    .optional()
    .meta({ description: 'Where the story was filed, as its dateline gives it ("KELMARSH, March 3").' }),
  about: z.array(z.string()).optional().meta({
    description:
      'Ids of the places the article is about (dateline, headline, most of its place mentions, with their countries); every place it names is still filed under the `place` facet.',
  }),
};

export const articleResponseSchema = named(
  'Article',
  z.object({ type: z.literal('article'), ...articleFields }),
  'An article as stored.',
);

const quoteFields = {
  id: z.string(),
  articleId: z.string(),
  text: z.string(),
  speaker: nullableText(),
  speakerId: nullableText(),
  cue: nullableText(),
  start: count().meta({
    description: 'UTF-16 offset of the quotation (marks included) in the article body.',
  }),
  end: count(),
  entityIds: z.array(z.string()),
};

export const quoteResponseSchema = named(
  'Quote',
  z.object({ type: z.literal('quote'), ...quoteFields }),
  'A quote as stored.',
);

const entityRef = { id: z.string(), name: z.string(), kind: z.enum(ENTITY_KINDS) };

export const entityPageSchema = named(
  'EntityPage',
  z.object({
    type: z.literal('entity'),
    ...entityRef,
    aliases: z.array(z.string()),
    mentionCount: count(),
    articleIds: z.array(z.string()),
    roles: z
      .array(z.string())
      .optional()
      .meta({ description: 'People: the roles written with their name, most frequent first.' }),
    country: z
      .object({ code: z.string(), name: z.string() })
      .optional()
      .meta({ description: 'Places: the country (ISO 3166 alpha-2 code and name) the place is or lies in.' }),
    counts: z.object({ mentions: count(), articles: count(), quotes: count() }),
    quotes: z
      .array(
        z.object({
          id: z.string(),
          text: z.string(),
          speaker: nullableText(),
          cue: nullableText(),
          articleId: z.string(),
          published: nullableText(),
        }),
      )
      .meta({ description: 'Quotes the entity said, newest first.' }),
    recentArticles: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        published: nullableText(),
        publisher: nullableText(),
        url: nullableText(),
      }),
    ),
    related: z
      .array(z.object({ ...entityRef, sharedArticles: count() }))
      .meta({ description: 'Entities mentioned in the same articles, by number of shared articles.' }),
  }),
  'An entity with its quotes, latest articles and the entities it appears with.',
);

const indexCounts = z.object({ article: count(), quote: count(), entity: count() });

export const healthSchema = named(
  'Health',
  z.object({
    status: z.literal('ok'),
    index: z
      .object({ version: z.string(), builtAt: z.string(), counts: indexCounts })
      .optional()
      .meta({ description: 'Absent for a private index (API_KEY) asked without the key.' }),
  }),
  'The index is served.',
);

export const healthUnavailableSchema = named(
  'HealthUnavailable',
  z.object({ status: z.literal('unavailable'), error: errorSchema.shape.error }),
  'The index cannot be served; error.code says why (index_missing, index_incompatible, index_corrupt).',
);

export const statsSchema = named(
  'Stats',
  manifestSchema.extend({
    sources: z
      .array(z.string())
      .meta({ description: 'Input files, relative to the folder the build ran in.' }),
    bytes: count().meta({ description: 'Size of the index files.' }),
  }),
  'The manifest of the index being served, and the size of its files.',
);

export const openApiResponseSchema = named(
  'OpenApiDocument',
  z.looseObject({
    openapi: z.string(),
    info: z.looseObject({ title: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  }),
);

export type ErrorResponse = z.output<typeof errorSchema>;
export type SearchResponse = z.output<typeof searchResponseSchema>;
export type SuggestResponse = z.output<typeof suggestResponseSchema>;
export type FacetValuesResponse = z.output<typeof facetValuesResponseSchema>;
export type ArticleResponse = z.output<typeof articleResponseSchema>;
export type QuoteResponse = z.output<typeof quoteResponseSchema>;
export type EntityPageResponse = z.output<typeof entityPageSchema>;
export type HealthResponse = z.output<typeof healthSchema>;
export type HealthUnavailableResponse = z.output<typeof healthUnavailableSchema>;
export type StatsResponse = z.output<typeof statsSchema>;

// --- The engine's interfaces and these schemas, held equal by the compiler ---
/**
 * Equal shapes: each assignable to the other, also with every property made required at every
 * depth (so that an optional field on one side only is caught too).
 */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AllRequired<T> = T extends readonly (infer I)[]
  ? AllRequired<I>[]
  : T extends object
    ? { [K in keyof T]-?: AllRequired<T[K]> }
    : T;
type Same<A, B> = Mutual<A, B> extends true ? Mutual<AllRequired<A>, AllRequired<B>> : false;
type Assert<T extends true> = T;
type Out<S extends z.ZodType> = z.output<S>;
export type EngineMatchesSchemas = [
  Assert<Same<Highlighted, Out<typeof highlighted>>>,
  Assert<Same<QuoteHit, Out<typeof quoteHit>>>,
  Assert<Same<ArticleHit, Out<typeof articleHit>>>,
  Assert<Same<EntityHit, Out<typeof entityHit>>>,
  Assert<Same<FacetValue, Out<typeof facetValue>>>,
  Assert<Same<FacetCounts, Out<typeof facetCounts>>>,
  Assert<Same<PartialAnswer, Out<typeof partialAnswer>>>,
  Assert<Same<SearchResult & { tookMs: number }, SearchResponse>>,
  Assert<Same<Suggestion, Out<typeof suggestion>>>,
  Assert<Same<EntityPage, EntityPageResponse>>,
  Assert<Same<Article & { type: 'article' }, ArticleResponse>>,
  Assert<Same<Quote & { type: 'quote' }, QuoteResponse>>,
  Assert<Same<Manifest & { bytes: number }, StatsResponse>>,
  Assert<Same<(typeof DOC_TYPES)[number], SearchResponse['hits'][number]['type']>>,
];
