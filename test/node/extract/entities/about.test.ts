/** The places an article is about: dateline, headline, lead, or most of its place mentions. */
import { describe, expect, it } from 'vitest';
import { aboutPlaces } from '../../../../src/extract/entities/corpus/about.js';
import { extractEntities } from '../../../../src/extract/entities/extract.js';

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
