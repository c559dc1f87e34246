/**
 * In-article coreference for people: the full name a one-word mention refers to. A later surname
 * ("Lee"), honorific or title + surname ("Mrs. Lee", "Gov. Lee" — the title is split off before,
 * see mentions.ts) or first name ("Ann") links to the one full name of the article, or of its
 * headline, that ends (or starts) with it. Where two full names share the word (Ann and Bo Lee),
 * the text's cues decide: the gender of an honorific ("Mrs. Lee"), else the nearest full mention
 * before it when that one is at most NEAR sentences back; with no cue the
 * mention stays unlinked and says which names it could be (ambiguousWith), rather than guess.
 */
import { nth } from '../text/nth.js';
import { type ArticleContext, type Candidate, spanText } from './context.js';
import { isFirstName, lexTags } from './word-classes.js';

export interface SurnameIndex {
  /** Full names by their last word. */
  byLast: Map<string, Set<string>>;
  /** Full names by their first word, when that is a given name. */
  byFirst: Map<string, Set<string>>;
  /** Full mentions in body order: token start, paragraph and name. */
  full: Array<{ s: number; sentence: number; name: string }>;
}

/** Full names by their last and first words: the article's multi-word persons, then the headline's. */
export function fullNamesBySurname(ctx: ArticleContext, cands: Candidate[], title?: string): SurnameIndex {
  const index: SurnameIndex = { byLast: new Map(), byFirst: new Map(), full: [] };
  const noteTo = (m: Map<string, Set<string>>, word: string, full: string) => {
    const s = m.get(word) ?? new Set<string>();
    s.add(full);
    m.set(word, s);
  };
  const noteFull = (full: string) => {
    const parts = full.split(/\s+/);
    if (parts.length < 2) return;
    noteTo(index.byLast, nth(parts, parts.length - 1), full);
    if (isFirstName(nth(parts, 0))) noteTo(index.byFirst, nth(parts, 0), full);
  };
  for (const c of cands) {
    if (c.kind !== 'person' || c.e - c.s < 2) continue;
    const name = spanText(ctx, c.s, c.e);
    noteFull(name);
    index.full.push({ s: c.s, sentence: sentenceOf(ctx, c.s), name });
  }
  if (title) {
    for (const m of title.matchAll(/\b(\p{Lu}\p{Ll}+)\s+(\p{Lu}[\p{L}'’-]+)\b/gu))
      if (isFirstName(m[1]!)) noteFull(`${m[1]} ${m[2]}`);
  }
  return index;
}

const sentenceOf = (ctx: ArticleContext, i: number) => nth(ctx.tokens, i).sentence;

/** How many sentences back the nearest full mention still decides between two namesakes. */
const NEAR = 3;

const FEMALE_HONORIFICS = new Set(['mrs', 'mrs.', 'ms', 'ms.', 'miss']);
const MALE_HONORIFICS = new Set(['mr', 'mr.']);

export type Link = { name: string } | { ambiguousWith: string[] } | null;

/**
 * The full name the one-word person mention at token `s` refers to, the names it could be when
 * the text does not tell, or null when the article has no full name with that word.
 */
export function linkOneWord(ctx: ArticleContext, index: SurnameIndex, s: number): Link {
  const word = nth(ctx.tokens, s).text;
  let names = index.byLast.get(word);
  if (!names?.size) names = index.byFirst.get(word);
  if (!names?.size) return null;
  if (names.size === 1) return { name: names.values().next().value! };
  let options = [...names];
  const before = s > 0 ? nth(ctx.tokens, s - 1).text.toLowerCase() : '';
  const gender = FEMALE_HONORIFICS.has(before)
    ? 'FemaleName'
    : MALE_HONORIFICS.has(before)
      ? 'MaleName'
      : null;
  if (gender) {
    const fits = options.filter((n) => lexTags(n.split(/\s+/)[0]!).includes(gender));
    if (fits.length === 1) return { name: fits[0]! };
    if (fits.length > 1) options = fits;
  }
  const sentence = sentenceOf(ctx, s);
  const nearest = index.full.filter((f) => f.s < s && options.includes(f.name)).pop();
  if (nearest && sentence - nearest.sentence <= NEAR) return { name: nearest.name };
  return { ambiguousWith: options.sort() };
}
