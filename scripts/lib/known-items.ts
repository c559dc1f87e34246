/**
 * Known-item queries for relevance evaluation: each query has one right answer (or a few
 * indistinguishable ones), typed as readers type it:
 *  - typo-title: an article's whole title with one typo in one word of 5+ letters → that article
 *    (or any article with the same title)
 *  - title-start: the first few words of a title as remembered (words of 4+ letters, stop words
 *    and tickers left out, lower case), one of them with a typo → that article (or any article
 *    whose title starts with the same words)
 *  - quote-fragment: 4–6 consecutive words of a quote → that quote (or an identical quote)
 *  - entity-alias: an alias that names one entity only → that entity
 *  - full-name: a person's full name in lower case with one typo in the surname → that person
 *  - suggest-name: the same typed into the search box's type-ahead (/suggest) → that person
 * Typos are the slips readers make (./typos.ts). Drawn with a seeded generator so that every run
 * asks the same questions; entities are drawn from the split's articles only, and a tuning split
 * can leave out every entity that a held-out article mentions (see `excludeEntitiesOf`).
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { eng as STOP_WORDS } from 'stopword';
import type { Corpus } from '../../src/model/corpus.js';
import type { DocType } from '../../src/model/documents.js';
import { pick, type Rng, readerTypo, type TypoKind } from './typos.js';

export const QUERY_CLASSES = [
  'typo-title',
  'title-start',
  'quote-fragment',
  'entity-alias',
  'full-name',
  'suggest-name',
] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export interface KnownItem {
  class: QueryClass;
  q: string;
  type: DocType;
  /** Ids that count as the right answer. */
  answers: string[];
  /** The slip in the query, when it has one. */
  typo?: TypoKind;
}

export interface DrawOptions {
  /** Articles the queries come from (one split). */
  articleIds: ReadonlySet<string>;
  /** Entities mentioned in any of these articles are not drawn (the held-out split's, when tuning). */
  excludeEntitiesOf?: ReadonlySet<string>;
  seed: number;
  perClass: number;
  classes: readonly QueryClass[];
  /** How many words a remembered title start has, at least and at most. */
  titleStart?: [number, number];
}

function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const stop = new Set(STOP_WORDS);

/** The words a reader remembers of a title: letters only, 4+ of them, no stop words. */
export function titleWords(title: string): string[] {
  return title
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 4 && !stop.has(w));
}

function typoTitles(rng: Rng, corpus: Corpus, ids: ReadonlySet<string>, perClass: number): KnownItem[] {
  const items: KnownItem[] = [];
  // Wire services repeat a headline: every article with the same title is the right answer.
  const sameTitle = new Map<string, string[]>();
  for (const a of corpus.articles) {
    const key = norm(a.title ?? '');
    sameTitle.set(key, [...(sameTitle.get(key) ?? []), a.id]);
  }
  for (const a of shuffle(
    rng,
    corpus.articles.filter((a) => ids.has(a.id)),
  )) {
    if (items.length >= perClass) break;
    const words = a.title.split(/\s+/);
    const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^\p{L}{5,}$/u.test(w));
    if (candidates.length === 0 || words.length < 3) continue;
    const [word, at] = pick(rng, candidates);
    const slip = readerTypo(rng, word);
    words[at] = slip.word;
    items.push({
      class: 'typo-title',
      q: words.join(' '),
      type: 'article',
      answers: [a.id],
      typo: slip.kind,
    });
  }
  return items;
}

function titleStarts(
  rng: Rng,
  corpus: Corpus,
  ids: ReadonlySet<string>,
  perClass: number,
  [least, most]: [number, number],
): KnownItem[] {
  // Every article's remembered words, to accept all articles whose title starts the same way.
  const starts = corpus.articles.map((a) => [a.id, titleWords(a.title ?? '').join(' ')] as const);
  const items: KnownItem[] = [];
  for (const a of shuffle(
    rng,
    corpus.articles.filter((a) => ids.has(a.id)),
  )) {
    if (items.length >= perClass) break;
    const words = titleWords(a.title ?? '');
    if (words.length < least) continue;
    const n = Math.min(words.length, uniformInt(rng, least, most));
    const start = words.slice(0, n);
    const key = start.join(' ');
    const answers = starts.filter(([, s]) => s === key || s.startsWith(`${key} `)).map(([id]) => id);
    const at = uniformInt(rng, 0, n - 1);
    const slip = readerTypo(rng, start[at]!);
    start[at] = slip.word;
    items.push({ class: 'title-start', q: start.join(' '), type: 'article', answers, typo: slip.kind });
  }
  return items;
}

