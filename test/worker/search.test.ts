import { describe, expect, it } from 'vitest';
import { get, sample } from './helpers.js';

/** A word that occurs in exactly the sample articles whose title contains it (checked below). */
function titleWord(): { word: string; ids: string[] } {
  for (const article of sample) {
    for (const word of (article.title as string).split(/[^\p{L}]+/u)) {
      if (word.length < 7) continue;
      const re = new RegExp(`\\b${word}\\b`, 'i');
      const ids = sample
        .filter((a) => re.test(a.title) || re.test(a.body) || re.test(a.subtitle ?? ''))
        .map((a) => a.id);
      if (ids.length >= 1 && ids.length <= 3) return { word, ids };
    }
  }
  throw new Error('sample has no distinctive title word');
}

describe('GET /search', () => {
  it('finds the articles that contain a word, title matches first', async () => {
    const { word, ids } = titleWord();
    const { status, body } = await get(`/search?q=${encodeURIComponent(word.toLowerCase())}&type=article`);
    expect(status).toBe(200);
    expect(body.query).toBe(word.toLowerCase());
    expect(body.total).toBe(ids.length);
    expect(body.hits.map((h: any) => h.id).sort()).toEqual([...ids].sort());
    const first = body.hits[0];
    expect(first.type).toBe('article');
    expect(first.title.toLowerCase()).toContain(word.toLowerCase());
    expect(typeof first.score).toBe('number');
    expect(typeof body.tookMs).toBe('number');
    expect(first).not.toHaveProperty('body');
  });

  it('returns shown fields of articles as stored', async () => {
    const article = sample[0]!;
    const { body } = await get(`/search?q=${encodeURIComponent(article.title)}&type=article&limit=1`);
    expect(body.hits[0]).toMatchObject({
      id: article.id,
      title: article.title,
      publisher: article.publisher,
      section: article.section,
      published: article.published,
      url: article.url,
      tags: article.tags,
    });
    const snippet: string = body.hits[0].snippet;
    expect(article.body.replace(/\s+/g, ' ')).toContain(snippet.replace(/^…|…$/g, ''));
    expect(snippet.length).toBeLessThanOrEqual(245);
  });

  it('folds case and diacritics', async () => {
    const accented = sample.flatMap(
      (a) => (a.body as string).match(/\b\p{Lu}\p{L}*[čćšžéüöñáíóú]\p{L}*/gu) ?? [],
    )[0];
    expect(accented, 'the sample should contain an accented name').toBeTruthy();
    const plain = accented!.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const a = await get(`/search?q=${encodeURIComponent(accented!)}`);
    const b = await get(`/search?q=${encodeURIComponent(plain)}`);
    expect(a.body.total).toBeGreaterThan(0);
    expect(b.body.hits.map((h: any) => h.id)).toEqual(a.body.hits.map((h: any) => h.id));
  });

  it('searches every type in one list unless type is given, and type may repeat', async () => {
    const all = await get('/search?limit=100');
    const types = new Set(all.body.hits.map((h: any) => h.type));
    expect(all.body.match).toBe('browse');
    expect(types.has('article')).toBe(true);

    const onlyArticles = await get('/search?type=article&limit=100');
    expect(onlyArticles.body.total).toBe(sample.length);
    expect(onlyArticles.body.hits.every((h: any) => h.type === 'article')).toBe(true);

    const both = await get('/search?type=article&type=entity&limit=1');
    const comma = await get('/search?type=article,entity&limit=1');
    expect(both.body.total).toBe(comma.body.total);
    expect(both.body.total).toBeGreaterThanOrEqual(sample.length);
  });

  it('pages with limit and offset over a stable total', async () => {
    const whole = await get('/search?q=the&type=article&limit=100');
    expect(whole.body.total).toBeGreaterThan(4);
    const p1 = await get('/search?q=the&type=article&limit=2&offset=0');
    const p2 = await get('/search?q=the&type=article&limit=2&offset=2');
    expect(p1.body.total).toBe(whole.body.total);
    expect([...p1.body.hits, ...p2.body.hits].map((h: any) => h.id)).toEqual(
      whole.body.hits.slice(0, 4).map((h: any) => h.id),
    );
    const beyond = await get(`/search?q=the&type=article&offset=${whole.body.total}`);
    expect(beyond.body.hits).toEqual([]);
  });

  it('falls back to any-word ranking when no document has every word, and says so', async () => {
    const { word } = titleWord();
    const { body } = await get(`/search?q=${encodeURIComponent(`${word} zzqxjv`)}`);
    expect(body.match).toBe('any');
    expect(body.total).toBeGreaterThan(0);
  });

  it('tolerates a typo in a long word', async () => {
    const { word, ids } = titleWord();
    const typo = word.slice(0, 2) + word[3] + word[2] + word.slice(4);
    const { body } = await get(`/search?q=${encodeURIComponent(typo)}&type=article`);
    expect(body.hits.map((h: any) => h.id)).toEqual(expect.arrayContaining(ids));
  });
});
