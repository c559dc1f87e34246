/**
 * Fixed query sets drawn from the corpus with a seed, so that every engine and every run asks
 * the same questions. Words come from titles and bodies as readers would type them.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { eng as STOP_WORDS } from 'stopword';
import { typo } from '../scripts/lib/typos.js';
import type { Corpus } from '../src/model/corpus.js';

export const QUERY_CLASSES = ['oneWord', 'twoWords', 'phrase', 'typo', 'prefix', 'browse'] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];
export type QuerySets = Record<QueryClass, string[]>;

/** Facets the browse class counts: every facet our index has that an article carries. */
export const BROWSE_FACETS = [
  'type',
  'publisher',
  'section',
  'person',
  'organization',
  'place',
  'published',
] as const;

const stop = new Set(STOP_WORDS);
const plainWords = (text: string) =>
  text.split(/[^\p{L}]+/u).filter((w) => w.length >= 3 && !stop.has(w.toLowerCase()));

/** What query sets are drawn from: the articles' titles, bodies and publishers. */
export type QuerySource = {
  articles: Array<Pick<Corpus['articles'][number], 'title' | 'body' | 'publisher'>>;
};

export function drawQueries(corpus: QuerySource, seed: number, perClass: number): QuerySets {
  const rng = xoroshiro128plus(seed);
  const pick = <T>(items: readonly T[]): T => items[uniformInt(rng, 0, items.length - 1)]!;
  const sets: QuerySets = { oneWord: [], twoWords: [], phrase: [], typo: [], prefix: [], browse: [] };
  const articles = corpus.articles;
  for (let tries = 0; tries < perClass * 50 && sets.oneWord.length < perClass; tries++) {
    const w = plainWords(pick(articles).title);
    if (w.length) sets.oneWord.push(pick(w).toLowerCase());
  }
  for (let tries = 0; tries < perClass * 50 && sets.twoWords.length < perClass; tries++) {
    const w = plainWords(pick(articles).title);
    if (w.length < 2) continue;
    const i = uniformInt(rng, 0, w.length - 2);
    sets.twoWords.push(`${w[i]} ${w[i + 1]}`.toLowerCase());
  }
  for (let tries = 0; tries < perClass * 50 && sets.phrase.length < perClass; tries++) {
    const words = pick(articles)
      .body.split(/\s+/)
      .filter((w) => /^\p{L}+$/u.test(w));
    if (words.length < 10) continue;
    const i = uniformInt(rng, 0, words.length - 3);
    sets.phrase.push(
      `"${words
        .slice(i, i + 3)
        .join(' ')
        .toLowerCase()}"`,
    );
  }
  for (let tries = 0; tries < perClass * 50 && sets.typo.length < perClass; tries++) {
    const w = plainWords(pick(articles).title).filter((x) => x.length >= 5);
    if (w.length) sets.typo.push(typo(rng, pick(w).toLowerCase()));
  }
  for (let tries = 0; tries < perClass * 50 && sets.prefix.length < perClass; tries++) {
    const w = plainWords(pick(articles).body).filter((x) => x.length >= 6);
    if (w.length)
      sets.prefix.push(
        pick(w)
          .toLowerCase()
          .slice(0, uniformInt(rng, 3, 5)),
      );
  }
  // Browsing: the empty query with facets, under a few common filters.
  const publishers = [...new Set(articles.map((a) => a.publisher).filter((p): p is string => !!p))];
  for (let i = 0; i < perClass; i++)
    sets.browse.push(i % 2 === 0 || publishers.length === 0 ? '' : `publisher=${pick(publishers)}`);
  return sets;
}
