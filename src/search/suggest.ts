/**
 * Type-ahead completions and "did you mean", from the build-time lexicon and the entity names.
 * Both work on sorted arrays with binary search, so a call costs microseconds, not a search.
 */

import { TYPE_CODE } from '../index/columns.js';
import { osaDistance } from '../index/edit-walk.js';
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
 */
type NameKey = [folded: string, entityId: string];
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
    for (let i = 0; i < w.length; i++) keys.push([w.slice(i).join(' '), e.id]);
    for (const alias of e.aliases) keys.push([words(alias).join(' '), e.id]);
  }
  keys.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  nameKeys.set(index, keys);
  return keys;
}

/** At most `scan` entries starting with `prefix`: bounds the work for one-letter prefixes. */
function withPrefix<T>(sorted: Array<[string, T]>, prefix: string, scan = 4000): Array<[string, T]> {
  const out: Array<[string, T]> = [];
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

function computeSuggestions(index: LoadedIndex, q: string, w: string[], limit: number): Suggestion[] {
  const last = w[w.length - 1]!;
  const head = w.slice(0, -1).join(' ');
  const typing = !/\s$/.test(q);

  const entities = new Map<string, Suggestion>();
  for (const [, id] of withPrefix(entityNameKeys(index), w.join(' '))) {
    const e = entityById(index, id);
    if (e && !entities.has(id)) {
      entities.set(id, {
        text: e.name,
        kind: 'entity',
        count: e.articleIds.length,
        id: e.id,
        entityKind: e.kind,
      });
    }
  }
  const terms: Suggestion[] = typing
    ? index.lexicon
        .withPrefix(last)
        .map(([term, df]) => ({ text: head ? `${head} ${term}` : term, kind: 'term' as const, count: df }))
    : [];
  return [...entities.values(), ...terms]
    .sort((a, b) => b.count - a.count || (a.kind === 'entity' ? -1 : 1))
    .slice(0, limit);
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
