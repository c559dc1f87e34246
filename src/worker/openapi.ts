/**
 * GET /openapi.json: the API described from the zod schemas that validate its requests
 * (./schemas.ts, through ./params.ts) and type its answers (./responses.ts), so that the
 * document cannot drift from what the Worker accepts and sends. The contract tests validate every
 * answer the Worker tests receive against the served document, and a client generated from it
 * (test/generated/api.d.ts) is compiled and used in a test.
 */
import { z } from 'zod';
import type { ErrorCode } from './errors.js';
import { EXAMPLES } from './examples.js';
import { CACHE } from './middleware/cache-control.js';
import { type JsonSchema, wireParam } from './params.js';
import { components } from './responses.js';
import {
  facetParamSchema,
  facetValuesQuerySchema,
  LIMITS,
  searchQuerySchema,
  suggestQuerySchema,
} from './schemas.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const header = (name: string) => ({ $ref: `#/components/headers/${name}` });

/** Component schemas from the response registry, as OpenAPI wants them (no $schema, no $id). */
function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(components, { io: 'output', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const { $schema: _s, $id: _i, ...rest } = schema as JsonSchema;
      return [name, EXAMPLES[name] === undefined ? rest : { ...rest, examples: [EXAMPLES[name]] }];
    }),
  );
}

function queryParameters(schema: { shape: Record<string, z.ZodType> }) {
  return Object.entries(schema.shape).map(([name, s]) => {
    const { schema: wire, description } = wireParam(s);
    return {
      name,
      in: 'query',
      required: false,
      // Empty values are the parameter left out, for every parameter (src/worker/params.ts).
      allowEmptyValue: true,
      description,
      schema: wire,
      ...(wire.type === 'array' ? { style: 'form', explode: true } : {}),
    };
  });
}

const keyParameter = {
  name: 'key',
  in: 'query',
  required: false,
  allowEmptyValue: true,
  description: 'The API key of a private index (API_KEY), instead of `Authorization: Bearer <key>`.',
  schema: { type: 'string' },
};

const ifNoneMatch = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'An ETag from an earlier answer: 304 when the answer would be the same 200.',
  schema: { type: 'string' },
};

/** An error answer whose code is one of `codes`. */
function errorResponse(
  description: string,
  codes: readonly ErrorCode[],
  headers: Record<string, unknown> = {},
) {
  return {
    description: `${description} (${codes.join(', ')})`,
    headers: { 'Cache-Control': header('CacheControlNoStore'), ...headers },
    content: {
      'application/json': {
        schema: {
          allOf: [
            ref('Error'),
            {
              type: 'object',
              properties: { error: { type: 'object', properties: { code: { enum: [...codes] } } } },
            },
          ],
        },
      },
    },
  };
}

const QUERY_CODES = ['invalid_parameter', 'query_too_long', 'too_many_terms', 'too_many_phrases'] as const;
/**
 * 400 codes a request valid by its parameters' schemas can still get: limits on combinations of
 * parameters or on the query's words, which a JSON Schema cannot state.
 */
export const COMBINATION_CODES: readonly ErrorCode[] = [
  'too_many_parameters',
  'too_many_filters',
  'too_many_terms',
  'too_many_phrases',
];

const common = {
  '414': errorResponse(`The URL exceeds ${LIMITS.urlMaxChars} characters`, ['uri_too_long']),
  '431': errorResponse(`The request headers exceed ${LIMITS.headersMaxBytes} bytes`, ['headers_too_large']),
  '500': errorResponse('A bad deployment setting, or a fault of the Worker', [
    'config_invalid',
    'internal_error',
  ]),
};
const limited = {
  '429': errorResponse(
    `More than ${LIMITS.rateLimitRequests} requests per ${LIMITS.rateLimitPeriodSeconds} s from one client`,
    ['rate_limited'],
    { 'Retry-After': header('RetryAfter') },
  ),
};
const indexErrors = {
  '401': errorResponse(
    'A private index (API_KEY set) asked without the right key',
    ['api_key_required', 'api_key_invalid'],
    {
      'WWW-Authenticate': header('WWWAuthenticate'),
    },
  ),
  '503': errorResponse(
    'The index cannot be served now',
    ['index_missing', 'index_incompatible', 'index_corrupt', 'shard_unavailable'],
    {
      'Retry-After': header('RetryAfter'),
    },
  ),
};

