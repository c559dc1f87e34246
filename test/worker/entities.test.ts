import { describe, expect, it } from 'vitest';
import { get, sample } from './helpers.js';

async function topPerson(): Promise<any> {
  const { body } = await get('/search?type=quote&facets=speaker&facetLimit=1');
  const speaker = body.facets.speaker.values[0];
  expect(speaker.kind).toBe('person');
  return (await get(`/entities/${encodeURIComponent(speaker.id)}`)).body;
}

describe('entity pages', () => {
  it('give kind, aliases, counts, quotes, recent articles and related entities', async () => {
    const person = await topPerson();
    expect(person).toMatchObject({ type: 'entity', kind: 'person' });
    expect(person.aliases.length).toBeGreaterThan(0);
    const said = await get(`/search?type=quote&speaker=${encodeURIComponent(person.id)}&limit=100`);
    expect(person.counts.quotes).toBe(said.body.total);
    expect(person.quotes.map((q: any) => q.id).sort()).toEqual(said.body.hits.map((h: any) => h.id).sort());
    expect(person.counts.articles).toBe(person.articleIds.length);
    const dates = person.recentArticles.map((a: any) => a.published);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(person.recentArticles.length).toBe(Math.min(10, person.articleIds.length));
    const shared = person.related.map((r: any) => r.sharedArticles);
    expect(shared).toEqual([...shared].sort((a: number, b: number) => b - a));
    for (const r of person.related.slice(0, 3)) {
      const other = (await get(`/entities/${encodeURIComponent(r.id)}`)).body;
      const both = other.articleIds.filter((id: string) => person.articleIds.includes(id));
      expect(both.length).toBe(r.sharedArticles);
    }
  });

  it('merge aliases: each alias is written in an article of the entity', async () => {
    const person = await topPerson();
    const bodies = sample.filter((a) => person.articleIds.includes(a.id)).map((a) => `${a.title}\n${a.body}`);
    for (const alias of [person.name, ...person.aliases])
      expect(
        bodies.some((b) => b.includes(alias)),
        alias,
      ).toBe(true);
  });
});

describe('entity filters and facets', () => {
  it('person=<id> finds everything that mentions or quotes the person', async () => {
    const person = await topPerson();
    const articles = await get(`/search?type=article&person=${encodeURIComponent(person.id)}&limit=100`);
    expect(articles.body.hits.map((h: any) => h.id).sort()).toEqual([...person.articleIds].sort());
    const quotes = await get(`/search?type=quote&person=${encodeURIComponent(person.id)}&limit=100`);
    const ids = quotes.body.hits.map((h: any) => h.id);
    for (const q of person.quotes) expect(ids).toContain(q.id);
    const entity = await get(`/search?type=entity&person=${encodeURIComponent(person.id)}`);
    expect(entity.body.hits.map((h: any) => h.id)).toEqual([person.id]);
  });

  it('count speakers over all quotes, with entity ids and names', async () => {
    const all = await get('/search?type=quote&limit=100');
    const expected = new Map<string, number>();
    for (const q of all.body.hits) {
      const key = q.speakerId ?? q.speaker;
      if (key) expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const { body } = await get('/search?type=quote&facets=speaker&facetLimit=100');
    expect(new Map(body.facets.speaker.values.map((v: any) => [v.value, v.count]))).toEqual(expected);
    for (const v of body.facets.speaker.values.filter((x: any) => x.id))
      expect(v.name.length).toBeGreaterThan(2);
  });

  it('count people, organizations and places per article', async () => {
    const { body } = await get('/search?type=article&facets=person,organization,place&facetLimit=5');
    for (const facet of ['person', 'organization', 'place']) {
      expect(body.facets[facet].values.length, facet).toBeGreaterThan(0);
      for (const v of body.facets[facet].values) {
        const page = (await get(`/entities/${encodeURIComponent(v.id)}`)).body;
        expect(page.kind).toBe(facet);
        // A country also counts the articles that name only its cities; the filter finds them all.
        const filtered = (await get(`/search?type=article&${facet}=${encodeURIComponent(v.id)}&limit=1`))
          .body;
        expect(v.count).toBe(filtered.total);
        if (facet === 'place') expect(v.count).toBeGreaterThanOrEqual(page.articleIds.length);
        else expect(v.count).toBe(page.articleIds.length);
      }
    }
  });

  it('search within entity facet values by name', async () => {
    const person = await topPerson();
    const surname = person.name.split(' ').at(-1);
    const { body } = await get(`/facets/speaker?q=${encodeURIComponent(surname.slice(0, 4))}`);
    expect(body.values.map((v: any) => v.id)).toContain(person.id);
  });
});

describe('entity search', () => {
  it('puts the entity whose name is the query first among entities', async () => {
    const person = await topPerson();
    const { body } = await get(`/search?q=${encodeURIComponent(person.name)}&type=entity`);
    expect(body.hits[0].id).toBe(person.id);
  });

  it('finds both spellings of a name through typo tolerance', async () => {
    const spelled = (w: string) => sample.filter((a) => `${a.title} ${a.body}`.includes(w)).map((a) => a.id);
    const a = spelled('Marchenko');
    const b = spelled('Martchenko');
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    for (const q of ['Marchenko', 'Martchenko']) {
      const { body } = await get(`/search?q=${q}&type=article&limit=100`);
      expect(body.hits.map((h: any) => h.id)).toEqual(expect.arrayContaining([...a, ...b]));
    }
  });

  it('suggests entity names as completions', async () => {
    const person = await topPerson();
    const surname: string = person.name.split(' ').at(-1);
    const { body } = await get(`/suggest?q=${encodeURIComponent(surname.slice(0, 4))}`);
    expect(
      body.suggestions.some((s: any) => s.kind === 'entity' && s.id === person.id && s.text === person.name),
    ).toBe(true);
  });
});
