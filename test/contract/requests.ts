/**
 * Requests generated from the OpenAPI document (fast-check), for the fuzz tests and the
 * validating proxy: each operation with each of its parameters absent, valid by its schema (at
 * the bounds more often than not), empty, invalid (out of range, wrongly typed, too long, given
 * twice), or as bytes that are not UTF-8; unknown and odd paths, other methods, HEAD, OPTIONS,
 * stale and current ETags, keys, and oversized URLs and headers. Whether each answer is right is
 * for the contract (./contract.ts) to say: nothing here predicts statuses.
 */
import fc from 'fast-check';
import { anyText, queryLike } from '../property-inputs.js';

type Json = Record<string, any>;

export interface GeneratedRequest {
  method: string;
  /** Path and query, percent-encoded. */
  path: string;
  headers: Record<string, string>;
}

export interface RequestOptions {
  /** Known document ids, so that document routes are asked for existing ones too. */
  ids?: Partial<Record<'articles' | 'quotes' | 'entities', string[]>>;
  /** ETags the Worker hands out, to send back in If-None-Match. */
  etags?: string[];
  /** Keys to present (as ?key= or Authorization), right or wrong. */
  keys?: string[];
  /** Also URLs and headers beyond the size limits (`x-limits`). */
  oversize?: boolean;
}

const BYTES = fc
  .uint8Array({ minLength: 1, maxLength: 6 })
  .map((b) => [...b].map((x) => `%${x.toString(16).padStart(2, '0').toUpperCase()}`).join(''));
const MALFORMED = fc.constantFrom('%', '%zz', '%E0%A4%A', '%ED%A0%80', 'a%ED%A0%80b', '%C0%AF', '%FF', '%2');

const wellFormed = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** A value as it goes in a URL: percent-encoded, sometimes with + for spaces. */
const encode = (text: fc.Arbitrary<string>) =>
  fc
    .tuple(text, fc.boolean())
    .map(([s, plus]) =>
      plus ? encodeURIComponent(wellFormed(s)).replace(/%20/g, '+') : encodeURIComponent(wellFormed(s)),
    );

export const NOT_INTEGERS = [
  '0x10',
  '010',
  '+5',
  '1e2',
  '1.0',
  ' 5',
  '5 ',
  '-0',
  '-1',
  'abc',
  'NaN',
  'Infinity',
  '1_000',
  '99999999999999999999',
  '9'.repeat(400),
];

function validText(schema: Json): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as string[]));
  if (schema.anyOf) return fc.oneof(...(schema.anyOf as Json[]).map(validText));
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const max = schema.maxLength ?? 64;
  return fc.oneof(
    { weight: 5, arbitrary: queryLike },
    { weight: 2, arbitrary: anyText },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: max - 2, maxLength: max }) },
  );
}

/** One value valid by a scalar schema, as text. */
function valid(schema: Json): fc.Arbitrary<string> {
  if (schema.type === 'integer') return fc.integer({ min: schema.minimum, max: schema.maximum }).map(String);
  return validText(schema);
}

/** One value that breaks a scalar schema (or may: random text can happen to fit). */
function invalid(schema: Json): fc.Arbitrary<string> {
  if (schema.type === 'integer') {
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...NOT_INTEGERS) },
      { weight: 1, arbitrary: fc.constantFrom(String(schema.minimum - 1), String(schema.maximum + 1)) },
      { weight: 1, arbitrary: fc.integer().map(String) },
    );
  }
  const options: fc.Arbitrary<string>[] = [
    anyText,
    fc.constantFrom('x', 'Relevance', 'ARTICLE', '2016-02-30', '2016-13', '2015-02-29'),
  ];
  if (schema.maxLength)
    options.push(
      fc.string({ unit: 'grapheme-ascii', minLength: schema.maxLength + 1, maxLength: schema.maxLength + 8 }),
    );
  return fc.oneof(...options);
}

