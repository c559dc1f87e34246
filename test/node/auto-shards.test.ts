/**
 * `--shards auto`, the build's default: one index while it fits the one-index budget, shards
 * within the shard budget beyond it. Budgets are lowered so that the sample corpus crosses them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareCorpus } from '../../src/build/build.js';
import { serializeWithinBudget } from '../../src/build/shard-plan.js';
import type { Corpus } from '../../src/model/corpus.js';
import { defaultExtractor } from '../../src/pipeline/default-extractor.js';

const root = new URL('../../', import.meta.url).pathname;
const meta = { sources: [], skipped: 0 };
let corpus: Corpus;

beforeAll(async () => {
  ({ corpus } = await prepareCorpus({ inputs: [`${root}index-data/articles`], extractor: defaultExtractor }));
}, 120_000);

describe('--shards auto', () => {
  it('keeps one index while it fits the index budget, even over the shard budget', async () => {
    const { index, estimates } = await serializeWithinBudget(corpus, meta, 'auto', 0.01, 10);
    expect(index.manifest.shards).toBeUndefined();
    expect(estimates).toHaveLength(1);
    expect(estimates[0]!).toBeGreaterThan(0.01e6);
  });

  it('splits an index over its budget into shards within the shard budget', async () => {
    const one = (await serializeWithinBudget(corpus, meta, 1)).estimates[0]!;
    const shardBudget = (0.7 * one) / 1e6;
    const { index, estimates } = await serializeWithinBudget(corpus, meta, 'auto', shardBudget, one / 2e6);
    expect(index.manifest.shards!.length).toBeGreaterThan(1);
    for (const e of estimates) expect(e).toBeLessThanOrEqual(shardBudget * 1e6);
  });
});
