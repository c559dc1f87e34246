/**
 * Before `npm start`/`npm run deploy`: build the bundled sample index when no index has been
 * built yet, so a fresh clone serves something. An existing index (yours) is left alone.
 */
import { existsSync } from 'node:fs';
import { buildIndex } from '../src/build/build.js';
import { loadDefaultExtractor } from '../src/pipeline/load-extractor.js';
import { DEFAULT_CACHE, DEFAULT_INPUT, DEFAULT_OUT } from './defaults.js';
import { assetsHolding } from './lib/assets-dir.js';

if (!existsSync(`${DEFAULT_OUT}/manifest.json`)) {
  const assetsDir = assetsHolding(DEFAULT_OUT);
  const summary = await buildIndex({
    inputs: [DEFAULT_INPUT],
    outDir: DEFAULT_OUT,
    loadExtractor: loadDefaultExtractor,
    cacheFile: DEFAULT_CACHE,
    ...(assetsDir ? { assetsDir } : {}),
  });
  const { counts } = summary.manifest;
  console.error(
    `built the sample index: ${counts.article} articles, ${counts.quote} quotes, ${counts.entity} entities`,
  );
}
