/**
 * Type-ahead completions and "did you mean", from the build-time lexicon and the entity names.
 * Both work on sorted arrays with binary search, so a call costs microseconds, not a search. A
 * sharded index asks its dictionary for the word completions and its entity shards for the names,
 * and merges them as one index does (rankSuggestions).
 */

import { TYPE_CODE } from '../index/columns.js';
import { osaDistance, withinEdits } from '../index/edit-walk.js';
import type { Lexicon } from '../index/lexicon.js';
import type { LoadedIndex } from '../index/load.js';
import { lowerBound } from '../index/sorted.js';
import type { EntityKind } from '../model/documents.js';
import { entityAt, entityById } from './lookup.js';
import { typoBudget } from './match.js';
import { words } from './query.js';

export interface Suggestion {
  /** The completed query (terms) or the entity's name (entities). */
  text: string;
  kind: 'term' | 'entity';
  /** Articles that contain the term, or that mention the entity. */
  count: number;
  id?: string;
  entityKind?: EntityKind;
}

/**
 * Every entity's name from each of its words on ("volodymyr zelenskyy", "zelenskyy") and each
 * alias whole ("nsc"): role words inside aliases ("minister") must not suggest the person.
 * `first`: the key is the name from its first word, or an alias (a name typed whole).
 * Equal keys sort by the entity's number in the whole corpus, then by the key's place among its
 * entity's keys: shards holding some of the entities list theirs in the order one index does.
 */
type NameKey = [folded: string, entityId: string, global: number, k: number, first: boolean];
const nameKeys = new WeakMap<LoadedIndex, NameKey[]>();

function entityNameKeys(index: LoadedIndex): NameKey[] {
  let keys = nameKeys.get(index);
  if (keys) return keys;
  keys = [];
  const type = index.columns.type;
  for (let doc = 0; doc < type.length; doc++) {
    if (type[doc] !== TYPE_CODE.entity) continue;
    const e = entityAt(index, doc);
    const global = index.globalDocs[doc]!;
    const w = words(e.name);
    let k = 0;
    for (let i = 0; i < w.length; i++) keys.push([w.slice(i).join(' '), e.id, global, k++, i === 0]);
    for (const alias of e.aliases) keys.push([words(alias).join(' '), e.id, global, k++, true]);
  }
  keys.sort(byNameKey);
  nameKeys.set(index, keys);
  return keys;
}

function byNameKey(a: NameKey, b: NameKey): number {
  return (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) || a[2] - b[2] || a[3] - b[3];
}

/** Name keys read per completion: bounds the work for one-letter prefixes. */
const SCAN = 4000;
/** Entries a typo lookup may list: a whole subtree of names can match a short prefix. */
const NEAR_SCAN = 2000;

/** At most `scan` entries starting with `prefix`. */
function withPrefix<T extends [string, ...unknown[]]>(sorted: T[], prefix: string, scan = SCAN): T[] {
  const out: T[] = [];
  for (
    let i = lowerBound(sorted.length, (k) => sorted[k]![0], prefix);
    i < sorted.length && out.length < scan;
    i++
  ) {
    if (!sorted[i]![0].startsWith(prefix)) break;
    out.push(sorted[i]!);
  }
  return out;
}

function entitySuggestion(index: LoadedIndex, id: string): Suggestion | null {
  const e = entityById(index, id);
  return e
    ? { text: e.name, kind: 'entity', count: e.articleIds.length, id: e.id, entityKind: e.kind }
    : null;
}

function suggestionsOf(index: LoadedIndex, ids: Iterable<string>): Record<string, Suggestion> {
  const out: Record<string, Suggestion> = {};
  for (const id of ids) {
    if (out[id]) continue;
    const s = entitySuggestion(index, id);
    if (s) out[id] = s;
  }
  return out;
}

/** Entities whose name keys start with the typed words: the keys, in order, with each entity's suggestion. */
export interface NameMatches {
  keys: NameKey[];
  entities: Record<string, Suggestion>;
}

/** Name keys within the typo budget of the typed words (as a prefix), in key order, with their typos. */
export interface NearNames {
  near: Array<[key: NameKey, typos: number]>;
  entities: Record<string, Suggestion>;
}

/**
 * One- and two-letter prefixes match thousands of names; their matches are kept per index (at
 * most a few thousand small lists), so the first keystrokes cost a lookup after the first time.
 */
const shortPrefixes = new WeakMap<LoadedIndex, Map<string, NameMatches>>();

/** The name keys of this index's entities that start with `prefix` (typed words, folded, joined by spaces). */
export function nameMatches(index: LoadedIndex, prefix: string): NameMatches {
  const short = prefix.length <= 2;
  let memo = shortPrefixes.get(index);
  const hit = short ? memo?.get(prefix) : undefined;
  if (hit) return hit;
  const keys = withPrefix(entityNameKeys(index), prefix);
  const found = {
    keys,
    entities: suggestionsOf(
      index,
      keys.map((k) => k[1]),
    ),
  };
  if (short) {
    if (!memo) shortPrefixes.set(index, (memo = new Map()));
    memo.set(prefix, found);
  }
  return found;
}

