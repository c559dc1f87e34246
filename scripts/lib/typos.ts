/**
 * Typos for evaluation and benchmark queries, drawn with a seeded generator.
 *
 * readerTypo is the model the relevance evaluation uses: one of the four slips readers make on a
 * keyboard, in equal shares: two neighbouring letters swapped, a letter left out, a letter typed
 * twice or a neighbouring key hit as well, a neighbouring key hit instead. The first letter is
 * kept: readers rarely miss it, and type-ahead starts from it.
 *
 * typo (uniform letters) is the older model the benchmark's "typo" query set was drawn with; it
 * stays so that latency runs before and after a change ask the same questions.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export type Rng = ReturnType<typeof xoroshiro128plus>;

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[uniformInt(rng, 0, items.length - 1)]!;
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

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Keys next to each letter on a QWERTY keyboard (same row and the rows above and below). */
const NEIGHBOURS: Record<string, string[]> = (() => {
  const at = new Map<string, [number, number]>();
  ROWS.forEach((row, r) => {
    [...row].forEach((c, k) => {
      at.set(c, [r, k]);
    });
  });
  const out: Record<string, string[]> = {};
  for (const [c, [r, k]] of at) {
    out[c] = [...at]
      .filter(([d, [r2, k2]]) => {
        if (d === c || Math.abs(r2 - r) > 1) return false;
        // Rows are staggered by about half a key: the row below sits half a key to the right.
        const shift = r2 === r ? 0 : r2 > r ? 0.5 : -0.5;
        return Math.abs(k2 + shift - k) <= 1;
      })
      .map(([d]) => d);
  }
  return out;
})();

export type TypoKind = 'swap' | 'deletion' | 'insertion' | 'substitution';
const KINDS: TypoKind[] = ['swap', 'deletion', 'insertion', 'substitution'];

function neighbourOf(rng: Rng, c: string): string {
  const near = NEIGHBOURS[c.toLowerCase()];
  return near && near.length > 0 ? pick(rng, near) : c;
}

/**
 * A word (3+ letters) with one slip a reader makes, never at the first letter; always differs
 * from the word. Letters other than a–z get only swaps and deletions.
 */
export function readerTypo(rng: Rng, word: string): { word: string; kind: TypoKind } {
  for (let tries = 0; tries < 20; tries++) {
    const kind = pick(rng, KINDS);
    let out = word;
    if (kind === 'swap') {
      const i = uniformInt(rng, 1, word.length - 2);
      out = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    } else if (kind === 'deletion') {
      const i = uniformInt(rng, 1, word.length - 1);
      out = word.slice(0, i) + word.slice(i + 1);
    } else if (kind === 'insertion') {
      // After letter i - 1: that letter again, or a key next to it or to the next letter.
      const i = uniformInt(rng, 1, word.length);
      const from = word[i - 1]!;
      const next = word[i];
      const choice = uniformInt(rng, 0, 2);
      const c = choice === 0 ? from : choice === 1 || !next ? neighbourOf(rng, from) : neighbourOf(rng, next);
      out = word.slice(0, i) + c + word.slice(i);
    } else {
      const i = uniformInt(rng, 1, word.length - 1);
      out = word.slice(0, i) + neighbourOf(rng, word[i]!) + word.slice(i + 1);
    }
    if (out !== word) return { word: out, kind };
  }
  return { word: word.slice(0, 1) + word.slice(2), kind: 'deletion' };
}
