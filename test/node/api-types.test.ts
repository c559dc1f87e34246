/**
 * The generated API types (test/generated/api.d.ts, openapi-typescript over the served document)
 * are what the document generates today, and the widget's hand-written client types
 * (src/widget/client.ts) describe the same answers. The type assertions are checked by
 * `npm run typecheck`; the first test is the run-time half (regenerate and compare).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { API_TYPES_PATH, apiTypes } from '../../scripts/generate-api-types.js';
import type {
  ArticleHit,
  EntityHit,
  Facet,
  FacetValue,
  FieldHighlight,
  QuoteHit,
  SearchHit,
  SearchParams,
  SearchResponse,
  Suggestion,
  SuggestResponse,
} from '../../src/widget/client.js';
import type { components, paths } from '../generated/api.js';

type Schemas = components['schemas'];

/** Equal shapes: each assignable to the other, also with every property required at every depth. */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AllRequired<T> = T extends readonly (infer I)[]
  ? AllRequired<I>[]
  : T extends object
    ? { [K in keyof T]-?: AllRequired<T[K]> }
    : T;
type Same<A, B> = Mutual<A, B> extends true ? Mutual<AllRequired<A>, AllRequired<B>> : false;

describe('the generated API types', () => {
  it('are what the served document generates today (npm run generate:api-types)', async () => {
    expect(await readFile(API_TYPES_PATH, 'utf8')).toBe(await apiTypes());
  });

  it("match the widget client's types", () => {
    expectTypeOf<Same<SearchResponse, Schemas['SearchResponse']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<SearchHit, Schemas['SearchHit']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<ArticleHit, Schemas['ArticleHit']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<QuoteHit, Schemas['QuoteHit']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<EntityHit, Schemas['EntityHit']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Facet, Schemas['FacetCounts']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<FacetValue, Schemas['FacetValue']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<FieldHighlight, Schemas['Highlighted']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Suggestion, Schemas['Suggestion']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<SuggestResponse, Schemas['SuggestResponse']>>().toEqualTypeOf<true>();
    // What the widget answers from: the 200 of each operation it calls.
    type Ok<P extends keyof paths> = paths[P]['get']['responses'][200]['content']['application/json'];
    expectTypeOf<Same<SearchResponse, Ok<'/search'>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<SuggestResponse, Ok<'/suggest'>>>().toEqualTypeOf<true>();
  });

  it("take the widget's parameters", () => {
    type SearchQuery = NonNullable<paths['/search']['get']['parameters']['query']>;
    expectTypeOf<SearchParams['q']>().toMatchTypeOf<NonNullable<SearchQuery['q']>>();
    expectTypeOf<NonNullable<SearchParams['types']>>().toMatchTypeOf<NonNullable<SearchQuery['type']>>();
    expectTypeOf<NonNullable<SearchParams['limit']>>().toMatchTypeOf<NonNullable<SearchQuery['limit']>>();
    expectTypeOf<NonNullable<SearchParams['offset']>>().toMatchTypeOf<NonNullable<SearchQuery['offset']>>();
    expectTypeOf<NonNullable<SearchParams['facets']>>().toMatchTypeOf<NonNullable<SearchQuery['facets']>>();
  });
});
