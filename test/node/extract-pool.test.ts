/**
 * Extraction in worker threads gives what the main thread gives: the same extraction for each
 * article, and a build whose files are byte for byte the same (same content hash).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndex, prepareCorpus } from '../../src/build/build.js';
import { createExtractPool, POOL_MIN_ARTICLES } from '../../src/build/extract-pool.js';
import { defaultExtractor } from '../../src/pipeline/default-extractor.js';
import { loadDefaultExtractor } from '../../src/pipeline/load-extractor.js';
import { hasCorpora, readCorpus } from '../corpora.js';
import { GENDER_BLIND, genderDecides } from '../fixtures/invented-articles.js';

const root = new URL('../../', import.meta.url).pathname;
const pool = createExtractPool(2, loadDefaultExtractor);

afterAll(() => pool.close());

describe('the extraction pool', () => {
  it('extracts each article as the main thread does, in order, reporting progress', async () => {
    const { items } = await prepareCorpus({ inputs: [`${root}index-data/articles`] });
    const articles = items.map((i) => i.article);
    const seen: number[] = [];
    const threaded = await pool.extract(articles, (n) => seen.push(n));
    expect(threaded).toEqual(articles.map((a) => defaultExtractor(a)));
    expect(threaded.some((e) => e.quotes.length > 0)).toBe(true);
    expect(seen.at(-1)).toBe(articles.length);
    expect(await pool.extract([])).toEqual([]);
  }, 120_000);

  it('extracts with the context the build gives it, in every thread', async () => {
    const body = genderDecides();
    const { items } = await prepareCorpus({ inputs: [`${root}index-data/articles`] });
    const articles = Array.from({ length: 100 }, (_, i) => ({ ...items[0]!.article, id: `a${i}`, body }));
    const genderBlind = { speakerWeights: GENDER_BLIND };
    const speakers = (out: Array<{ quotes: Array<{ speaker: string | null }> }>) =>
      new Set(out.map((e) => e.quotes.map((q) => q.speaker).join(' / ')));
    expect(speakers(await pool.extract(articles))).toEqual(new Set(['Tomas Brenner / Tomas Brenner']));
    expect(speakers(await pool.extract(articles, undefined, genderBlind))).toEqual(
      new Set(['Tomas Brenner / Mrs. Odile Farrant']),
    );
  }, 120_000);

  const polnear = hasCorpora('extraction in threads on PolNeAR', 'polnear/articles.ndjson');
  it.skipIf(!polnear)(
    'builds PolNeAR articles to the same bytes as one thread does',
    async () => {
      // Enough articles for the pool to be used, few enough to build twice quickly.
      const dir = await mkdtemp(join(tmpdir(), 'nrs-pool-'));
      const input = join(dir, 'articles.ndjson');
      const lines = readCorpus('polnear/articles.ndjson').split('\n').filter(Boolean);
      await writeFile(input, `${lines.slice(0, POOL_MIN_ARTICLES + 50).join('\n')}\n`);
      let threaded = 0;
      const counted = {
        ...pool,
        extract: (articles: Parameters<typeof pool.extract>[0]) => {
          threaded += articles.length;
          return pool.extract(articles);
        },
      };
      const build = async (inThreads: boolean) =>
        buildIndex({
          inputs: [input],
          outDir: join(await mkdtemp(join(tmpdir(), 'nrs-pool-')), 'out'),
          loadExtractor: loadDefaultExtractor,
          ...(inThreads ? { pool: counted } : {}),
        });
      const [serial, parallel] = [await build(false), await build(true)];
      expect(serial.manifest.counts.quote).toBeGreaterThan(0);
      expect(threaded).toBe(POOL_MIN_ARTICLES + 50);
      expect(parallel.manifest.contentHash).toBe(serial.manifest.contentHash);
      expect(parallel.manifest.files).toEqual(serial.manifest.files);
    },
    300_000,
  );
});
