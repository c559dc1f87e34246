/**
 * GET /openapi.json: the API described from the zod schemas that validate its requests, so the
 * document cannot drift from what the Worker accepts.
 */
import { z } from 'zod';
import { DOC_TYPES, ENTITY_KINDS } from '../model/documents.js';
import { FACETS } from '../search/facets.js';
import {
  facetParamSchema,
  facetValuesQuerySchema,
  LIMITS,
  searchQuerySchema,
  suggestQuerySchema,
} from './schemas.js';

const DESCRIPTIONS: Record<string, string> = {
  q: `Query: words (all must match, falling back to any), "exact phrases", -excluded words; the last word matches as a prefix unless followed by a space. At most ${LIMITS.qMaxChars} characters (query_too_long), ${LIMITS.qMaxTerms} words (too_many_terms) and ${LIMITS.qMaxPhrases} phrases, hyphenated words included (too_many_phrases).`,
  type: 'Document types to search (repeatable or comma-separated); all when absent.',
  limit: 'Results per page.',
  offset: 'Results to skip.',
  facets: 'Facets to count over the whole match set (comma-separated or repeated).',
  facetLimit: 'Values returned per facet; the rest are summed in `other`/`otherCount`.',
  sort: '`relevance` (default) or `date` (newest first).',
  recency: 'Favour recent documents (half-life 60 days before the newest document).',
  distinct: '`article`: one hit per article, its matching quotes inside it.',
  from: 'Earliest publication date (inclusive): YYYY, YYYY-MM, YYYY-MM-DD or ISO 8601.',
  to: 'Latest publication date (inclusive, whole day/month/year).',
  facet: `One of ${FACETS.join(', ')}.`,
};
for (const f of FACETS) {
  DESCRIPTIONS[f] ??=
    `Filter on ${f} (repeatable: OR within the facet, AND across facets; a leading "-" excludes${
      f === 'published' ? '; values match by prefix, e.g. 2016 or 2016-10' : ''
    }${['person', 'organization', 'place', 'speaker'].includes(f) ? '; takes entity ids' : ''}).`;
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

function parameters(schema: { shape: Record<string, z.ZodType> }, where: 'query' | 'path') {
  return Object.entries(schema.shape).map(([name, s]) => {
    const js = jsonSchema(s);
    return {
      name,
      in: where,
      required: where === 'path',
      description: DESCRIPTIONS[name],
      schema: js,
      ...(js.type === 'array' ? { style: 'form', explode: true } : {}),
    };
  });
}

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const anyObject = { type: 'object', additionalProperties: true };
const json = (schema: Record<string, unknown>, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const errorRef = { $ref: '#/components/schemas/Error' };
const errors = {
  '400': json(
    errorRef,
    'Invalid request (see error.code), e.g. query_too_long, too_many_terms, too_many_phrases, too_many_parameters',
  ),
  '401': json(errorRef, 'Private index (API_KEY set): api_key_required or api_key_invalid'),
  '414': json(errorRef, `uri_too_long: the URL exceeds ${LIMITS.urlMaxChars} characters`),
  '429': {
    ...json(
      errorRef,
      `rate_limited: more than ${LIMITS.rateLimitRequests} requests per ${LIMITS.rateLimitPeriodSeconds} s from one client`,
    ),
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
  },
  '431': json(errorRef, `headers_too_large: request headers exceed ${LIMITS.headersMaxBytes} bytes`),
  '503': json(
    { $ref: '#/components/schemas/Error' },
    'Index unavailable: index_missing, index_incompatible or index_corrupt',
  ),
};

const searchResponse = {
  type: 'object',
  required: ['query', 'total', 'match', 'hits', 'tookMs'],
  properties: {
    query: { type: 'string' },
    total: { type: 'integer', description: 'Number of matches; an estimate when `approximate` is true.' },
    approximate: {
      type: 'boolean',
      description:
        'Present when phrase checks were cut short (a phrase of very common words over a large archive): the best-scoring candidates were checked, `total` is estimated and facets count the checked documents.',
    },
    match: { type: 'string', enum: ['all', 'any', 'browse'] },
    hits: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'id', 'score', 'highlight'],
        properties: {
          type: { type: 'string', enum: [...DOC_TYPES] },
          id: { type: 'string' },
          score: { type: 'number' },
          highlight: {
            type: 'object',
            description:
              'Per shown field: `html` (escaped text, <mark> only) and `ranges` ([start, end) UTF-16 offsets).',
            additionalProperties: {
              type: 'object',
              properties: {
                html: { type: 'string' },
                ranges: { type: 'array', items: { type: 'array', items: { type: 'integer' } } },
              },
            },
          },
          quotes: {
            type: 'array',
            items: anyObject,
            description: 'Article hits: matching quotes of the article.',
          },
        },
        additionalProperties: true,
      },
    },
    facets: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: {
          values: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                value: { type: 'string' },
                count: { type: 'integer' },
                id: { type: 'string' },
                name: { type: 'string' },
                kind: { type: 'string', enum: [...ENTITY_KINDS] },
              },
            },
          },
          other: { type: 'integer' },
          otherCount: { type: 'integer' },
          years: { type: 'array', items: anyObject },
        },
      },
    },
    didYouMean: { type: ['string', 'null'] },
    tookMs: { type: 'number' },
  },
};

