/**
 * Generated requests for the property tests (Node and workerd): any Unicode, control
 * characters, invalid UTF-8, unbalanced quotes, operators, huge numbers and repeated
 * parameters; and the shape every answer must have, whatever was asked.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { DOC_TYPES } from '../src/model/documents.js';
import { FACETS } from '../src/search/facets.js';
import { ERROR_CODES } from '../src/worker/errors.js';

const WORDS = [
  'vote',
  'harbor',
  'bridge',
  'kovacevic',
  'Kovačević',
  'zelensk',
  'long-range',
  'U.S.',
  'the',
  'council',
  'İstanbul',
  'straße',
  'ﬁnance',
  '東京',
  'مرحبا',
  '👩🏽‍💻',
  'a',
  'ab',
  'abc',
];
const OPERATORS = [
  '"',
  '-',
  '-"',
  '""',
  '" "',
  '*',
  '?',
  '~',
  '^',
  '+',
  ':',
  '(',
  ')',
  'AND',
  'OR',
  'NOT',
  '\\',
  '%',
  '%00',
  '&',
  '=',
  '#',
  '/',
  '..',
  "'",
  '`',
  '<script>',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u200b',
  '\u200e',
  '\u2028',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
];
const SPACES = [' ', ' ', ' ', '\t', '\n', '\r\n', '\u00a0', '\u3000'];

/** Query-language-like text: words, operators and spaces in any order, quotes unbalanced or not. */
export const queryLike = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 3, arbitrary: fc.constantFrom(...SPACES) },
      { weight: 3, arbitrary: fc.constantFrom(...OPERATORS) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }) },
    ),
    { maxLength: 48 },
  )
  .map((parts) => parts.join(''));

/** Any text at all, short or up to and beyond the q limit. */
export const anyText = fc.oneof(
  { weight: 5, arbitrary: queryLike },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 500, maxLength: 600 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '"',
      '-',
      '---',
      '""""',
      '" -"',
      '-"',
      'a'.repeat(512),
      'ab '.repeat(40),
      'abcde '.repeat(33),
    ),
  },
);

const hugeNumbers = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.constantFrom(
    '1e400',
    '-1e400',
    '9'.repeat(400),
    '-0',
    '0x10',
    '1_000',
    'NaN',
    'Infinity',
    '-Infinity',
    '1.0',
    '01',
    ' 5',
    '5 ',
    '',
    '+1',
    '1e1',
    '2.5',
    '9007199254740993',
  ),
);

const dates = fc.oneof(
  fc.constantFrom(
    '2026',
    '2026-10',
    '2026-10-13',
    '2026-13-45',
    '0000',
    '9999-99',
    '2026-10-13T25:61:00Z',
    '2026-02-30',
    'yesterday',
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

/** A parameter value as it appears in the URL: percent-encoded text, or raw bytes (often invalid UTF-8). */
const wellFormed = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
const encoded = (text: fc.Arbitrary<string>) => text.map((s) => encodeURIComponent(wellFormed(s)));
const rawBytes = fc
  .uint8Array({ maxLength: 12 })
  .map((b) => [...b].map((x) => `%${x.toString(16).padStart(2, '0').toUpperCase()}`).join(''));
const rawUnencoded = fc.constantFrom('%', '%E0%A4%A', '%zz', '+', 'a+b', '%2B', '&&', '==', '%26q%3D');

export const paramValue = fc.oneof(
  { weight: 4, arbitrary: encoded(anyText) },
  { weight: 2, arbitrary: encoded(hugeNumbers) },
  { weight: 1, arbitrary: encoded(dates) },
  {
    weight: 1,
    arbitrary: encoded(
      fc.constantFrom(
        ...DOC_TYPES,
        ...FACETS,
        'relevance',
        'date',
        'true',
        '1',
        'article',
        `${FACETS.join(',')},${FACETS.join(',')}`,
      ),
    ),
  },
  { weight: 1, arbitrary: rawBytes },
  { weight: 1, arbitrary: rawUnencoded },
);

const SEARCH_PARAMS = [
  'q',
  'type',
  'limit',
  'offset',
  'facets',
  'facetLimit',
  'sort',
  'recency',
  'distinct',
  'from',
  'to',
  ...FACETS.filter((f) => f !== 'type'),
  'key',
  'callback',
  '__proto__',
  'constructor',
  'q[]',
  '',
];
const SHORT_PARAMS = ['q', 'limit', 'key', 'q[]', '__proto__', ''];

/** A query string: parameters in any order, repeated or not; `q` is usually present. */
function queryString(names: string[]) {
  return fc
    .tuple(
      fc.option(encoded(anyText), { nil: undefined }),
      fc.array(fc.tuple(fc.constantFrom(...names), paramValue), { maxLength: 6 }),
    )
    .map(([q, rest]) =>
      [...(q === undefined ? [] : [['q', q] as const]), ...rest].map(([k, v]) => `${k}=${v}`).join('&'),
    );
}

export const searchPath = queryString(SEARCH_PARAMS).map((qs) => `/search?${qs}`);
export const suggestPath = queryString(SHORT_PARAMS).map((qs) => `/suggest?${qs}`);
export const facetsPath = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...FACETS) },
      // ".." is a dot segment: URL parsing resolves /facets/.. to /, another route (the demo page).
      { weight: 1, arbitrary: encoded(anyText).filter((s) => s !== '' && !/^(?:\.|%2e){2}$/i.test(s)) },
    ),
    queryString(SHORT_PARAMS),
  )
  .map(([facet, qs]) => `/facets/${facet}?${qs}`);

const CLIENT_ERRORS = [400, 414];

/** Every answer: a 200 of the route's documented shape, or a 4xx with a documented code. Never 5xx. */
export function expectDocumentedAnswer(path: string, status: number, body: any): void {
  expect(status, path).toBeLessThan(500);
  if (status !== 200) {
    expect(CLIENT_ERRORS, `${path} → ${status}`).toContain(status);
    expect(Object.keys(body), path).toEqual(['error']);
    expect(ERROR_CODES, path).toContain(body.error.code);
    expect(typeof body.error.message, path).toBe('string');
    return;
  }
  const route = path.slice(0, path.indexOf('?'));
  if (route === '/search') {
    expect(typeof body.query, path).toBe('string');
    expect(Number.isInteger(body.total) && body.total >= 0, path).toBe(true);
    expect(['all', 'any', 'browse'], path).toContain(body.match);
    expect(Array.isArray(body.hits), path).toBe(true);
    for (const hit of body.hits) {
      expect(DOC_TYPES, path).toContain(hit.type);
      expect(typeof hit.id, path).toBe('string');
      expect(Number.isFinite(hit.score), path).toBe(true);
      expect(typeof hit.highlight, path).toBe('object');
    }
    if (body.facets !== undefined) expect(typeof body.facets, path).toBe('object');
    expect(typeof body.tookMs, path).toBe('number');
  } else if (route === '/suggest') {
    expect(typeof body.query, path).toBe('string');
    for (const s of body.suggestions) {
      expect(typeof s.text, path).toBe('string');
      expect(['term', 'entity'], path).toContain(s.kind);
      expect(Number.isInteger(s.count), path).toBe(true);
    }
  } else {
    expect(FACETS, path).toContain(body.facet);
    expect(typeof body.query, path).toBe('string');
    expect(Number.isInteger(body.total), path).toBe(true);
    for (const v of body.values) {
      expect(typeof v.value, path).toBe('string');
      expect(Number.isInteger(v.count), path).toBe(true);
    }
  }
}