/** `name=value` pairs valid for one query parameter (none when absent). */
function validPairs(p: Json): fc.Arbitrary<readonly string[]> {
  const schema = p.schema as Json;
  const name = p.name as string;
  const pair = (v: fc.Arbitrary<string>) => v.map((x) => `${name}=${x}`);
  if (schema.type === 'array') {
    const item = schema.items as Json;
    return fc.oneof(
      { weight: 12, arbitrary: fc.constant([]) },
      {
        weight: 4,
        arbitrary: fc.array(pair(encode(valid(item))), {
          minLength: 1,
          maxLength: Math.min(schema.maxItems ?? 4, 4),
        }),
      },
      {
        weight: 2,
        arbitrary: fc
          .array(valid(item), { minLength: 2, maxLength: 4 })
          .map((vs) => [`${name}=${vs.map((v) => encodeURIComponent(wellFormed(v))).join(',')}`]),
      },
      { weight: 1, arbitrary: fc.constant([`${name}=`]) },
    );
  }
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant([]) },
    { weight: 6, arbitrary: pair(encode(valid(schema))).map((x) => [x]) },
    { weight: 1, arbitrary: fc.constantFrom([`${name}=`], [name]) },
  );
}

/** `name=value` pairs that break one query parameter's schema (or may: random text can fit). */
function invalidPairs(p: Json): fc.Arbitrary<readonly string[]> {
  const schema = p.schema as Json;
  const name = p.name as string;
  const pair = (v: fc.Arbitrary<string>) => v.map((x) => `${name}=${x}`);
  const bytes = fc.oneof(BYTES, MALFORMED).map((v) => [`${name}=${v}`]);
  if (schema.type === 'array') {
    const item = schema.items as Json;
    return fc.oneof(
      fc.array(pair(encode(invalid(item))), { minLength: 1, maxLength: 2 }),
      fc.tuple(pair(encode(valid(item))), pair(encode(invalid(item)))).map((t) => [...t]),
      ...(schema.maxItems
        ? [fc.constant(Array.from({ length: schema.maxItems + 1 }, (_, i) => `${name}=v${i}`))]
        : []),
      bytes,
    );
  }
  return fc.oneof(
    { weight: 4, arbitrary: pair(encode(invalid(schema))).map((x) => [x]) },
    {
      weight: 1,
      arbitrary: fc.tuple(pair(encode(valid(schema))), pair(encode(valid(schema)))).map((t) => [...t]),
    },
    { weight: 1, arbitrary: bytes },
  );
}

const EXTRA_PARAMS = fc.oneof(
  { weight: 6, arbitrary: fc.constant([]) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      ['callback=x'],
      ['__proto__=1'],
      ['constructor=x'],
      ['q[]=vote'],
      ['=1'],
      ['&&'],
      ['%71=vote'],
      ['x=%zz'],
    ),
  },
);

function pathValue(p: Json, options: RequestOptions, route: string): fc.Arbitrary<string> {
  const known = route.startsWith('/articles')
    ? options.ids?.articles
    : route.startsWith('/quotes')
      ? options.ids?.quotes
      : options.ids?.entities;
  const schema = p.schema as Json;
  const choices: Array<{ weight: number; arbitrary: fc.Arbitrary<string> }> = [
    {
      weight: 2,
      arbitrary: encode(invalid(schema)).filter((s) => s !== '' && !/^(?:\.|%2e){1,2}$/i.test(s)),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '..%2F..%2Fetc%2Fpasswd',
        '%2e%2e%2fmanifest.json',
        '__proto__',
        'constructor',
        'a%2Fb',
        '%ED%A0%80',
        '%zz',
      ),
    },
  ];
  if (schema.enum) choices.push({ weight: 8, arbitrary: fc.constantFrom(...(schema.enum as string[])) });
  if (known && known.length > 0)
    choices.push({ weight: 8, arbitrary: fc.constantFrom(...known.map(encodeURIComponent)) });
  return fc.oneof(...choices);
}

