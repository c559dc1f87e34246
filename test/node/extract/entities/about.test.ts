/** The places an article is about: dateline, headline, lead, or most of its place mentions. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareCorpus } from '../../../../src/build/build.js';
import { extractLines } from '../../../../src/build/extract-lines.js';
import { aboutPlaces } from '../../../../src/extract/entities/corpus/about.js';
import { extractEntities } from '../../../../src/extract/entities/extract.js';
import { loadDefaultExtractor } from '../../../../src/pipeline/load-extractor.js';

const about = (body: string, opts: { title?: string; dateline?: string } = {}) => {
  const entities = extractEntities(body, { tagger: false, ...opts });
  return aboutPlaces(entities, body.length)
    .map((at) => entities[at]!.name)
    .sort();
};

const filler = 'The council met again and the talks went on for hours without a decision. '.repeat(6);

describe('about places', () => {
  it('keeps the dateline, the lead and the headline, not a country named once in passing', () => {
    const body = `Farmers in Norway protested on Monday. ${filler}A similar protest in Chile last year ended quickly.`;
    expect(about(body)).toEqual(['Norway']);
    expect(about(body, { dateline: 'OSLO, March 3' })).toEqual(['Norway', 'Oslo']);
    expect(about(body, { title: 'Chile and Norway compared' })).toEqual(['Chile', 'Norway']);
  });

  it('counts a city for its country: a story about Lyon is about France', () => {
    const body = `${filler}Lyon was quiet. In Lyon, shops stayed shut. Lyon officials said little. Spain watched.`;
    expect(about(body)).toEqual(['Lyon']);
  });
});

describe('an article’s about field', () => {
  it('lists the ids of the places it is about, with their countries, and no place named in passing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'about-'));
    try {
      const file = join(dir, 'a.ndjson');
      const article = (id: string, body: string, dateline?: string) =>
        JSON.stringify({ id, title: 'Harbour news', body, ...(dateline ? { dateline } : {}) });
      writeFileSync(
        file,
        `${[
          article(
            'lyon',
            `Lyon shops stayed shut on Monday. ${filler}A similar strike in Chile ended quickly.`,
          ),
          article('paris', `France's ministers met on Monday. ${filler}`, 'PARIS, March 3'),
        ].join('\n')}\n`,
      );
      const { corpus, items, merged } = await prepareCorpus({
        inputs: [file],
        loadExtractor: loadDefaultExtractor,
      });
      const byId = new Map(corpus.articles.map((a) => [a.id, a]));
      expect(byId.get('lyon')!.about).toEqual(['place-lyon', 'place-france']);
      // `npm run extract` prints the same field.
      const lines = new Map(extractLines(items, corpus, merged).map((l) => [l.id, l]));
      expect(lines.get('lyon')!.about).toEqual(['place-lyon', 'place-france']);
      expect(byId.get('paris')!.about!.sort()).toEqual(['place-france', 'place-paris']);
      // Every place named still files the article under it.
      expect(corpus.entities.find((e) => e.id === 'place-chile')!.articleIds).toEqual(['lyon']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
