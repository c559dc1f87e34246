import { describe, expect, it } from 'vitest';
import { get, sample } from './helpers.js';

/** Counts computed from the input file, independently of the index. */
function countBy(
  articles: typeof sample,
  values: (a: (typeof sample)[number]) => string[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of articles) for (const v of new Set(values(a))) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

const FIELD: Record<string, (a: (typeof sample)[number]) => string[]> = {
  publisher: (a) => [a.publisher],
  section: (a) => [a.section],
  published: (a) => [a.published.slice(0, 7)],
  tags: (a) => a.tags,
  author: (a) => (a.author ? a.author.split(/\s+and\s+/) : []),
};

function asMap(values: Array<{ value: string; count: number }>): Map<string, number> {
  return new Map(values.map((v) => [v.value, v.count]));
}

describe('facet counts', () => {
  it('match counts computed from the input documents, over the whole match set', async () => {
    const { body } = await get(
      `/search?type=article&limit=1&facetLimit=100&facets=${Object.keys(FIELD).join(',')}`,
    );
    expect(body.hits).toHaveLength(1);
    for (const [facet, values] of Object.entries(FIELD)) {
      expect(asMap(body.facets[facet].values), facet).toEqual(countBy(sample, values));
      expect(body.facets[facet].other).toBe(0);
    }
  });

  it('give top N values plus the count of the rest', async () => {
    const { body } = await get('/search?type=article&facets=tags&facetLimit=3');
    const all = countBy(sample, FIELD.tags!);
    const facet = body.facets.tags;
    expect(facet.values).toHaveLength(3);
    expect(facet.other).toBe(all.size - 3);
    const shown = facet.values.reduce((n: number, v: any) => n + v.count, 0);
    const total = [...all.values()].reduce((n, c) => n + c, 0);
    expect(facet.otherCount).toBe(total - shown);
    const sorted = [...all.values()].sort((a, b) => b - a);
    expect(facet.values.map((v: any) => v.count)).toEqual(sorted.slice(0, 3));
  });

  it('count published by month and year', async () => {
    const { body } = await get('/search?type=article&facets=published&facetLimit=100');
    const months = body.facets.published.values.map((v: any) => v.value);
    expect(months).toEqual([...months].sort().reverse());
    const years = countBy(sample, (a) => [a.published.slice(0, 4)]);
    expect(asMap(body.facets.published.years)).toEqual(years);
  });

  it('are disjunctive: a selected value does not zero the other values of its facet', async () => {
    const publishers = [...countBy(sample, FIELD.publisher!).keys()];
    const chosen = publishers[0]!;
    const q = `/search?type=article&facets=publisher,section&facetLimit=100&publisher=${encodeURIComponent(chosen)}`;
    const { body } = await get(q);
    expect(asMap(body.facets.publisher.values)).toEqual(countBy(sample, FIELD.publisher!));
    const within = sample.filter((a) => a.publisher === chosen);
    expect(body.total).toBe(within.length);
    expect(asMap(body.facets.section.values)).toEqual(countBy(within, FIELD.section!));
  });
});

describe('filters', () => {
  const publishers = [...countBy(sample, FIELD.publisher!).keys()];
  const sections = [...countBy(sample, FIELD.section!).keys()];
  const count = (pred: (a: (typeof sample)[number]) => boolean) => sample.filter(pred).length;

  it('OR within a facet, AND across facets', async () => {
    const [p1, p2] = publishers;
    const either = await get(
      `/search?type=article&publisher=${encodeURIComponent(p1!)}&publisher=${encodeURIComponent(p2!)}`,
    );
    expect(either.body.total).toBe(count((a) => a.publisher === p1 || a.publisher === p2));
    const both = await get(
      `/search?type=article&publisher=${encodeURIComponent(p1!)}&section=${encodeURIComponent(sections[0]!)}`,
    );
    expect(both.body.total).toBe(count((a) => a.publisher === p1 && a.section === sections[0]));
  });

  it('a leading "-" excludes a value', async () => {
    const { body } = await get(
      `/search?type=article&limit=100&publisher=-${encodeURIComponent(publishers[0]!)}`,
    );
    expect(body.total).toBe(count((a) => a.publisher !== publishers[0]));
    expect(body.hits.some((h: any) => h.publisher === publishers[0])).toBe(false);
  });

  it('from/to bound the date, inclusive, and published=YYYY-MM matches the month', async () => {
    const october = count((a) => a.published.startsWith('2026-10'));
    expect(october).toBeGreaterThan(0);
    expect((await get('/search?type=article&from=2026-10-01&to=2026-10-31')).body.total).toBe(october);
    expect((await get('/search?type=article&from=2026-10&to=2026-10')).body.total).toBe(october);
    expect((await get('/search?type=article&published=2026-10')).body.total).toBe(october);
    expect((await get('/search?type=article&published=-2026-10')).body.total).toBe(sample.length - october);
  });

  it('an empty query with filters browses, newest first', async () => {
    const { body } = await get(`/search?type=article&limit=100&section=${encodeURIComponent(sections[0]!)}`);
    expect(body.match).toBe('browse');
    const dates = body.hits.map((h: any) => h.published);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(body.total).toBe(count((a) => a.section === sections[0]));
  });

  it('rejects malformed filters with stable codes', async () => {
    expect((await get('/search?from=yesterday')).body.error.code).toBe('invalid_date');
    expect((await get('/search?facets=colour')).body.error.code).toBe('invalid_facet');
    expect(
      (await get(`/search?${Array.from({ length: 51 }, (_, i) => `tags=t${i}`).join('&')}`)).body.error.code,
    ).toBe('invalid_filter');
    const many = Array.from({ length: 26 }, (_, i) => `tags=t${i}&section=s${i}`).join('&');
    expect((await get(`/search?${many}`)).body.error.code).toBe('too_many_filters');
    expect((await get(`/search?publisher=${'x'.repeat(201)}`)).body.error.code).toBe('invalid_filter');
  });
});
