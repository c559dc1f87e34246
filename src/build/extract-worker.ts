/** One thread of the extraction pool (./extract-pool.ts): extracts the articles it is sent with the default extractor. */
import { parentPort } from 'node:worker_threads';
import type { Article } from '../model/documents.js';
import type { ExtractionContext } from '../pipeline/extraction.js';
import { loadDefaultExtractor } from '../pipeline/load-extractor.js';

const extract = await loadDefaultExtractor();

parentPort!.on(
  'message',
  ({ id, articles, context }: { id: number; articles: Article[]; context?: ExtractionContext }) => {
    try {
      parentPort!.postMessage({ id, results: articles.map((a) => extract(a, context)) });
    } catch (err) {
      parentPort!.postMessage({ id, error: (err as Error).stack ?? String(err) });
    }
  },
);