function ok(schema: string, description: string, cache: keyof typeof CACHE | null, indexed: boolean) {
  return {
    description,
    headers: {
      'Cache-Control': header(
        cache ? `CacheControl${cache[0]!.toUpperCase()}${cache.slice(1)}` : 'CacheControlNoStore',
      ),
      ...(indexed ? { ETag: header('ETag'), 'X-Index-Version': header('XIndexVersion') } : {}),
    },
    content: { 'application/json': { schema: ref(schema) } },
  };
}

const cacheHeader = (cache: keyof typeof CACHE | null) =>
  header(cache ? `CacheControl${cache[0]!.toUpperCase()}${cache.slice(1)}` : 'CacheControlNoStore');

const notModified = (cache: keyof typeof CACHE) => ({
  description: 'If-None-Match named the current ETag: the answer would be the same 200.',
  headers: {
    ETag: header('ETagSent'),
    'Cache-Control': cacheHeader(cache),
    'X-Index-Version': header('XIndexVersion'),
  },
});

/** An index-backed GET: 200, 304 and every refusal on the way to it. */
function indexed(
  summary: string,
  parameters: unknown[],
  okSchema: string,
  okDescription: string,
  cache: keyof typeof CACHE,
  badRequest: readonly ErrorCode[],
  extra: Record<string, unknown> = {},
) {
  return {
    get: {
      summary,
      parameters: [...parameters, keyParameter, ifNoneMatch],
      responses: {
        '200': ok(okSchema, okDescription, cache, true),
        '304': notModified(cache),
        '400': errorResponse('Invalid request', [
          ...new Set<ErrorCode>([...badRequest, 'invalid_parameter', 'too_many_parameters']),
        ]),
        ...extra,
        ...indexErrors,
        ...limited,
        ...common,
      },
    },
  };
}

const document = (kind: 'article' | 'quote' | 'entity', schema: string, summary: string) =>
  indexed(
    summary,
    [{ name: 'id', in: 'path', required: true, description: `The ${kind} id.`, schema: { type: 'string' } }],
    schema,
    summary,
    'documents',
    [],
    { '404': errorResponse(`No ${kind} with this id`, ['not_found']) },
  );

