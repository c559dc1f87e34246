/**
 * Queries typed as readers type them, through the Worker on the sample index: a name with two
 * letters swapped, in lower case, finds the person first (in /search and in /suggest), and the
 * remembered start of a headline with a slip finds that article before others sharing its words.
 * Names and titles are taken from the sample at run time, so the tests follow its extraction.
 */
import { describe, expect, it } from 'vitest';
import { get, sample } from './helpers.js';

/** Two neighbouring letters swapped inside the word (never the first letter). */
function swapped(word: string, at = 2): string {
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

/** The person with the most articles whose name is two or more words, the last of 6+ letters. */
async function person(): Promise<{ id: string; name: string }> {
  const { body } = await get('/search?type=article&facets=person&facetLimit=50');
  const people: Array<{ id: string; name: string }> = body.facets.person.values.map((v: any) => ({
    id: v.id,
    name: v.name,
  }));
  const found = people.find((p) => {
    const words = p.name.split(' ');
    return words.length >= 2 && /^[a-z]{6,}$/i.test(words.at(-1)!);
  });
  expect(found, 'a person with a full name in the sample').toBeDefined();
  return found!;
}

const typed = (name: string) => {
  const words = name.toLowerCase().split(' ');
  words[words.length - 1] = swapped(words.at(-1)!);
  return words.join(' ');
};

describe('typos readers make', () => {
  it('finds a person from the full name with two letters of the surname swapped', async () => {
    const p = await person();
    const q = typed(p.name);
    expect(q).not.toBe(p.name.toLowerCase());
    const { body } = await get(`/search?q=${encodeURIComponent(q)}`);
    expect(body.match).toBe('all');
    expect(body.hits[0]).toMatchObject({ type: 'entity', id: p.id });
  });

  it('suggests the person while the name is typed with the swap', async () => {
    const p = await person();
    const q = typed(p.name);
    for (const partial of [q, q.slice(0, -1)]) {
      const { body } = await get(`/suggest?q=${encodeURIComponent(partial)}`);
      expect(body.suggestions[0], partial).toMatchObject({ kind: 'entity', id: p.id, text: p.name });
    }
  });

  it('finds an article from the start of its title, a word swapped, before a title holding the words later', async () => {
    const titles = sample.map((a) => ({
      id: a.id as string,
      words: (a.title as string).toLowerCase().split(/\s+/),
    }));
    const startsWith = (t: (typeof titles)[0], w: string[]) => w.every((x, i) => t.words[i] === x);
    const holdsLater = (t: (typeof titles)[0], w: string[]) =>
      t.words.some((x, i) => i > 0 && x === w[0] && t.words[i + 1] === w[1]);
    const target = titles.find((t) => {
      const first = t.words.slice(0, 2);
      return (
        first.every((w) => /^[a-z]+$/.test(w)) &&
        first.some((w) => w.length >= 5) &&
        titles.filter((o) => startsWith(o, first)).length === 1 &&
        titles.some((o) => holdsLater(o, first))
      );
    });
    expect(target, 'a title whose first words stand later in another title').toBeDefined();
    const first = target!.words.slice(0, 2);
    const long = first[0]!.length >= 5 ? 0 : 1;
    first[long] = swapped(first[long]!);
    const q = first.join(' ');
    const { body } = await get(`/search?q=${encodeURIComponent(q)}&type=article`);
    expect(body.hits[0], q).toMatchObject({ type: 'article', id: target!.id });
    // Over all types an entity of that name may come first (the query names it); the article still
    // comes before every article holding the words later in its title.
    const all = (await get(`/search?q=${encodeURIComponent(q)}`)).body.hits.filter(
      (h: any) => h.type === 'article',
    );
    expect(all[0].id).toBe(target!.id);
  });

  it('keeps the words that matched when a short word has a slip', async () => {
    // A four-letter word gets no typo when the query finds enough; when it does not, it gets one.
    const plain = (title: string) =>
      title
        .toLowerCase()
        .split(/\s+/)
        .filter((w) => /^[a-z]+$/.test(w))
        .slice(0, 4);
    const target = sample.find(
      (a) => plain(a.title).length === 4 && plain(a.title).some((w) => w.length === 4),
    );
    expect(target, 'a title with a four-letter word').toBeDefined();
    const words = plain(target!.title);
    const at = words.findIndex((w) => w.length === 4);
    words[at] = swapped(words[at]!, 1);
    const { body } = await get(`/search?q=${encodeURIComponent(words.join(' '))}&type=article`);
    expect(body.match).toBe('any');
    expect(body.hits[0], words.join(' ')).toMatchObject({ id: target!.id });
  });
});
