import { describe, expect, it } from 'vitest';
import { get, sample } from './helpers.js';

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const tokens = (s: string) =>
  fold(s)
    .split(/[\n\r\p{Z}\p{P}]+/u)
    .filter(Boolean);

function containsPhrase(text: string, phrase: string): boolean {
  return ` ${tokens(text).join(' ')} `.includes(` ${tokens(phrase).join(' ')} `);
}

async function docText(hit: any): Promise<string> {
  if (hit.type === 'article') {
    const { body } = await get(`/articles/${encodeURIComponent(hit.id)}`);
    return `${body.title}\n${body.subtitle ?? ''}\n${body.body}`;
  }
  if (hit.type === 'quote') return `${hit.text}\n${hit.speaker ?? ''}`;
  return [hit.name, ...hit.aliases].join('\n');
}

/** Two consecutive words of some body, both at least 5 letters. */
function bodyPhrase(): string {
  for (const a of sample) {
    const m = (a.body as string).match(/\b([a-z]{5,}) ([a-z]{5,})\b/);
    if (m) return `${m[1]} ${m[2]}`;
  }
  throw new Error('no phrase');
}

describe('query language', () => {
  it('"exact phrases" return only documents that hold the words in order', async () => {
    const phrase = bodyPhrase();
    const { body } = await get(`/search?q=${encodeURIComponent(`"${phrase}"`)}&limit=100`);
    expect(body.total).toBeGreaterThan(0);
    for (const hit of body.hits) expect(containsPhrase(await docText(hit), phrase), hit.id).toBe(true);

    const reversed = phrase.split(' ').reverse().join(' ');
    const rev = await get(`/search?q=${encodeURIComponent(`"${reversed}"`)}&limit=100`);
    for (const hit of rev.body.hits) expect(containsPhrase(await docText(hit), reversed)).toBe(true);
    const expectedReversed = sample.filter((a) =>
      containsPhrase(`${a.title}\n${a.subtitle ?? ''}\n${a.body}`, reversed),
    ).length;
    expect(rev.body.hits.filter((h: any) => h.type === 'article')).toHaveLength(expectedReversed);
  });

  it('-word excludes every document that contains the word', async () => {
    const [first, second] = bodyPhrase().split(' ');
    const withBoth = await get(`/search?q=${first}&type=article&limit=100`);
    const without = await get(
      `/search?q=${encodeURIComponent(`${first} -${second}`)}&type=article&limit=100`,
    );
    expect(without.body.total).toBeLessThan(withBoth.body.total);
    for (const hit of without.body.hits) expect(tokens(await docText(hit))).not.toContain(second);
  });

  it('matches the last word as a prefix while typing, not once a space follows', async () => {
    const name = sample.flatMap((a) => (a.body as string).match(/\b[A-Z][a-z]{7,}\b/g) ?? [])[0]!;
    const stem = name.slice(0, 5);
    const typing = await get(`/search?q=${stem}&type=article&limit=100`);
    const expected = sample.filter((a) =>
      tokens(`${a.title} ${a.subtitle ?? ''} ${a.body}`).some((t) => t.startsWith(fold(stem))),
    );
    expect(typing.body.total).toBeGreaterThanOrEqual(expected.length);
    const done = await get(`/search?q=${stem}%20&type=article&limit=100`);
    expect(done.body.total).toBeLessThan(typing.body.total);
  });

  it('does not fuzz short words into noise', async () => {
    const { body } = await get('/search?q=oslx&type=article');
    expect(body.total).toBe(0);
  });

  it('highlights matched words as offsets and as escaped HTML with <mark> only', async () => {
    const { body } = await get('/search?q=kovacevic&limit=20');
    expect(body.total).toBeGreaterThan(0);
    for (const hit of body.hits) {
      for (const [field, h] of Object.entries<any>(hit.highlight)) {
        const text = field === 'snippet' ? hit.snippet : hit[field];
        for (const [s, e] of h.ranges) expect(fold(text.slice(s, e))).toContain('kovacevic');
        expect(h.html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      }
    }
    expect(
      body.hits.some((h: any) =>
        Object.values<any>(h.highlight).some((x) => x.html.includes('<mark>Kovačević</mark>')),
      ),
    ).toBe(true);
  });

  it('crops the snippet around the best-matching passage', async () => {
    const article = sample.find((a) => (a.body as string).split('\n\n').length >= 5)!;
    const lastParagraph = (article.body as string).split('\n\n').at(-1)!;
    const words = lastParagraph.match(/\b[a-z]{6,}\b/g)!.slice(0, 2);
    const { body } = await get(
      `/search?q=${encodeURIComponent(`${article.title} ${words.join(' ')}`)}&type=article&limit=1`,
    );
    expect(body.hits[0].id).toBe(article.id);
    expect(body.hits[0].highlight.snippet.ranges.length).toBeGreaterThan(0);
  });

  it('sort=date orders by date, recency=true keeps the same set', async () => {
    const byDate = await get('/search?q=minister&type=article&sort=date&limit=100');
    const dates = byDate.body.hits.map((h: any) => h.published);
    expect(dates).toEqual([...dates].sort().reverse());
    const recent = await get('/search?q=minister&type=article&recency=true&limit=100');
    expect(recent.body.total).toBe(byDate.body.total);
  });

  it('a zero-hit query with a typo in a short word offers "did you mean"', async () => {
    const all = sample.map((a) => `${a.title} ${a.body}`).join(' ');
    const vocab = new Set(tokens(all));
    // A content word from a headline, five letters long, that occurs often.
    const word = [...new Set(tokens(sample.map((a) => a.title).join(' ')))].find(
      (w) => /^[a-z]{5}$/.test(w) && !vocab.has(w.slice(0, 2) + w.slice(3)) && fold(all).split(w).length > 3,
    )!;
    expect(word).toBeTruthy();
    const typo = word.slice(0, 2) + word.slice(3);
    // The trailing space says the word is complete: no prefix matching.
    const { body } = await get(`/search?q=${typo}%20`);
    expect(body.total).toBe(0);
    expect(typeof body.didYouMean).toBe('string');
    const fixed = await get(`/search?q=${encodeURIComponent(body.didYouMean)}`);
    expect(fixed.body.total).toBeGreaterThan(0);
  });
});

describe('GET /suggest', () => {
  it('completes the last word from frequent terms, ranked by frequency', async () => {
    const { status, body } = await get('/suggest?q=minis');
    expect(status).toBe(200);
    expect(body.suggestions.length).toBeGreaterThan(0);
    for (const s of body.suggestions)
      expect(
        fold(s.text)
          .split(' ')
          .some((w: string) => w.startsWith('minis')),
      ).toBe(true);
    const counts = body.suggestions.map((s: any) => s.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('keeps the words before the last one', async () => {
    const { body } = await get('/suggest?q=transport%20minis');
    expect(body.suggestions.some((s: any) => s.text.startsWith('transport minis'))).toBe(true);
  });

  it('answers an empty query with nothing, and a long one with 400', async () => {
    expect((await get('/suggest?q=')).body.suggestions).toEqual([]);
    expect((await get(`/suggest?q=${'x'.repeat(600)}`)).body.error.code).toBe('query_too_long');
  });
});

describe('GET /facets/:facet', () => {
  it('searches within the values of a facet, prefix and typo tolerant', async () => {
    const publisher: string = sample[0]!.publisher;
    const word = publisher.split(' ').find((w) => w.length >= 6)!;
    const prefix = await get(`/facets/publisher?q=${word.slice(0, 3)}`);
    expect(prefix.body.values.map((v: any) => v.value)).toContain(publisher);
    const swapped = `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}`;
    const swap = await get(`/facets/publisher?q=${encodeURIComponent(swapped)}`);
    expect(swap.body.values.map((v: any) => v.value)).toContain(publisher);
    const typo = `${word.slice(0, 3)}x${word.slice(4)}`;
    const fuzzy = await get(`/facets/publisher?q=${encodeURIComponent(typo)}`);
    expect(fuzzy.body.values.map((v: any) => v.value)).toContain(publisher);
    expect(prefix.body.values.find((v: any) => v.value === publisher).count).toBeGreaterThanOrEqual(
      sample.filter((a) => a.publisher === publisher).length,
    );
  });

  it('rejects an unknown facet', async () => {
    const { status, body } = await get('/facets/colour?q=x');
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_facet');
  });
});
