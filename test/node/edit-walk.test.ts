/**
 * The typo walk over a sorted list must find exactly what a brute-force distance finds: with
 * swaps as one edit (optimal string alignment), with plain Levenshtein, and as a prefix match
 * (type-ahead). Random lists over a small alphabet share long prefixes and near-misses, which is
 * where row reuse and subtree pruning could go wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { osaDistance, withinEdits } from '../../src/index/edit-walk.js';
import { TermIndex } from '../../src/index/terms.js';

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** Unbounded OSA, written independently of the capped one under test. */
function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const list = (strings: string[]) => strings;
const sortedUnique = (strings: string[]) => [...new Set(strings)].sort();

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 0, maxLength: 9 });
const terms = fc.array(word, { minLength: 1, maxLength: 120 }).map(sortedUnique);

function brute(strings: string[], query: string, max: number, distance: (a: string, b: string) => number) {
  return strings.flatMap((s, i): Array<[number, number]> => {
    const d = distance(s, query);
    return d <= max ? [[i, d]] : [];
  });
}

describe('typo walk over sorted strings', () => {
  it('finds every string within the distance, swaps counted as one edit (OSA)', () => {
    fc.assert(
      fc.property(terms, word, fc.integer({ min: 0, max: 3 }), (strings, query, max) => {
        expect(withinEdits(list(strings), query, max)).toEqual(brute(strings, query, max, osa));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds every string within the Levenshtein distance when swaps are two edits', () => {
    fc.assert(
      fc.property(terms, word, fc.integer({ min: 0, max: 3 }), (strings, query, max) => {
        expect(withinEdits(list(strings), query, max, { transpositions: false })).toEqual(
          brute(strings, query, max, levenshtein),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('in prefix mode, finds every string that starts with something within the distance', () => {
    const prefixDistance = (s: string, q: string) =>
      Math.min(...Array.from({ length: s.length + 1 }, (_, i) => osa(s.slice(0, i), q)));
    fc.assert(
      fc.property(terms, word, fc.integer({ min: 0, max: 2 }), (strings, query, max) => {
        expect(withinEdits(list(strings), query, max, { prefix: true })).toEqual(
          brute(strings, query, max, prefixDistance),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('walks only a range when asked, and anchored lookups keep the first or second letter', () => {
    fc.assert(
      fc.property(terms, word, fc.integer({ min: 0, max: 2 }), (strings, query, max) => {
        const lo = strings.findIndex((s) => s >= 'b');
        const hi = strings.findIndex((s) => s >= 'c');
        const range: [number, number] = [lo < 0 ? strings.length : lo, hi < 0 ? strings.length : hi];
        expect(withinEdits(list(strings), query, max, { range })).toEqual(
          brute(strings, query, max, osa).filter(([i]) => i >= range[0] && i < range[1]),
        );
        const index = new TermIndex(
          strings,
          new Uint32Array(strings.length + 1),
          new Uint8Array(0),
          new Uint32Array(strings.length),
        );
        if (query.length >= 2)
          expect(index.withinDistance(query, max, true)).toEqual(
            brute(strings, query, max, osa).filter(([i]) => [query[0], query[1]].includes(strings[i]![0])),
          );
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps exact answers for long queries and long strings (distances capped in a byte)', () => {
    const long = 'ab'.repeat(200);
    const strings = sortedUnique([long, `${long}c`, `b${long.slice(1)}`, long.slice(0, 300), 'x']);
    expect(withinEdits(list(strings), long, 2)).toEqual(brute(strings, long, 2, osa));
    expect(osaDistance(long, `${long}cc`, 3)).toBe(2);
    expect(osaDistance(long, 'x', 3)).toBe(4);
  });

  it('counts the typos readers make: one swap, one deletion, one insertion, one substitution', () => {
    const strings = sortedUnique(['hallway', 'harbor', 'harbour', 'harvest', 'marbor', 'tensor']);
    const at = (q: string, max: number) =>
      withinEdits(list(strings), q, max).map(([i, d]) => [strings[i], d]);
    expect(at('hrabor', 1)).toEqual([['harbor', 1]]);
    expect(at('harbro', 1)).toEqual([['harbor', 1]]);
    expect(at('harbr', 1)).toEqual([['harbor', 1]]);
    expect(at('harbort', 1)).toEqual([['harbor', 1]]);
    expect(at('harbor', 1)).toEqual([
      ['harbor', 0],
      ['harbour', 1],
      ['marbor', 1],
    ]);
    expect(withinEdits(list(strings), 'hrabor', 1, { transpositions: false })).toEqual([]);
  });

  it('serves the term index: a swapped word finds its term at distance 1', () => {
    const words = sortedUnique(['council', 'counsel', 'county', 'harbor']);
    const index = new TermIndex(
      words,
      new Uint32Array(words.length + 1),
      new Uint8Array(0),
      new Uint32Array(4),
    );
    expect(index.withinDistance('cuoncil', 1).map(([i, d]) => [words[i], d])).toEqual([['council', 1]]);
  });
});
