/**
 * A city answers its country's filter: `place=place-<country>` finds the articles that name only a
 * city of that country, once the archive names the country as a place. Invented articles.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareCorpus } from '../../src/build/build.js';
import { type LoadedIndex, loadIndex } from '../../src/index/load.js';
import { memorySource } from '../../src/index/memory-source.js';
import { serializeIndex } from '../../src/index/serialize.js';
import { loadDefaultExtractor } from '../../src/pipeline/load-extractor.js';
import { search } from '../../src/search/search.js';

const dir = mkdtempSync(join(tmpdir(), 'place-country-'));
let index: LoadedIndex;

const articles = [
  { id: 'a1', title: 'Bakers strike', body: 'Bakers in Lyon stopped work on Monday, the union said.' },
  { id: 'a2', title: 'Rail talks', body: 'France and its rail unions met again, officials said.' },
  { id: 'a3', title: 'Harbour dues', body: 'Harbour dues in Kelmarsh Bay rose again, the port board said.' },
  {
    id: 'a4',
    title: 'Market day',
    body: 'The market in Rosario opened early, traders said.',
    dateline: 'ROSARIO, March 3',
  },
];

beforeAll(async () => {
  const file = join(dir, 'articles.ndjson');
  writeFileSync(file, `${articles.map((a) => JSON.stringify(a)).join('\n')}\n`);
  const { corpus } = await prepareCorpus({ inputs: [file], loadExtractor: loadDefaultExtractor });
  index = await loadIndex(memorySource(await serializeIndex(corpus, { sources: [file], skipped: 0 })));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const articlesIn = (place: string) =>
  search(index, {
    q: '',
    types: ['article'],
    limit: 10,
    offset: 0,
    filters: { facets: { place: { include: [place], exclude: [] } }, from: null, to: null },
  })
    .hits.map((h) => h.id)
    .sort();

describe('place filter by country', () => {
  it('finds the articles that name the country or one of its cities', () => {
    expect(articlesIn('place-france')).toEqual(['a1', 'a2']);
    expect(articlesIn('place-lyon')).toEqual(['a1']);
  });

  it('files no article under a country the archive never names as a place', () => {
    // Rosario lies in Argentina, which no article names: no "place-argentina" values appear.
    expect(articlesIn('place-rosario')).toEqual(['a4']);
    expect(articlesIn('place-argentina')).toEqual([]);
  });
});
