/**
 * Type-ahead completions and "did you mean", from the build-time lexicon and the entity names.
 * Both work on sorted arrays with binary search, so a call costs microseconds, not a search. A
 * sharded index asks its dictionary for the completions and its entity shards for the names, and
 * merges them as one index does (rankSuggestions).
 */

import { TYPE_CODE } from '../index/columns.js';
import type { Lexicon } from '../index/lexicon.js';
import type { LoadedIndex } from '../index/load.js';
import { lowerBound } from '../index/sorted.js';
import type { EntityKind } from '../model/documents.js';
import { entityAt, entityById } from './lookup.js';
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
 * Equal keys sort by the entity's number in the whole corpus, then by the key's place among its
 * entity's keys: shards holding some of the entities list theirs in the order one index does.
 */
type NameKey = [folded: string, entityId: string, global: number, k: number];
const nameKeys = new WeakMap<LoadedIndex, NameKey[]>();

function entityNameKeys(index: LoadedIndex): NameKey[] {
  let keys = nameKeys.get(index);
  if (keys) return keys;
  keys = [];
  const { type } = index.columns;
  for (let doc = 0; doc < type.length; doc++) {
    if (type[doc] !== TYPE_CODE.entity) continue;
    const e = entityAt(index, doc);
    const global = index.globalDocs[doc]!;
    const w = words(e.name);
    let k = 0;
    for (let i = 0; i < w.length; i++) keys.push([w.slice(i).join(' '), e.id, global, k++]);
    for (const alias of e.aliases) keys.push([words(alias).join(' '), e.id, global, k++]);
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

/** Entities whose name keys start with the typed words: the keys, in order, with each entity's suggestion. */
export interface NameMatches {
  keys: NameKey[];
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
  const entities: Record<string, Suggestion> = {};
  for (const [, id] of keys) {
    if (entities[id]) continue;
    const e = entityById(index, id);
    if (e)
      entities[id] = {
        text: e.name,
        kind: 'entity',
        count: e.articleIds.length,
        id: e.id,
        entityKind: e.kind,
      };
  }
  const found = { keys, entities };
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

/** Completions of the word being typed, from the lexicon: the query's other words kept in front. */
export function termCompletions(index: LoadedIndex, q: string): Suggestion[] {
  const w = words(q);
  if (w.length === 0 || /\s$/.test(q)) return [];
  const head = w.slice(0, -1).join(' ');
  return index.lexicon
    .withPrefix(w[w.length - 1]!)
    .map(([term, df]) => ({ text: head ? `${head} ${term}` : term, kind: 'term' as const, count: df }));
}

/** Most articles first; entities before words with as many. */
function byCount(a: Suggestion, b: Suggestion): number {
  return b.count - a.count || (a.kind === b.kind ? 0 : a.kind === 'entity' ? -1 : 1);
}

/** The suggestions shown: entities (in name order, once each) and completions, ranked, cut to `limit`. */
export function rankSuggestions(names: NameMatches, terms: Suggestion[], limit: number): Suggestion[] {
  const seen = new Set<string>();
  const entities: Suggestion[] = [];
  for (const [, id] of names.keys) {
    const e = names.entities[id];
    if (e && !seen.has(id)) {
      seen.add(id);
      entities.push(e);
    }
  }
  return [...entities, ...terms].sort(byCount).slice(0, limit);
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
  const found = rankSuggestions(nameMatches(index, prefix), termCompletions(index, q), limit);
  if (short) {
    if (!memo) shortAnswers.set(index, (memo = new Map()));
    memo.set(short, found);
  }
  return found;
}

/** Optimal string alignment distance: a swap of two neighbours ("teh") is one typo, not two. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, before[j - 2]! + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** The closest frequent word within the typo budget, among words sharing the first letter. */
function correct(lexicon: Lexicon, term: string): string | null {
  // One more edit than search's typo budget: this runs only when search found nothing.
  const max = term.length >= 5 ? 2 : 1;
  let best: [string, number, number] | null = null;
  for (const [candidate, df] of lexicon.withPrefix(term[0]!, 20_000)) {
    const d = editDistance(term, candidate, max);
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
