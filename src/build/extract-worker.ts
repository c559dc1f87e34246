/** One thread of the extraction pool (./extract-pool.ts): extracts the articles it is sent with the default extractor. */
import { parentPort } from 'node:worker_threads';
import type { Article } from '../model/documents.js';
import { loadDefaultExtractor } from '../pipeline/load-extractor.js';

const extract = await loadDefaultExtractor();

parentPort!.on('message', ({ id, articles }: { id: number; articles: Article[] }) => {
  try {
    parentPort!.postMessage({ id, results: articles.map((a) => extract(a)) });
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error).stack ?? String(err) });
  }
});
