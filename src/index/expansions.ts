/**
 * Bounds on how many index terms one query word may expand to. MiniSearch scores every term
 * under a prefix and every term within the edit distance: "sta" while typing reaches thousands
 * of terms and their posting lists, which made prefix and typo queries the slowest ones.
 * Expansions are kept by document frequency (the terms readers most likely mean), more of them
 * the longer the word typed, since longer words have fewer and more specific expansions.
 */
import type MiniSearch from 'minisearch';

type TermData = Map<number, Map<number, number>>;

interface TermTree {
  atPrefix(prefix: string): Iterable<[string, TermData]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]>;
}

export function maxPrefixExpansions(prefix: string): number {
  return prefix.length <= 3 ? 40 : prefix.length === 4 ? 80 : 150;
}
export const MAX_FUZZY_EXPANSIONS = 30;

function documentFrequency(data: TermData): number {
  let n = 0;
  for (const docs of data.values()) n += docs.size;
  return n;
}

/** Installs the bounds on one loaded index (MiniSearch reads its term tree through these two methods). */
export function boundExpansions(search: MiniSearch<never> | MiniSearch<any>): void {
  const tree = (search as unknown as { _index: TermTree })._index;
  const atPrefix = tree.atPrefix.bind(tree);
  const fuzzyGet = tree.fuzzyGet.bind(tree);
  tree.atPrefix = (prefix) => {
    const all = [...atPrefix(prefix)];
    const max = maxPrefixExpansions(prefix);
    if (all.length <= max) return all;
    return all
      .map((entry) => [entry, documentFrequency(entry[1])] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, max)
      .map(([entry]) => entry);
  };
  tree.fuzzyGet = (term, maxDistance) => {
    const found = fuzzyGet(term, maxDistance);
    if (found.size <= MAX_FUZZY_EXPANSIONS) return found;
    const kept = [...found.entries()]
      .map((entry) => [entry, documentFrequency(entry[1][0])] as const)
      .sort((a, b) => a[0][1][1] - b[0][1][1] || b[1] - a[1])
      .slice(0, MAX_FUZZY_EXPANSIONS);
    return new Map(kept.map(([entry]) => entry));
  };
}
