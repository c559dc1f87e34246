/**
 * What the quote extractor can be told: mechanisms to switch off (so that the evaluation can
 * measure what each one earns, fold by fold) and the speaker scorer's weights (fitted on
 * training folds by the evaluation; the defaults in speaker-weights.ts are what the build uses).
 *
 * The switches are read through `on(name)` from anywhere in the extraction, which runs
 * synchronously: extractQuotesWithRules sets them for the duration of one call and restores
 * them after, so passing them down through every rule is not needed.
 */

/** The mechanisms the evaluation can switch off, with what each does. */
export const MECHANISMS = {} as const satisfies Record<string, string>;

export type Mechanism = keyof typeof MECHANISMS;

export interface QuoteOptions {
  /** Mechanisms switched off. */
  off?: ReadonlySet<string>;
}

let current: ReadonlySet<string> = new Set();

/** Whether a mechanism is on in the running extraction. */
export function on(name: Mechanism): boolean {
  return !current.has(name);
}

/** Runs fn with the given mechanisms switched off. */
export function withOptions<T>(options: QuoteOptions | undefined, fn: () => T): T {
  if (!options?.off?.size) return fn();
  const saved = current;
  current = options.off;
  try {
    return fn();
  } finally {
    current = saved;
  }
}
