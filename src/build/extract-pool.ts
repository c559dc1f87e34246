/**
 * Extraction in worker threads, one article at a time per thread, for the builds that extract
 * many articles: a first build of an archive spends most of its time there, and articles are
 * extracted independently, so the work splits across cores with results identical to one
 * thread's (test/node/extract-pool.test.ts). Each thread loads the default extractor itself
 * (~0.15 s from .cache/gazetteer.v8, plus its modules), so a build that extracts only a few
 * articles extracts them in-process instead (see POOL_MIN_ARTICLES).
 *
 * Threads run TypeScript through tsx, as the build script does; they start on first use and stay
 * until close() (watch mode keeps them between builds).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article } from '../model/documents.js';
import type { ArticleExtraction } from '../pipeline/extraction.js';

/** Below this many articles to extract, starting threads costs more than it saves. */
export const POOL_MIN_ARTICLES = 200;
/** Articles per message: large enough to amortize messaging, small enough to balance the threads. */
const BATCH = 32;

export interface ExtractPool {
  readonly threads: number;
  /** Extractions of `articles`, in their order; `onDone` is told how many are done so far. */
  extract(articles: Article[], onDone?: (done: number) => void): Promise<ArticleExtraction[]>;
  close(): Promise<void>;
}

type Reply = { id: number; results: ArticleExtraction[] } | { id: number; error: string };

/** Threads for extraction: one per core the process may use. */
export function defaultThreads(): number {
  return availableParallelism();
}

/**
 * A thread running ./extract-worker.ts. A worker's entry is loaded before any `--import` of its
 * execArgv, so tsx is started from a one-line script that imports the TypeScript entry through it.
 */
function startThread(): Worker {
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./extract-worker.ts', import.meta.url).href);
  return new Worker(`import(${api}).then((tsx) => tsx.tsImport(${entry}, ${entry}))`, { eval: true });
}

export function createExtractPool(threads = defaultThreads()): ExtractPool {
  let workers: Worker[] | null = null;
  const start = () => {
    if (!workers) {
      const started = Array.from({ length: threads }, startThread);
      // A thread that died (an error in the extractor's load) is replaced by a new set next time.
      for (const w of started)
        w.once('exit', () => {
          if (workers === started) workers = null;
        });
      workers = started;
    }
    return workers;
  };

  return {
    threads,
    async extract(articles, onDone) {
      const out = new Array<ArticleExtraction>(articles.length);
      if (articles.length === 0) return out;
      const pool = start();
      let next = 0;
      let done = 0;
      let id = 0;
      await Promise.all(
        pool.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              const pending = new Map<number, number>();
              const send = () => {
                if (next >= articles.length) {
                  stop();
                  resolve();
                  return;
                }
                const from = next;
                next = Math.min(articles.length, next + BATCH);
                pending.set(++id, from);
                worker.postMessage({ id, articles: articles.slice(from, next) });
              };
              const onMessage = (reply: Reply) => {
                const from = pending.get(reply.id)!;
                pending.delete(reply.id);
                if ('error' in reply) {
                  stop();
                  reject(new Error(`extraction failed in a worker thread: ${reply.error}`));
                  return;
                }
                reply.results.forEach((r, i) => {
                  out[from + i] = r;
                });
                done += reply.results.length;
                onDone?.(done);
                send();
              };
              const onError = (err: Error) => {
                stop();
                reject(err);
              };
              const onExit = (code: number) => {
                stop();
                reject(new Error(`an extraction thread exited (code ${code})`));
              };
              const stop = () => {
                worker.off('message', onMessage);
                worker.off('error', onError);
                worker.off('exit', onExit);
              };
              worker.on('message', onMessage);
              worker.on('error', onError);
              worker.on('exit', onExit);
              send();
            }),
        ),
      );
      return out;
    },
    async close() {
      const running = workers;
      workers = null;
      await Promise.all((running ?? []).map((w) => w.terminate()));
    },
  };
}
