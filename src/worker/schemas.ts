/**
 * Request schemas: the same objects validate requests (routes) and describe them (openapi.ts).
 * Limits are named here once and listed in docs/security.md › Request limits and in the OpenAPI document.
 */
import { z } from 'zod';
import { DOC_TYPES } from '../model/documents.js';
import { FACETS } from '../search/facets.js';
import { type Filters, facetFilter } from '../search/filters.js';
import { parseQuery } from '../search/query.js';
import type { ErrorCode } from './errors.js';

export const LIMITS = {
  qMaxChars: 512,
  limitMax: 100,
  defaultLimit: 10,
  offsetMax: 10_000,
  facetsMax: FACETS.length,
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

/** `q` of every endpoint: bounded in characters, words and phrases, each with its own code. */
const queryText = z
  .string()
  .max(LIMITS.qMaxChars, `must be at most ${LIMITS.qMaxChars} characters`)
  .superRefine((q, ctx) => {
    // Longer texts already failed `max`; parsing them would only waste CPU.
    if (q.length > LIMITS.qMaxChars) return;
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
  })
  .default('');

/** A parameter that may repeat (a=1&a=2); with `commas`, values may also be listed (a=1,2). */
function list<T extends z.ZodType>(item: T, max: number, commas: boolean) {
  return z.preprocess(
    (v) =>
      (v === undefined ? [] : Array.isArray(v) ? v : [v])
        .flatMap((s) => (commas ? String(s).split(',') : [String(s)]))
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    z.array(item).max(max, `at most ${max} values`),
  );
}

const date = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+Z?)?)?)?$/, 'must be a date: YYYY, YYYY-MM, YYYY-MM-DD or ISO 8601')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real date');

const filterValues = list(z.string().max(LIMITS.filterValueMaxChars), LIMITS.filterValuesMax, false);

const filterShape = Object.fromEntries(
  FACETS.filter((f) => f !== 'type').map((f) => [f, filterValues]),
) as Record<Exclude<(typeof FACETS)[number], 'type'>, typeof filterValues>;

export const searchQuerySchema = z
  .object({
    q: queryText,
    type: list(
      z.enum(DOC_TYPES, { error: `must be one of ${DOC_TYPES.join(', ')}` }),
      DOC_TYPES.length * 2,
      true,
    ),
    limit: z.coerce.number().int().min(1).max(LIMITS.limitMax).default(LIMITS.defaultLimit),
    offset: z.coerce.number().int().min(0).max(LIMITS.offsetMax).default(0),
    facets: list(z.enum(FACETS, { error: `must be among ${FACETS.join(', ')}` }), LIMITS.facetsMax, true),
    facetLimit: z.coerce.number().int().min(1).max(LIMITS.facetLimitMax).default(10),
    sort: z.enum(['relevance', 'date']).default('relevance'),
    recency: z.enum(['true', 'false', '1', '0']).optional(),
    distinct: z.enum(['article']).optional(),
    from: date.optional(),
    to: date.optional(),
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
  for (const f of Object.keys(filterShape) as Array<keyof typeof filterShape>) {
    if (p[f].length > 0) facets[f] = facetFilter(p[f]);
  }
  return { facets, from: dateBound(p.from, false), to: dateBound(p.to, true) };
}

export const suggestQuerySchema = z.object({
  q: queryText,
  limit: z.coerce.number().int().min(1).max(LIMITS.suggestLimitMax).default(8),
});

export const facetValuesQuerySchema = z.object({
  q: queryText,
  limit: z.coerce.number().int().min(1).max(LIMITS.facetLimitMax).default(10),
});

export const facetParamSchema = z.object({
  facet: z.enum(FACETS, { error: `must be one of ${FACETS.join(', ')}` }),
});

/** q's limits have codes of their own: too long, too many words, too many phrases. */
export const qCode = (issue: { code: string; params?: Record<string, unknown> }): ErrorCode => {
  if (issue.code === 'too_big') return 'query_too_long';
  const code = issue.code === 'custom' ? issue.params?.code : undefined;
  return code === 'too_many_terms' || code === 'too_many_phrases' ? code : 'invalid_parameter';
};