/** Several indexes' name matches as one index's: keys merged in order and cut where one index cuts them. */
export function mergeNameMatches(parts: NameMatches[]): NameMatches {
  if (parts.length === 1) return parts[0]!;
  return {
    keys: parts
      .flatMap((p) => p.keys)
      .sort(byNameKey)
      .slice(0, SCAN),
    entities: Object.assign({}, ...parts.map((p) => p.entities)),
  };
}

/** This index's name keys within the typo budget of `typed` as a prefix (see namesNear). */
export function nearNameMatches(index: LoadedIndex, typed: string): NearNames {
  const budget = typoBudget(typed.replace(/ /g, ''));
  if (budget === 0) return { near: [], entities: {} };
  const keys = entityNameKeys(index);
  const near = withinEdits(nameStrings(index, keys), typed, budget, { prefix: true, limit: NEAR_SCAN }).map(
    ([i, d]): [NameKey, number] => [keys[i]!, d],
  );
  return {
    near,
    entities: suggestionsOf(
      index,
      near.map(([k]) => k[1]),
    ),
  };
}

/** Several indexes' near names as one index's: in key order, cut where one index's walk stops. */
export function mergeNearNames(parts: NearNames[]): NearNames {
  if (parts.length === 1) return parts[0]!;
  return {
    near: parts
      .flatMap((p) => p.near)
      .sort((a, b) => byNameKey(a[0], b[0]))
      .slice(0, NEAR_SCAN),
    entities: Object.assign({}, ...parts.map((p) => p.entities)),
  };
}

/** The name keys' strings alone, for the typo walk (kept per index like the keys). */
const keyStrings = new WeakMap<LoadedIndex, string[]>();
function nameStrings(index: LoadedIndex, keys: NameKey[]): string[] {
  let strings = keyStrings.get(index);
  if (!strings) keyStrings.set(index, (strings = keys.map((k) => k[0])));
  return strings;
}

/** Word suggestions from the lexicon: completions of the last word, else words near it typed with a slip. */
export interface TermSuggestions {
  completions: Suggestion[];
  near: Suggestion[];
}

/**
 * Completions of the word being typed, the query's other words kept in front; when it completes to
 * nothing, archive words within its typo budget as a prefix (a word that completes to archive
 * words was typed as meant: "minis" is not "finis…"). `limit`: only the first that a ranking of
 * that many could show (ranking keeps words in this order, and drops at most one per name shown).
 */
export function termSuggestions(index: LoadedIndex, q: string, limit = Infinity): TermSuggestions {
  const w = words(q);
  if (w.length === 0 || /\s$/.test(q)) return { completions: [], near: [] };
  const last = w[w.length - 1]!;
  const head = w.slice(0, -1).join(' ');
  const complete = (term: string) => (head ? `${head} ${term}` : term);
  const completions = index.lexicon
    .withPrefix(last)
    .map(([term, df]): Suggestion => ({ text: complete(term), kind: 'term', count: df }));
  const budget = typoBudget(last);
  const near =
    budget === 0 || completions.length > 0
      ? []
      : index.lexicon
          .nearPrefix(last, budget, NEAR_SCAN)
          .filter(([, , d]) => d > 0)
          .sort((a, b) => a[2] - b[2] || b[1] - a[1])
          .map(([term, df]): Suggestion => ({ text: complete(term), kind: 'term', count: df }));
  return { completions: [...completions].sort(byCount).slice(0, limit), near: near.slice(0, limit) };
}

/** More articles first; entities before words with as many. */
function byCount(a: Suggestion, b: Suggestion): number {
  return b.count - a.count || (a.kind === b.kind ? 0 : a.kind === 'entity' ? -1 : 1);
}

/** Whether the names found leave room for names typed with a slip (then nearNameMatches is asked). */
export function wantsNearNames(names: NameMatches, typed: string, limit: number): boolean {
  if (typoBudget(typed.replace(/ /g, '')) === 0) return false;
  return new Set(names.keys.map((k) => k[1]).filter((id) => names.entities[id])).size < limit;
}

/**
 * The suggestions shown. One word typed: names and word completions together, by count. Several
 * words: names first, since a name matched everything typed and a completion only the last word
 * (its count is that word's). Names typed with a slip fill what exact prefixes leave, fewer typos
 * first; words typed with a slip, only a last word that completes to nothing.
 */