const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
const doc = (summary: string) => ({
  get: {
    summary,
    parameters: idParam,
    responses: {
      '200': json(anyObject, 'The stored document'),
      '404': json({ $ref: '#/components/schemas/Error' }, 'No such document'),
      '503': errors['503'],
    },
  },
});

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Newsroom Search API',
      version: '1',
      description: `Full-text and faceted search over articles, their quotes and the entities they mention. Limits: ${Object.entries(
        LIMITS,
      )
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}.`,
    },
    paths: {
      '/search': {
        get: {
          summary: 'Search articles, quotes and entities',
          parameters: parameters(
            searchQuerySchema as unknown as { shape: Record<string, z.ZodType> },
            'query',
          ),
          responses: { '200': json(searchResponse, 'Ranked hits, facet counts'), ...errors },
        },
      },
      '/suggest': {
        get: {
          summary: 'Type-ahead completions: entity names and frequent words',
          parameters: parameters(suggestQuerySchema, 'query'),
          responses: {
            '200': json(anyObject, '{ query, suggestions: [{ text, kind, count, id?, entityKind? }] }'),
            ...errors,
          },
        },
      },
      '/facets/{facet}': {
        get: {
          summary: "Search within a facet's values",
          parameters: [
            ...parameters(facetParamSchema, 'path'),
            ...parameters(facetValuesQuerySchema, 'query'),
          ],
          responses: {
            '200': json(anyObject, '{ facet, query, values: [{ value, count, id?, name? }], total }'),
            ...errors,
          },
        },
      },
      '/articles/{id}': doc('An article as stored'),
      '/quotes/{id}': doc('A quote as stored'),
      '/entities/{id}': doc('An entity with its quotes, recent articles and related entities'),
      '/health': {
        get: {
          summary: 'Whether the index is served, and why not',
          responses: { '200': json(anyObject, 'ok'), '503': json(anyObject, 'unavailable, with error.code') },
        },
      },
      '/stats': {
        get: {
          summary: "The index manifest's facts",
          responses: { '200': json(anyObject, 'Manifest'), '503': errors['503'] },
        },
      },
      '/openapi.json': {
        get: { summary: 'This document', responses: { '200': json(anyObject, 'OpenAPI 3.1') } },
      },
    },
    components: {
      schemas: { Error: jsonSchema(errorBody) },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'Only when the deployment sets API_KEY (a private index).',
        },
        queryKey: {
          type: 'apiKey',
          in: 'query',
          name: 'key',
          description: 'The same key as a query parameter.',
        },
      },
    },
    // Optional: a public deployment needs no key ({} = anonymous allowed).
    security: [{}, { bearer: [] }, { queryKey: [] }],
    'x-limits': LIMITS,
  };
}
