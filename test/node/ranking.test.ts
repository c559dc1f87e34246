/**
 * The ranking signals on top of BM25 (src/search/signals.ts), on a small invented corpus where
 * BM25 alone orders the documents the other way: each test checks the order with the signal and,
 * with the signal's weight set to nothing, that BM25 would have put another document first. The
 * scores before the signals stay MiniSearch's own (test/node/compact-index.test.ts).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedIndex, loadIndex } from '../../src/index/load.js';
import { memorySource } from '../../src/index/memory-source.js';
import { serializeIndex } from '../../src/index/serialize.js';
import type { Corpus } from '../../src/model/corpus.js';
import type { Article, Entity } from '../../src/model/documents.js';
import { search } from '../../src/search/search.js';
import { RANKING } from '../../src/search/signals.js';

const defaults = { ...RANKING };
afterEach(() => {
  Object.assign(RANKING, defaults);
});

function article(id: string, title: string, body = 'The council met on Tuesday evening.'): Article {
  return {
    id,
    title,
    subtitle: null,
    body,
    authors: [],
    publisher: 'The Invented Gazette',
    section: null,
    tags: [],
    published: '2026-09-01',
    url: null,
  };
}

function person(name: string, aliases: string[], articleIds: string[]): Entity {
  const id = `person-${name.toLowerCase().replace(/\W+/g, '-')}`;
  return { id, name, kind: 'person', aliases, mentionCount: articleIds.length, articleIds };
}

const filler = Array.from({ length: 12 }, (_, i) =>
  article(`filler-${i}`, `Weather Report Number ${i}`, 'Rain is expected along the coast this week.'),
);

const corpus: Corpus = {
  articles: [
    // Start of a title: the short title holds the words too, later, and BM25 prefers short titles.
    article('plan-start', 'Harbor Bridge Plan Wins Approval After Long Debate'),
    article('plan-later', 'Critics Slam Harbor Bridge Plan'),
    // Order and adjacency: the same two words, adjacent and in order, or apart and reversed.
    article('ferry-adjacent', 'Plan for Lantern Ferry Draws Praise From Commuters'),
    article('ferry-apart', 'Ferry to Lantern Point'),
    // Coverage: two of three words against one word many times.
    article(
      'coverage-two',
      'Yearly Figures Published',
      `${'The growers met again to go over the figures of the season and the prices. '.repeat(4)}An orchard cooperative spoke.`,
    ),
    article('coverage-one', 'Cooperative'),
    article('quade-wins', 'Marlow Quade Wins Council Vote', 'Marlow Quade won the vote.'),
    article('quade-statement', 'Quade Council Statement', 'Quade and the council.'),
    ...filler,
  ],
  quotes: [],
  entities: [person('Marlow Quade', ['Quade'], ['quade-wins']), person('Lucky Marlow', [], ['quade-wins'])],
};

let index: LoadedIndex;
beforeAll(async () => {
  index = await loadIndex(memorySource(await serializeIndex(corpus, { sources: [], skipped: 0 })));
});

const ids = (q: string, types: Array<'article' | 'entity'> = []) =>
  search(index, { q, types, limit: 10, offset: 0 }).hits.map((h) => h.id);

describe('ranking signals', () => {
  it('puts the title that starts with the words typed (one swapped) first', () => {
    expect(ids('harbor brigde plan', ['article']).slice(0, 2)).toEqual(['plan-start', 'plan-later']);
    Object.assign(RANKING, { start: 0, proximity: 0 });
    expect(ids('harbor brigde plan', ['article'])[0]).toBe('plan-later');
  });

  it('puts the title holding the words adjacent and in order first', () => {
    expect(ids('lantern ferry', ['article'])[0]).toBe('ferry-adjacent');
    Object.assign(RANKING, { start: 0, proximity: 0 });
    expect(ids('lantern ferry', ['article'])[0]).toBe('ferry-apart');
  });

  it('orders the any-word fallback by how many words matched, then by score', () => {
    const result = search(index, { q: 'orchard cooperative zqxv', types: [], limit: 10, offset: 0 });
    expect(result.match).toBe('any');
    expect(result.hits.map((h) => h.id).slice(0, 2)).toEqual(['coverage-two', 'coverage-one']);
    // By score alone the one-word match would come first.
    expect(result.hits[1]!.score).toBeGreaterThan(result.hits[0]!.score);
  });

  it('puts the person first for the full name with a slip, before nicknames and articles', () => {
    expect(ids('marlow qaude')[0]).toBe('person-marlow-quade');
    expect(ids('marlow quade')[0]).toBe('person-marlow-quade');
    Object.assign(RANKING, { nearName: 1 });
    expect(ids('marlow qaude')[0]).not.toBe('person-marlow-quade');
  });

  it('gives a short word one typo when the query found too little', () => {
    // "wnis" is one swap from "wins" (four letters): no typo for it while every word finds enough.
    const q = { q: 'quade council wnis', types: ['article' as const], limit: 10, offset: 0 };
    const result = search(index, q);
    expect(result.match).toBe('any');
    expect(result.hits[0]!.id).toBe('quade-wins');
    // Without it, the shorter title holding two of the words comes first.
    Object.assign(RANKING, { relaxedMinLength: Infinity });
    expect(search(index, q).hits[0]!.id).toBe('quade-statement');
  });
});