function operationRequest(doc: Json, route: string, options: RequestOptions): fc.Arbitrary<GeneratedRequest> {
  const op = doc.paths[route].get as Json;
  const params = (op.parameters ?? []) as Json[];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query' && p.name !== 'key');
  const tags = ['W/"0000"', '*', ...(options.etags ?? [])];
  const keys = options.keys ?? [];
  return fc
    .record({
      segments: fc.tuple(...pathParams.map((p) => pathValue(p, options, route))),
      query: fc.tuple(...queryParams.map(validPairs)),
      // Mostly one parameter broken at a time, so that each refusal (or acceptance) is its own.
      broken:
        queryParams.length === 0
          ? fc.constant(null)
          : fc.option(
              fc
                .integer({ min: 0, max: queryParams.length - 1 })
                .chain((i) => invalidPairs(queryParams[i]!).map((pairs) => [i, pairs] as const)),
              { freq: 2 },
            ),
      extra: EXTRA_PARAMS,
      method: fc.constantFrom('GET', 'GET', 'GET', 'GET', 'GET', 'GET', 'HEAD'),
      ifNoneMatch: fc.option(fc.constantFrom(...tags), { freq: 4 }),
      key:
        keys.length > 0
          ? fc.option(fc.tuple(fc.constantFrom(...keys), fc.boolean()), { freq: 2 })
          : fc.constant(null),
      shuffle: fc.boolean(),
    })
    .map(({ segments, query, broken, extra, method, ifNoneMatch, key, shuffle }) => {
      let path = route;
      pathParams.forEach((p, i) => {
        path = path.replace(`{${p.name}}`, segments[i]!);
      });
      const pairs: string[] = [
        ...query.flatMap((valid, i) => (broken && broken[0] === i ? broken[1] : valid)),
        ...(extra as readonly string[]),
      ];
      const headers: Record<string, string> = {};
      if (ifNoneMatch) headers['If-None-Match'] = ifNoneMatch;
      if (key) {
        if (key[1]) headers.Authorization = `Bearer ${key[0]}`;
        else pairs.push(`key=${encodeURIComponent(key[0])}`);
      }
      if (shuffle) pairs.reverse();
      return { method, path: pairs.length > 0 ? `${path}?${pairs.join('&')}` : path, headers };
    });
}

const ODD_PATHS = [
  '/nope',
  '/search/',
  '/search/extra',
  '/SEARCH',
  '/%73earch?q=vote',
  '/facets/',
  '/articles/',
  '/articles/a/b',
  '/openapi.json/x',
  '/health?x=%zz',
  '/.env',
  '/index/manifest.json',
];

/** Every generated request: operations of the document, and what lies around them. */
export function requestsFrom(doc: Json, options: RequestOptions = {}): fc.Arbitrary<GeneratedRequest> {
  const routes = Object.keys(doc.paths).filter((r) => doc.paths[r].get);
  const weight = (r: string) => (r === '/search' ? 10 : r.includes('{') || r === '/suggest' ? 4 : 1);
  const limits = (doc['x-limits'] ?? {}) as Json;
  const arbitraries: Array<{ weight: number; arbitrary: fc.Arbitrary<GeneratedRequest> }> = [
    ...routes.map((r) => ({ weight: weight(r), arbitrary: operationRequest(doc, r, options) })),
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
          fc.constantFrom(...routes, ...ODD_PATHS),
        )
        .map(([method, route]) => ({
          method,
          path: route.replace('{facet}', 'person').replace('{id}', 'x'),
          headers: {},
        })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...ODD_PATHS).map((path) => ({ method: 'GET', path, headers: {} })),
    },
  ];
  if (options.oversize && limits.urlMaxChars) {
    arbitraries.push({
      weight: 1,
      arbitrary: fc.constantFrom(
        { method: 'GET', path: `/search?q=x&pad=${'a'.repeat(limits.urlMaxChars)}`, headers: {} },
        {
          method: 'GET',
          path: `/search?${Array.from({ length: limits.paramsMax + 1 }, (_, i) => `p${i}=1`).join('&')}`,
          headers: {},
        },
        { method: 'GET', path: '/suggest?q=vo', headers: { 'X-Pad': 'a'.repeat(limits.headersMaxBytes) } },
      ) as fc.Arbitrary<GeneratedRequest>,
    });
  }
  return fc.oneof(...arbitraries);
}
