/**
 * Request schemas: the same objects validate requests (routes) and describe them (openapi.ts,
 * through the wire descriptions built with each parameter in ./params.ts).
 * Limits are named here once and listed in docs/security.md › Request limits and in the OpenAPI document.
 */
import { z } from 'zod';
import { DOC_TYPES } from '../model/documents.js';
import { FACETS } from '../search/facets.js';
import { type Filters, facetFilter } from '../search/filters.js';
import { parseQuery } from '../search/query.js';
import type { ErrorCode } from './errors.js';
import { choice, commaList, dateParam, integer, pathChoice, repeated, text } from './params.js';

export const LIMITS = {
  qMaxChars: 512,
  limitMax: 100,
  defaultLimit: 10,
  offsetMax: 10_000,
  facetLimitMax: 100,
  filterValuesMax: 50,
  filterValueMaxChars: 200,
  suggestLimitMax: 20,
  /**
   * Words in `q`, required and excluded, phrase words included. Every word is one MiniSearch
   * lookup, fuzzy from 5 letters (only the last word expands as a prefix), so this bounds the
   * expansion work of a query.
   */
  qMaxTerms: 32,
  /** Quoted, hyphenated/dotted and excluded phrases: each is verified against stored text. */
  qMaxPhrases: 8,
  /** Query-string parameters, repeated ones counted each time. */
  paramsMax: 128,
  /** The whole URL, as Cloudflare's own edge limit: beyond it nothing legitimate is asked. */
  urlMaxChars: 16_384,
  /** Request header names and values together. */
  headersMaxBytes: 32_768,
  /** Per client IP, by the RATE_LIMITER binding; must match [[ratelimits]] in wrangler.toml. */
  rateLimitRequests: 300,
  rateLimitPeriodSeconds: 10,
} as const;

/** Counts what a query costs the engine, as the engine will parse it. */
export function queryComplexity(q: string): { terms: number; phrases: number } {
  const p = parseQuery(q);
  return {
    terms: p.terms.length + p.excludedTerms.length + p.excludedPhrases.reduce((n, ph) => n + ph.length, 0),
    phrases: p.phrases.length + p.excludedPhrases.length,
  };
}

const Q_DESCRIPTION = `Query: words (all must match, falling back to any), "exact phrases", -excluded words; the last word matches as a prefix unless followed by a space. Empty or absent: browse, newest first. At most ${LIMITS.qMaxChars} characters (query_too_long), ${LIMITS.qMaxTerms} words (too_many_terms) and ${LIMITS.qMaxPhrases} phrases, hyphenated words included (too_many_phrases).`;

/** `q` of every endpoint: bounded in characters, words and phrases, each with its own code. */
const queryText = () =>
  text(LIMITS.qMaxChars, Q_DESCRIPTION, (q, ctx) => {
    const { terms, phrases } = queryComplexity(q);
    if (terms > LIMITS.qMaxTerms) {
      ctx.addIssue({
        code: 'custom',
        message: `must have at most ${LIMITS.qMaxTerms} words (has ${terms})`,
        params: { code: 'too_many_terms' },
      });
    } else if (phrases > LIMITS.qMaxPhrases) {
      ctx.addIssue({
        code: 'custom',
        message: `must have at most ${LIMITS.qMaxPhrases} phrases (has ${phrases})`,
        params: { code: 'too_many_phrases' },
      });
    }
  });

const FILTER_FACETS = FACETS.filter((f): f is Exclude<(typeof FACETS)[number], 'type'> => f !== 'type');

function filterDescription(f: (typeof FILTER_FACETS)[number]): string {
  const prefix = f === 'published' ? '; values match by prefix, e.g. 2016 or 2016-10' : '';
  const ids = ['person', 'organization', 'place', 'speaker'].includes(f) ? '; takes entity ids' : '';
  return `Filter on ${f}: repeat for more values (OR within the facet, AND across facets); a leading "-" excludes${prefix}${ids}. At most ${LIMITS.filterValuesMax} values of at most ${LIMITS.filterValueMaxChars} characters, and ${LIMITS.filterValuesMax} filter values in all (too_many_filters).`;
}

const filterShape = Object.fromEntries(
  FILTER_FACETS.map((f) => [
    f,
    repeated(LIMITS.filterValuesMax, LIMITS.filterValueMaxChars, filterDescription(f)),
  ]),
) as Record<(typeof FILTER_FACETS)[number], ReturnType<typeof repeated>>;

export const searchQuerySchema = z
  .object({
    q: queryText(),
    type: commaList(DOC_TYPES, 'Document types to search; all when absent.'),
    limit: integer(1, LIMITS.limitMax, LIMITS.defaultLimit, 'Results per page.'),
    offset: integer(0, LIMITS.offsetMax, 0, 'Results to skip.'),
    facets: commaList(FACETS, 'Facets to count over the whole match set.'),
    facetLimit: integer(
      1,
      LIMITS.facetLimitMax,
      10,
      'Values returned per facet; the rest are summed in `other`/`otherCount`.',
    ),
    sort: choice(['relevance', 'date'], 'relevance', '`relevance` (default) or `date` (newest first).'),
    recency: choice(
      ['true', 'false', '1', '0'],
      undefined,
      'Favour recent documents (half-life 60 days before the newest document).',
    ),
    distinct: choice(
      ['article'],
      undefined,
      '`article`: one hit per article, its matching quotes inside it.',
    ),
    from: dateParam('Earliest publication date (inclusive).'),
    to: dateParam('Latest publication date (inclusive: the whole year, month or day it names).'),
    ...filterShape,
  })
  .refine((p) => countFilterValues(p) <= LIMITS.filterValuesMax, {
    message: `at most ${LIMITS.filterValuesMax} filter values in all`,
    path: ['filters'],
  });

export type SearchQuery = z.infer<typeof searchQuerySchema>;

function countFilterValues(p: Record<string, unknown>): number {
  return Object.keys(filterShape).reduce((n, f) => n + ((p[f] as string[] | undefined)?.length ?? 0), 0);
}

/** A date bound: "to" covers the whole day, month or year it names. */
export function dateBound(value: string | undefined, end: boolean): number | null {
  if (!value) return null;
  const start = Date.parse(
    value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value,
  );
  if (!end || value.length > 10) return start;
  const d = new Date(start);
  if (value.length === 4) d.setUTCFullYear(d.getUTCFullYear() + 1);
  else if (value.length === 7) d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + 1);
  return d.getTime() - 1;
}

export function filtersOf(p: SearchQuery): Filters {
  const facets: Filters['facets'] = {};
  for (const f of FILTER_FACETS) {
    if (p[f].length > 0) facets[f] = facetFilter(p[f]);
  }
  return { facets, from: dateBound(p.from, false), to: dateBound(p.to, true) };
}

export const suggestQuerySchema = z.object({
  q: queryText(),
  limit: integer(1, LIMITS.suggestLimitMax, 8, 'Suggestions to return.'),
});

export const facetValuesQuerySchema = z.object({
  q: queryText(),
  limit: integer(1, LIMITS.facetLimitMax, 10, 'Values to return.'),
});

export const facetParamSchema = z.object({
  facet: pathChoice(FACETS, 'The facet whose values to search.'),
});

/** q's limits have codes of their own: too long, too many words, too many phrases. */
export const qCode = (issue: { code: string; params?: Record<string, unknown> }): ErrorCode => {
  const code = issue.code === 'custom' ? issue.params?.code : undefined;
  return code === 'query_too_long' || code === 'too_many_terms' || code === 'too_many_phrases'
    ? code
    : 'invalid_parameter';
};