export function rankSuggestions(
  q: string,
  matches: NameMatches,
  nearNames: NearNames | null,
  terms: TermSuggestions,
  limit: number,
): Suggestion[] {
  const w = words(q);
  const typed = w.join(' ');
  const head = w.length > 1;
  const names = new Map<string, Suggestion>();
  // A name typed whole comes first; then, when several words are typed, names typed from their first word.
  const whole = new Set<string>();
  const fromStart = new Set<string>();
  for (const [key, id, , , first] of matches.keys) {
    if (first) fromStart.add(id);
    if (first && key === typed) whole.add(id);
    const s = names.has(id) ? undefined : matches.entities[id];
    if (s) names.set(id, s);
  }
  const byStart = (a: Suggestion, b: Suggestion) =>
    Number(whole.has(b.id!)) - Number(whole.has(a.id!)) ||
    Number(fromStart.has(b.id!)) - Number(fromStart.has(a.id!)) ||
    byCount(a, b);
  const near = () => (names.size < limit && nearNames ? namesNear(typed, nearNames, names) : []);
  let out: Suggestion[];
  if (!head) {
    out = [...names.values(), ...terms.completions].sort(
      (a, b) => Number(whole.has(b.id ?? '')) - Number(whole.has(a.id ?? '')) || byCount(a, b),
    );
    if (out.length < limit) out.push(...near(), ...terms.near);
  } else {
    out = [...[...names.values()].sort(byStart), ...near(), ...terms.completions];
    if (out.length < limit) out.push(...terms.near);
  }
  // A completion that spells a suggested name adds nothing.
  const seen = new Set<string>();
  return out
    .filter((s) => {
      const key = s.kind === 'entity' ? words(s.text).join(' ') : s.text;
      if (s.kind === 'term' && seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit);
}

/**
 * Names within the typo budget of what was typed (as a prefix), not yet found: fewer typos
 * first, then names typed whole, then (several words typed) names typed from their first word,
 * then more articles.
 */
function namesNear(typed: string, found: NearNames, names: Map<string, Suggestion>): Suggestion[] {
  const budget = typoBudget(typed.replace(/ /g, ''));
  if (budget === 0) return [];
  // Per entity: [fewest typos, 0 when the whole name is that close, 0 when counted from its first word].
  const closest = new Map<string, number[]>();
  const several = typed.includes(' ');
  for (const [[key, id, , , first], d] of found.near) {
    if (names.has(id)) continue;
    const rank = [d, first && osaDistance(typed, key, budget) <= d ? 0 : 1, first || !several ? 0 : 1];
    const had = closest.get(id);
    if (!had || compareRanks(rank, had) < 0) closest.set(id, rank);
  }
  const near: Array<[Suggestion, number[]]> = [];
  for (const [id, rank] of closest) {
    const s = found.entities[id];
    if (s) near.push([s, rank]);
  }
  return near.sort((a, b) => compareRanks(a[1], b[1]) || byCount(a[0], b[0])).map(([s]) => s);
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The words of `q` as the name prefix they look up (folded, joined by spaces); null for no words. */
export function namePrefix(q: string): string | null {
  const w = words(q);
  return w.length === 0 ? null : w.join(' ');
}

const shortAnswers = new WeakMap<LoadedIndex, Map<string, Suggestion[]>>();

export function suggest(index: LoadedIndex, q: string, limit = 8): Suggestion[] {
  const prefix = namePrefix(q);
  if (prefix === null) return [];
  // The first keystrokes rank thousands of candidates: their answers are kept too.
  const short = prefix.length <= 2 && !/\s$/.test(q) ? `${prefix}\u0000${limit}` : null;
  let memo = shortAnswers.get(index);
  const hit = short ? memo?.get(short) : undefined;
  if (hit) return hit;
  const names = nameMatches(index, prefix);
  const near = wantsNearNames(names, prefix, limit) ? nearNameMatches(index, prefix) : null;
  const found = rankSuggestions(q, names, near, termSuggestions(index, q), limit);
  if (short) {
    if (!memo) shortAnswers.set(index, (memo = new Map()));
    memo.set(short, found);
  }
  return found;
}

/** The closest frequent word within the typo budget, among words sharing the first letter. */
function correct(lexicon: Lexicon, term: string): string | null {
  // One more edit than search's typo budget: this runs only when search found nothing.
  const max = term.length >= 5 ? 2 : 1;
  let best: [string, number, number] | null = null;
  for (const [candidate, df] of lexicon.withPrefix(term[0]!, 20_000)) {
    const d = osaDistance(term, candidate, max);
    if (d > max) continue;
    if (!best || d < best[1] || (d === best[1] && df > best[2])) best = [candidate, d, df];
  }
  return best?.[0] ?? null;
}

/** For a query that found nothing: the query with unknown words replaced, or null. */
export function didYouMean(index: LoadedIndex, q: string): string | null {
  const w = words(q);
  let changed = false;
  const fixed = w.map((term) => {
    if (term.length < 3 || index.lexicon.has(term)) return term;
    const c = correct(index.lexicon, term);
    if (c && c !== term) changed = true;
    return c ?? term;
  });
  return changed ? fixed.join(' ') : null;
}
