/**
 * Type-ahead completions and "did you mean", from the build-time lexicon and the entity names.
 * Both work on sorted arrays with binary search, so a call costs microseconds, not a search.
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
 */
type NameKey = [folded: string, entityId: string, whole: boolean];
const nameKeys = new WeakMap<LoadedIndex, NameKey[]>();

function entityNameKeys(index: LoadedIndex): NameKey[] {
  let keys = nameKeys.get(index);
  if (keys) return keys;
  keys = [];
  const { type } = index.columns;
  for (let doc = 0; doc < type.length; doc++) {
    if (type[doc] !== TYPE_CODE.entity) continue;
    const e = entityAt(index, doc);
    const w = words(e.name);
    for (let i = 0; i < w.length; i++) keys.push([w.slice(i).join(' '), e.id, i === 0]);
    for (const alias of e.aliases) keys.push([words(alias).join(' '), e.id, true]);
  }
  keys.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  nameKeys.set(index, keys);
  return keys;
}

/** At most `scan` entries starting with `prefix`: bounds the work for one-letter prefixes. */
function withPrefix<K extends readonly [string, ...unknown[]]>(
  sorted: K[],
  prefix: string,
  scan = 4000,
): K[] {
  const out: K[] = [];
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

/**
 * One- and two-letter prefixes match thousands of words; their answers are kept per index (at
 * most a few thousand small lists), so the first keystrokes cost a lookup after the first time.
 */
const shortPrefixes = new WeakMap<LoadedIndex, Map<string, Suggestion[]>>();

export function suggest(index: LoadedIndex, q: string, limit = 8): Suggestion[] {
  const w = words(q);
  if (w.length === 0) return [];
  if (w.length === 1 && w[0]!.length <= 2 && !/\s$/.test(q)) {
    let memo = shortPrefixes.get(index);
    if (!memo) shortPrefixes.set(index, (memo = new Map()));
    const key = `${w[0]}\u0000${limit}`;
    let found = memo.get(key);
    if (!found) memo.set(key, (found = computeSuggestions(index, q, w, limit)));
    return found;
  }
  return computeSuggestions(index, q, w, limit);
}

function entitySuggestion(index: LoadedIndex, id: string): Suggestion | null {
  const e = entityById(index, id);
  return e
    ? { text: e.name, kind: 'entity', count: e.articleIds.length, id: e.id, entityKind: e.kind }
    : null;
}

/** Completions ordered as readers expect: more articles first, an entity before a word on a tie. */
const byCount = (a: Suggestion, b: Suggestion) => b.count - a.count || (a.kind === 'entity' ? -1 : 1);

/**
 * One word typed: names and word completions together, by count. Several words: names first,
 * since a name matched everything typed and a completion only the last word (its count is that
 * word's). Names typed with a slip fill what exact prefixes leave, fewer typos first; words typed
 * with a slip, only a last word that completes to nothing.
 */
function computeSuggestions(index: LoadedIndex, q: string, w: string[], limit: number): Suggestion[] {
  const last = w[w.length - 1]!;
  const head = w.slice(0, -1).join(' ');
  const typing = !/\s$/.test(q);
  const typed = w.join(' ');
  const complete = (term: string) => (head ? `${head} ${term}` : term);

  const names = new Map<string, Suggestion>();
  // A name typed whole comes first; then, when several words are typed, names typed from their first word.
  const whole = new Set<string>();
  const fromStart = new Set<string>();
  for (const [key, id, first] of withPrefix(entityNameKeys(index), typed)) {
    if (first) fromStart.add(id);
    if (first && key === typed) whole.add(id);
    const s = names.has(id) ? null : entitySuggestion(index, id);
    if (s) names.set(id, s);
  }
  const byStart = (a: Suggestion, b: Suggestion) =>
    Number(whole.has(b.id!)) - Number(whole.has(a.id!)) ||
    Number(fromStart.has(b.id!)) - Number(fromStart.has(a.id!)) ||
    byCount(a, b);
  const completions: Suggestion[] = typing
    ? index.lexicon.withPrefix(last).map(([term, df]) => ({ text: complete(term), kind: 'term', count: df }))
    : [];
  const nearNames = () => (names.size < limit ? namesNear(index, typed, names) : []);
  const nearWords = () => {
    const budget = typoBudget(last);
    // A word that completes to archive words was typed as meant ("minis" is not "finis…").
    if (!typing || budget === 0 || completions.length > 0) return [];
    return index.lexicon
      .nearPrefix(last, budget, NEAR_SCAN)
      .filter(([, , d]) => d > 0)
      .sort((a, b) => a[2] - b[2] || b[1] - a[1])
      .map(([term, df]): Suggestion => ({ text: complete(term), kind: 'term', count: df }));
  };
  let out: Suggestion[];
  if (!head) {
    out = [...names.values(), ...completions].sort(
      (a, b) => Number(whole.has(b.id ?? '')) - Number(whole.has(a.id ?? '')) || byCount(a, b),
    );
    if (out.length < limit) out.push(...nearNames(), ...nearWords());
  } else {
    out = [...[...names.values()].sort(byStart), ...nearNames(), ...completions.sort(byCount)];
    if (out.length < limit) out.push(...nearWords());
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
function namesNear(index: LoadedIndex, typed: string, found: Map<string, Suggestion>): Suggestion[] {
  const budget = typoBudget(typed.replace(/ /g, ''));
  if (budget === 0) return [];
  const keys = entityNameKeys(index);
  // Per entity: [fewest typos, 0 when the whole name is that close, 0 when counted from its first word].
  const closest = new Map<string, number[]>();
  const list = nameStrings(index, keys);
  const several = typed.includes(' ');
  for (const [i, d] of withinEdits(list, typed, budget, { prefix: true, limit: NEAR_SCAN })) {
    const [key, id, first] = keys[i]!;
    if (found.has(id)) continue;
    const rank = [d, first && osaDistance(typed, key, budget) <= d ? 0 : 1, first || !several ? 0 : 1];
    const had = closest.get(id);
    if (!had || compareRanks(rank, had) < 0) closest.set(id, rank);
  }
  const near: Array<[Suggestion, number[]]> = [];
  for (const [id, rank] of closest) {
    const s = entitySuggestion(index, id);
    if (s) near.push([s, rank]);
  }
  return near.sort((a, b) => compareRanks(a[1], b[1]) || byCount(a[0], b[0])).map(([s]) => s);
}

/** The name keys' strings alone, for the typo walk (kept per index like the keys). */
const keyStrings = new WeakMap<LoadedIndex, string[]>();
function nameStrings(index: LoadedIndex, keys: NameKey[]): string[] {
  let strings = keyStrings.get(index);
  if (!strings) keyStrings.set(index, (strings = keys.map((k) => k[0])));
  return strings;
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Entries a typo lookup may list: a whole subtree of names can match a short prefix. */
const NEAR_SCAN = 2000;

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
