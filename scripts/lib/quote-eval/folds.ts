/**
 * Cross-validation by article: a seeded shuffle cut into k folds, and the mean and spread of a
 * figure over folds.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** The items in k folds of near-equal size, after a shuffle fixed by the seed. */
export function kFolds<T>(items: readonly T[], k: number, seed: number): T[][] {
  if (!Number.isInteger(k) || k < 2) throw new Error(`--cv needs at least 2 folds, got ${k}`);
  const rng = xoroshiro128plus(seed);
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const folds: T[][] = Array.from({ length: k }, () => []);
  shuffled.forEach((item, i) => {
    folds[i % k]!.push(item);
  });
  return folds;
}

export interface Spread {
  mean: number;
  sd: number;
}

/** Mean and sample standard deviation. */
export function spread(values: number[]): Spread {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / (n || 1);
  const sd = n > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd };
}

export function formatSpread(s: Spread, digits = 3): string {
  return `${s.mean.toFixed(digits)} ± ${s.sd.toFixed(digits)}`;
}
