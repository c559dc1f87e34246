/**
 * A corpus ready for relevance evaluation: its articles with extracted quotes and entities (from
 * an extraction cache under .cache/, so that a second run skips extraction), our index over all
 * of it, the competing engines over the same documents, and the ids of each split's articles.
 */
import { readFileSync } from 'node:fs';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { prepareCorpus } from '../../src/build/build.js';
import { toIndexDocs } from '../../src/index/index-docs.js';
import { type LoadedIndex, loadIndex } from '../../src/index/load.js';
import { memorySource } from '../../src/index/memory-source.js';
import { type IndexDoc, SEARCH_FIELDS } from '../../src/index/options.js';
import { serializeIndex } from '../../src/index/serialize.js';
import type { Corpus } from '../../src/model/corpus.js';
import { loadDefaultExtractor } from '../../src/pipeline/load-extractor.js';
import { type KnownItem, knownItems, QUERY_CLASSES } from './known-items.js';

export const EVAL_CORPORA = {
  polnear: {
    path: '../shared/corpus/polnear/articles.ndjson',
    train: 'train',
    heldout: 'dev',
    titleStart: [2, 4] as [number, number],
  },
  reuters: {
    path: '../shared/corpus/reuters21578/articles.ndjson',
    train: 'train',
    heldout: 'test',
    titleStart: [3, 4] as [number, number],
  },
} as const;
export type EvalCorpusName = keyof typeof EVAL_CORPORA;

/** What FlexSearch's Document index is called with here (its typings are generic over the document). */
export interface FlexDocuments {
  add(doc: object): void;
  search(q: string, options: { limit: number; suggest: boolean; merge: true }): Array<{ id: string }>;
}

export interface EvalCorpus {
  name: EvalCorpusName;
  corpus: Corpus;
  index: LoadedIndex;
  minisearch?: MiniSearch<IndexDoc>;
  flexsearch?: FlexDocuments;
  /** The queries of a split: `train` leaves out every entity a held-out article mentions. */
  items(split: 'train' | 'heldout', seed: number, perClass: number): KnownItem[];
}

function splitIds(path: string, split: string): Set<string> {
  return new Set(
    readFileSync(path, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; split?: string })
      .filter((a) => a.split === split)
      .map((a) => a.id),
  );
}

export async function prepareEvalCorpus(
  name: EvalCorpusName,
  engines: readonly string[],
  log: (line: string) => void,
): Promise<EvalCorpus> {
  const config = EVAL_CORPORA[name];
  const t0 = performance.now();
  const { corpus } = await prepareCorpus({
    inputs: [config.path],
    loadExtractor: loadDefaultExtractor,
    cacheFile: `.cache/eval-extract-${name}.json`,
  });
  const index = await loadIndex(
    memorySource(await serializeIndex(corpus, { sources: [config.path], skipped: 0 })),
  );
  log(`${name}: corpus and index ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const docs = toIndexDocs(corpus);
  let minisearch: MiniSearch<IndexDoc> | undefined;
  if (engines.some((e) => e.startsWith('minisearch'))) {
    minisearch = new MiniSearch<IndexDoc>({ fields: [...SEARCH_FIELDS] });
    minisearch.addAll(docs);
  }
  let flexsearch: FlexDocuments | undefined;
  if (engines.includes('flexsearch')) {
    // As benchmarks/engines.ts builds it: the forward tokenizer, so that word starts match.
    flexsearch = new FlexSearch.Document({
      document: { id: 'id', index: [...SEARCH_FIELDS] },
      tokenize: 'forward',
    } as never) as unknown as FlexDocuments;
    for (const d of docs) flexsearch.add(d);
  }
  log(`${name}: engines ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const train = splitIds(config.path, config.train);
  const heldout = splitIds(config.path, config.heldout);
  return {
    name,
    corpus,
    index,
    minisearch,
    flexsearch,
    items: (split, seed, perClass) =>
      knownItems(corpus, {
        articleIds: split === 'train' ? train : heldout,
        ...(split === 'train' ? { excludeEntitiesOf: heldout } : {}),
        seed,
        perClass,
        classes: QUERY_CLASSES,
        titleStart: config.titleStart,
      }),
  };
}
