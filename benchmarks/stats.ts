/** Order statistics for latency samples: nearest-rank percentiles, medians over repeats. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Milliseconds of `fn`, measured with the monotonic clock. */
export function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * One pass over `queries`, `repeats` times, one query at a time: p50, p99 and max of each pass,
 * each reported as the median over the passes (a noisy pass moves none of them alone).
 */
export async function repeatedLatency(
  queries: string[],
  repeats: number,
  run: (q: string) => Promise<unknown>,
): Promise<{ p50: number; p99: number; max: number }> {
  const passes: Array<{ p50: number; p99: number; max: number }> = [];
  for (let r = 0; r < repeats; r++) {
    const samples: number[] = [];
    for (const q of queries) samples.push(await timeAsync(() => run(q)));
    passes.push({ p50: percentile(samples, 50), p99: percentile(samples, 99), max: Math.max(...samples) });
  }
  return {
    p50: median(passes.map((l) => l.p50)),
    p99: median(passes.map((l) => l.p99)),
    max: median(passes.map((l) => l.max)),
  };
}
