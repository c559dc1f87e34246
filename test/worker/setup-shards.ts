/**
 * For test/worker/shards.test.ts (run in Node by the global setup): a corpus (PolNeAR, or the
 * bundled sample where it is absent) with its quotes and entities as one index
 * (public/test-shards-one) and split into 4 shards (public/test-shards), plus a copy whose shard 2
 * has lost its files (public/test-shards-broken).
 */
import { cp, rm } from 'node:fs/promises';
import { buildIndex } from '../../src/build/build.js';
import { defaultExtractor } from '../../src/pipeline/default-extractor.js';

const root = new URL('../../', import.meta.url).pathname;

export async function buildShards(input: string): Promise<void> {
  const common = { inputs: [input], extractor: defaultExtractor, cacheFile: `${root}.cache/extract.json` };
  await buildIndex({ ...common, outDir: `${root}public/test-shards-one` });
  const sharded = await buildIndex({ ...common, outDir: `${root}public/test-shards`, shards: 4 });
  const broken = `${root}public/test-shards-broken`;
  await rm(broken, { recursive: true, force: true });
  await cp(`${root}public/test-shards`, broken, { recursive: true });
  await rm(`${broken}/${sharded.manifest.version}/shard-2`, { recursive: true, force: true });
}
