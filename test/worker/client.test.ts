/**
 * A client generated from the served document proves it: openapi-fetch typed by
 * test/generated/api.d.ts (openapi-typescript), against the Worker, to search, page, filter,
 * open an entity page and read errors. Its requests are the document's own serialization
 * (repeated parameters for lists) and every answer is validated against the document too.
 */
import { SELF } from 'cloudflare:test';
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import type { paths } from '../generated/api.js';
import { BASE, checked } from './helpers.js';

const client = createClient<paths>({
  baseUrl: BASE,
  fetch: async (request: Request) => {
    const init = { method: request.method, headers: Object.fromEntries(request.headers) };
    return checked(request.url, init, await SELF.fetch(request.url, init));
  },
});

describe('a client generated from /openapi.json', () => {
  it('searches, pages and filters', async () => {
    const first = await client.GET('/search', {
      params: { query: { q: '', type: ['article'], limit: 5, facets: ['publisher', 'person'] } },
    });
    expect(first.response.status).toBe(200);
    const page1 = first.data!;
    expect(page1.hits).toHaveLength(5);
    expect(page1.hits.every((h) => h.type === 'article')).toBe(true);
    const publisher = page1.facets?.publisher?.values[0];
    expect(publisher).toBeDefined();

    const second = await client.GET('/search', {
      params: { query: { q: '', type: ['article'], limit: 5, offset: 5 } },
    });
    const page2 = second.data!;
    expect(page2.total).toBe(page1.total);
    expect(page2.hits.map((h) => h.id)).not.toContain(page1.hits[0]!.id);

    const filtered = await client.GET('/search', {
      params: { query: { q: '', type: ['article'], publisher: [publisher!.value], limit: 100 } },
    });
    expect(filtered.data!.total).toBe(publisher!.count);
    for (const hit of filtered.data!.hits) {
      if (hit.type === 'article') expect(hit.publisher).toBe(publisher!.value);
    }
  });

  it('opens an entity page from a facet value', async () => {
    const speakers = await client.GET('/search', {
      params: { query: { type: ['quote'], facets: ['speaker'], facetLimit: 1 } },
    });
    const id = speakers.data!.facets!.speaker!.values[0]!.id!;
    const page = await client.GET('/entities/{id}', { params: { path: { id } } });
    expect(page.response.status).toBe(200);
    expect(page.data!).toMatchObject({ type: 'entity', id });
    expect(page.data!.counts.quotes).toBeGreaterThan(0);
    expect(page.data!.quotes[0]!.speaker).not.toBeNull();
  });

  it('suggests and searches facet values', async () => {
    const suggest = await client.GET('/suggest', { params: { query: { q: 'har', limit: 3 } } });
    expect(suggest.data!.suggestions.length).toBeGreaterThan(0);
    const values = await client.GET('/facets/{facet}', {
      params: { path: { facet: 'person' }, query: { q: 'a' } },
    });
    expect(values.data!.facet).toBe('person');
  });

  it('reads errors with their documented codes', async () => {
    const bad = await client.GET('/search', { params: { query: { q: 'x', limit: 0 } } });
    expect(bad.response.status).toBe(400);
    expect(bad.data).toBeUndefined();
    expect(bad.error!.error.code).toBe('invalid_limit');
    expect(bad.error!.error.message).toBe('limit: must be an integer from 1 to 100');

    const missing = await client.GET('/articles/{id}', { params: { path: { id: 'no-such-article' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error!.error.code).toBe('not_found');

    const date = await client.GET('/search', { params: { query: { from: '2016-02-30' } } });
    expect(date.error!.error.code).toBe('invalid_date');
  });

  it('revalidates with the ETag it was given', async () => {
    const first = await client.GET('/stats');
    const tag = first.response.headers.get('ETag')!;
    const again = await client.GET('/stats', { params: { header: { 'If-None-Match': tag } } });
    expect(again.response.status).toBe(304);
  });
});