function quoteFragments(rng: Rng, corpus: Corpus, ids: ReadonlySet<string>, perClass: number): KnownItem[] {
  const items: KnownItem[] = [];
  const quotes = corpus.quotes.filter((q) => ids.has(q.articleId));
  const quoteTexts = corpus.quotes.map((o) => [o.id, ` ${norm(o.text)} `] as const);
  for (let tries = 0; tries < perClass * 10 && items.length < perClass && quotes.length > 0; tries++) {
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
  return items;
}

/** Normalized name or alias → the entities it names. */
function nameOwners(corpus: Corpus): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  for (const e of corpus.entities) {
    for (const name of [e.name, ...e.aliases])
      owners.set(norm(name), (owners.get(norm(name)) ?? new Set()).add(e.id));
  }
  return owners;
}

function entityPool(corpus: Corpus, options: DrawOptions) {
  const excluded = options.excludeEntitiesOf;
  return corpus.entities.filter(
    (e) =>
      e.articleIds.some((id) => options.articleIds.has(id)) &&
      !(excluded && e.articleIds.some((id) => excluded.has(id))),
  );
}

function entityAliases(rng: Rng, corpus: Corpus, options: DrawOptions): KnownItem[] {
  const owners = nameOwners(corpus);
  const usable = entityPool(corpus, options)
    .filter((e) => e.aliases.length > 0)
    .flatMap((e) =>
      e.aliases.filter((a) => owners.get(norm(a))?.size === 1 && norm(a) !== '').map((a) => [e, a] as const),
    );
  const used = new Set<string>();
  const items: KnownItem[] = [];
  const { perClass } = options;
  for (let tries = 0; tries < perClass * 10 && used.size < perClass && usable.length > 0; tries++) {
    const [e, alias] = pick(rng, usable);
    if (used.has(alias)) continue;
    used.add(alias);
    items.push({ class: 'entity-alias', q: alias, type: 'entity', answers: [e.id] });
  }
  return items;
}

/** A person's full name (2+ words of letters, naming that person only), lower case, a typo in the surname. */
function fullNames(rng: Rng, corpus: Corpus, options: DrawOptions): KnownItem[] {
  const owners = nameOwners(corpus);
  const people = entityPool(corpus, options).filter((e) => {
    if (e.kind !== 'person') return false;
    const words = norm(e.name).split(' ');
    return (
      words.length >= 2 &&
      words.every((w) => /^\p{L}+$/u.test(w)) &&
      words.at(-1)!.length >= 4 &&
      owners.get(norm(e.name))?.size === 1
    );
  });
  const items: KnownItem[] = [];
  for (const e of shuffle(rng, people).slice(0, options.perClass)) {
    const words = norm(e.name).split(' ');
    const slip = readerTypo(rng, words.at(-1)!);
    words[words.length - 1] = slip.word;
    items.push({ class: 'full-name', q: words.join(' '), type: 'entity', answers: [e.id], typo: slip.kind });
  }
  return items;
}

export function knownItems(corpus: Corpus, options: DrawOptions): KnownItem[] {
  const { articleIds: ids, perClass } = options;
  const items: KnownItem[] = [];
  // Each class draws from its own stream, so that adding a class leaves the others' queries as they were.
  const stream = (k: number) => xoroshiro128plus(options.seed * 1009 + k);
  const wanted = new Set(options.classes);
  if (wanted.has('typo-title')) items.push(...typoTitles(stream(1), corpus, ids, perClass));
  if (wanted.has('title-start'))
    items.push(...titleStarts(stream(2), corpus, ids, perClass, options.titleStart ?? [2, 4]));
  if (wanted.has('quote-fragment')) items.push(...quoteFragments(stream(3), corpus, ids, perClass));
  if (wanted.has('entity-alias')) items.push(...entityAliases(stream(4), corpus, options));
  if (wanted.has('full-name') || wanted.has('suggest-name')) {
    const names = fullNames(stream(5), corpus, options);
    if (wanted.has('full-name')) items.push(...names);
    if (wanted.has('suggest-name'))
      items.push(...names.map((i) => ({ ...i, class: 'suggest-name' as const })));
  }
  return items;
}
