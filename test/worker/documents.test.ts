import { describe, expect, it } from 'vitest';
import { get, sample } from './helpers.js';

describe('GET /articles/:id', () => {
  it('returns every stored article as written', async () => {
    for (const input of sample) {
      const { status, body } = await get(`/articles/${encodeURIComponent(input.id)}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        type: 'article',
        id: input.id,
        title: input.title,
        body: input.body,
        publisher: input.publisher,
        published: input.published,
        section: input.section,
        tags: input.tags,
      });
      expect(body.authors.length > 0).toBe(Boolean(input.author));
      for (const author of body.authors) expect(input.author).toContain(author);
    }
  });
});

describe('GET /quotes/:id and /entities/:id', () => {
  it('returns the quotes and entities that search finds', async () => {
    const { body } = await get('/search?type=quote&type=entity&limit=100');
    for (const hit of body.hits) {
      const store = hit.type === 'quote' ? 'quotes' : 'entities';
      const doc = await get(`/${store}/${encodeURIComponent(hit.id)}`);
      expect(doc.status).toBe(200);
      expect(doc.body.id).toBe(hit.id);
      expect(doc.body.type).toBe(hit.type);
    }
  });
});
