import { describe, expect, it } from 'vitest';
import { searchQuerySchema } from '../../src/worker/schemas.js';
import { get } from './helpers.js';

describe('quotes in results', () => {
  it('article hits carry their matching quotes as sub-results', async () => {
    const quotes = await get('/search?type=quote&limit=100');
    expect(quotes.body.total).toBeGreaterThan(10);
    const quote = quotes.body.hits.find((q: any) => q.text.split(/\s+/).length >= 8)!;
    const words = quote.text.replace(/[“”"]/g, '').split(/\s+/).slice(1, 6).join(' ');
    const { body } = await get(`/search?q=${encodeURIComponent(`"${words}"`)}&limit=100`);
    const article = body.hits.find((h: any) => h.type === 'article' && h.id === quote.articleId);
    expect(article, 'the article holding the quote').toBeTruthy();
    expect(article.quotes.map((q: any) => q.id)).toContain(quote.id);
    expect(body.hits.some((h: any) => h.type === 'quote' && h.id === quote.id)).toBe(true);
  });

  it('distinct=article collapses an article and its quotes into one hit', async () => {
    const plain = await get('/search?q=said&limit=100');
    const distinct = await get('/search?q=said&limit=100&distinct=article');
    const groups = new Set(
      plain.body.hits.map((h: any) => (h.type === 'entity' ? h.id : (h.articleId ?? h.id))),
    );
    expect(distinct.body.total).toBe(groups.size);
    const seen = distinct.body.hits.map((h: any) => (h.type === 'entity' ? h.id : (h.articleId ?? h.id)));
    expect(new Set(seen).size).toBe(seen.length);
    expect(distinct.body.total).toBeLessThan(plain.body.total);
  });

  it('quote hits name their speaker and article', async () => {
    const { body } = await get('/search?type=quote&limit=100');
    const attributed = body.hits.filter((q: any) => q.speaker);
    expect(attributed.length / body.hits.length).toBeGreaterThan(0.8);
    for (const q of body.hits) {
      const article = await get(`/articles/${encodeURIComponent(q.articleId)}`);
      expect(article.body.body.includes(q.text.trim().slice(1, 30)), q.id).toBe(true);
      expect(q.articleTitle).toBe(article.body.title);
    }
  });
});

describe('GET /openapi.json', () => {
  it('describes every parameter that /search validates, with its limits', async () => {
    const { status, body } = await get('/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const params = body.paths['/search'].get.parameters;
    expect(params.map((p: any) => p.name).sort()).toEqual(
      [...Object.keys(searchQuerySchema.shape), 'key', 'If-None-Match'].sort(),
    );
    const limit = params.find((p: any) => p.name === 'limit');
    expect(limit.schema).toMatchObject({ minimum: 1, maximum: 100 });
    expect(params.find((p: any) => p.name === 'q').schema.maxLength).toBe(512);
    for (const path of [
      '/suggest',
      '/facets/{facet}',
      '/articles/{id}',
      '/entities/{id}',
      '/health',
      '/stats',
    ]) {
      expect(body.paths[path], path).toBeTruthy();
    }
  });
});
