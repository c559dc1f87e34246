/**
 * The benchmark corpora: articles with their extracted quotes and entities. Each corpus has its
 * own extraction cache file (a cache keeps only what its last build used).
 */
import { prepareCorpus } from '../src/build/build.js';
import type { Corpus } from '../src/model/corpus.js';
import { loadDefaultExtractor } from '../src/pipeline/load-extractor.js';

export const CORPORA = {
  polnear: '../shared/corpus/polnear/articles.ndjson',
  reuters: '../shared/corpus/reuters21578/articles.ndjson',
} as const;
export type CorpusName = keyof typeof CORPORA;

export const cacheFile = (name: CorpusName) => `.cache/bench-extract-${name}.json`;

export async function loadCorpora(
  names: CorpusName[],
  log: (line: string) => void,
): Promise<Map<CorpusName, Corpus>> {
  const out = new Map<CorpusName, Corpus>();
  for (const name of names) {
    const started = performance.now();
    const { corpus, extracted } = await prepareCorpus({
      inputs: [CORPORA[name]],
      loadExtractor: loadDefaultExtractor,
      cacheFile: cacheFile(name),
    });
    log(
      `${name}: ${corpus.articles.length} articles, ${corpus.quotes.length} quotes, ${corpus.entities.length} entities ` +
        `(${extracted?.fresh ?? 0} extracted now) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    out.set(name, corpus);
  }
  return out;
}
