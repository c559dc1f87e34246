/**
 * Known-item queries for relevance evaluation: each query has exactly one right answer.
 *  - typo'd title: an article's title with one typo in one word of 5+ letters → that article
 *  - quote fragment: 4–6 consecutive words of a quote → that quote (or an identical quote)
 *  - entity alias: an alias that names one entity only → that entity
 * Drawn with a seeded generator so that every run asks the same questions.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Corpus } from '../../src/model/corpus.js';
import type { DocType } from '../../src/model/documents.js';

export type QueryClass = 'typo-title' | 'quote-fragment' | 'entity-alias';

export interface KnownItem {
  class: QueryClass;
  q: string;
  type: DocType;
  /** Ids that count as the right answer. */
  answers: string[];
}

type Rng = ReturnType<typeof xoroshiro128plus>;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[uniformInt(rng, 0, items.length - 1)]!;
}

function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];

/** One edit: substitution, deletion, insertion or a swap of neighbours, never at the first letter. */
export function typo(rng: Rng, word: string): string {
  const i = uniformInt(rng, 1, word.length - 2);
  switch (uniformInt(rng, 0, 3)) {
    case 0: {
      let c = pick(rng, LETTERS);
      while (c === word[i]!.toLowerCase()) c = pick(rng, LETTERS);
      return word.slice(0, i) + c + word.slice(i + 1);
    }
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + pick(rng, LETTERS) + word.slice(i);
    default:
      return word[i] === word[i + 1]
        ? word.slice(0, i) + word.slice(i + 1)
        : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  }
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function knownItems(
  corpus: Corpus,
  articleIds: ReadonlySet<string>,
  seed: number,
  perClass: number,
): KnownItem[] {
  const rng = xoroshiro128plus(seed);
  const items: KnownItem[] = [];

  const articles = corpus.articles.filter((a) => articleIds.has(a.id));
  for (const a of shuffle(rng, articles)) {
    if (items.filter((i) => i.class === 'typo-title').length >= perClass) break;
    const words = a.title.split(/\s+/);
    const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^\p{L}{5,}$/u.test(w));
    if (candidates.length === 0 || words.length < 3) continue;
    const [word, at] = pick(rng, candidates);
    words[at] = typo(rng, word);
    items.push({ class: 'typo-title', q: words.join(' '), type: 'article', answers: [a.id] });
  }

  const quotes = corpus.quotes.filter((q) => articleIds.has(q.articleId));
  const quoteTexts = corpus.quotes.map((o) => [o.id, ` ${norm(o.text)} `] as const);
  for (
    let tries = 0;
    tries < perClass * 10 && items.filter((i) => i.class === 'quote-fragment').length < perClass;
    tries++
  ) {
    const q = pick(rng, quotes);
    const words = norm(q.text).split(' ');
    const n = uniformInt(rng, 4, 6);
    if (words.length < n + 2) continue;
    const from = uniformInt(rng, 0, words.length - n);
    const fragment = words.slice(from, from + n).join(' ');
    const answers = quoteTexts.filter(([, text]) => text.includes(` ${fragment} `)).map(([id]) => id);
    if (answers.length > 3) continue; // a boilerplate phrase, not a known item
    items.push({ class: 'quote-fragment', q: fragment, type: 'quote', answers });
  }

  const aliasOwners = new Map<string, Set<string>>();
  for (const e of corpus.entities) {
    for (const name of [e.name, ...e.aliases])
      aliasOwners.set(norm(name), (aliasOwners.get(norm(name)) ?? new Set()).add(e.id));
  }
  const entities = corpus.entities.filter(
    (e) => e.articleIds.some((id) => articleIds.has(id)) && e.aliases.length > 0,
  );
  const usable = entities.flatMap((e) =>
    e.aliases
      .filter((a) => aliasOwners.get(norm(a))?.size === 1 && norm(a) !== '')
      .map((a) => [e, a] as const),
  );
  const used = new Set<string>();
  for (let tries = 0; tries < perClass * 10 && used.size < perClass && usable.length > 0; tries++) {
    const [e, alias] = pick(rng, usable);
    if (used.has(alias)) continue;
    used.add(alias);
    items.push({ class: 'entity-alias', q: alias, type: 'entity', answers: [e.id] });
  }
  return items;
}