const headers = {
  ETag: {
    description:
      "Weak tag of the index's content and the deployment: sent with 200s that may be cached (not with partial answers).",
    schema: { type: 'string', pattern: '^W/"[0-9A-Za-z.-]+"$' },
  },
  ETagSent: {
    description: 'The ETag the request named: the current one.',
    required: true,
    schema: { type: 'string', pattern: '^W/"[0-9A-Za-z.-]+"$' },
  },
  XIndexVersion: {
    description: 'The index version that answered.',
    required: true,
    schema: { type: 'string' },
  },
  RetryAfter: {
    description: 'Seconds to wait before asking again.',
    required: true,
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
  WWWAuthenticate: {
    description: 'Bearer, with the realm.',
    required: true,
    schema: { type: 'string', pattern: '^Bearer ' },
  },
  CacheControlNoStore: {
    description: 'Never stored.',
    required: true,
    schema: { type: 'string', const: 'no-store' },
  },
  ...Object.fromEntries(
    Object.entries(CACHE).map(([name, value]) => [
      `CacheControl${name[0]!.toUpperCase()}${name.slice(1)}`,
      {
        description: `\`public, ${value}\`; \`private\` instead of \`public\` for a private index; \`no-store\` for a partial answer.`,
        required: true,
        schema: {
          type: 'string',
          pattern: `^(?:(?:public|private), ${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|no-store)$`,
        },
      },
    ]),
  ),
};

const DESCRIPTION = `Full-text and faceted search over articles, their quotes and the entities they mention.

Requests: every parameter may be left out, and an empty value (\`limit=\`) is the same as leaving it out. Parameters that are not lists may be given once. Integers are decimal digits only: no sign, leading zero, fraction, exponent or space. A query string that is not valid percent-encoded UTF-8 is refused with 400 \`invalid_parameter\`, whichever parameter holds it. Unknown parameters are ignored. Besides its parameters' schemas, a request may be refused for combinations no schema states: ${COMBINATION_CODES.join(', ')} (limits: ${Object.entries(
  LIMITS,
)
  .map(([k, v]) => `${k}=${v}`)
  .join(', ')}).

HTTP: GET and HEAD only; another method on a known path is 405 \`method_not_allowed\` with an \`Allow\` header, and OPTIONS is the CORS preflight (204). Unknown paths are 404 \`route_not_found\`. A 304 is sent only where the same request without If-None-Match would be a 200: bad requests and missing documents keep their 400 and 404.`;

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'Newsroom Search API', version: '1', description: DESCRIPTION },
    paths: {
      '/search': indexed(
        'Search articles, quotes and entities',
        queryParameters(searchQuerySchema),
        'SearchResponse',
        'Ranked hits and facet counts',
        'search',
        [
          ...QUERY_CODES,
          'invalid_type',
          'invalid_limit',
          'invalid_offset',
          'invalid_facet',
          'invalid_filter',
          'invalid_date',
          'too_many_filters',
        ],
      ),
      '/suggest': indexed(
        'Type-ahead completions: entity names and frequent words',
        queryParameters(suggestQuerySchema),
        'SuggestResponse',
        'Completions, most frequent first',
        'search',
        [...QUERY_CODES, 'invalid_limit'],
      ),
      '/facets/{facet}': indexed(
        "Search within a facet's values",
        [
          ...Object.entries(facetParamSchema.shape).map(([name, s]) => ({
            name,
            in: 'path',
            required: true,
            ...wireParam(s),
          })),
          ...queryParameters(facetValuesQuerySchema),
        ],
        'FacetValuesResponse',
        'Matching values, most frequent first',
        'search',
        [...QUERY_CODES, 'invalid_facet', 'invalid_limit'],
      ),
      '/articles/{id}': document('article', 'Article', 'An article as stored'),
      '/quotes/{id}': document('quote', 'Quote', 'A quote as stored'),
      '/entities/{id}': document(
        'entity',
        'EntityPage',
        'An entity with its quotes, recent articles and related entities',
      ),
      '/stats': indexed(
        "The index manifest's facts",
        [],
        'Stats',
        'The manifest and the index size',
        'stats',
        [],
      ),
      '/health': {
        get: {
          summary: 'Whether the index is served, and why not',
          parameters: [keyParameter],
          responses: {
            '200': ok('Health', 'The index is served', null, false),
            '400': errorResponse('Invalid request', ['invalid_parameter', 'too_many_parameters']),
            '503': {
              description: 'The index cannot be served; error.code says why',
              headers: { 'Cache-Control': header('CacheControlNoStore') },
              content: { 'application/json': { schema: ref('HealthUnavailable') } },
            },
            ...common,
          },
        },
      },
      '/openapi.json': {
        get: {
          summary: 'This document',
          responses: {
            '200': ok('OpenApiDocument', 'OpenAPI 3.1', 'openapi', false),
            '400': errorResponse('Invalid request', ['invalid_parameter', 'too_many_parameters']),
            ...limited,
            ...common,
          },
        },
      },
    },
    components: {
      schemas: componentSchemas(),
      headers,
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
    'x-combination-codes': COMBINATION_CODES,
  };
}
