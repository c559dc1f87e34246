/**
 * Extraction on several cores, for the builds that extract many articles: a first build spends
 * most of its time there, and articles are extracted independently, so the work splits with
 * results identical to one thread's (test/node/extract-pool.test.ts). The main thread extracts
 * too, beside `threads - 1` worker threads: it is idle otherwise, and each worker thread costs
 * its own start (tsx, the extraction modules, the extractor's data: ~1 s of CPU). A build that
 * extracts only a few articles extracts them in the main thread alone (see POOL_MIN_ARTICLES).
 *
 * Worker threads run TypeScript through tsx, as the build script does; they start on first use
 * and stay until close() (watch mode keeps them between builds).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article } from '../model/documents.js';
import type { ArticleExtraction, ExtractionContext, Extractor } from '../pipeline/extraction.js';

/** Below this many articles to extract, starting threads costs more than it saves. */
export const POOL_MIN_ARTICLES = 200;
/** Articles per message: large enough to amortize messaging, small enough to balance the threads. */
const BATCH = 32;
/** Batches sent ahead to each worker thread, so that it never waits while the main thread works. */
const AHEAD = 2;

export interface ExtractPool {
  /** Threads extracting, the main thread included. */
  readonly threads: number;
  /** Extractions of `articles`, in their order; `onDone` is told how many are done so far. */
  extract(
    articles: Article[],
    onDone?: (done: number) => void,
    context?: ExtractionContext,
  ): Promise<ArticleExtraction[]>;
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

/**
 * `threads` extracting in all; `local` loads the extractor for the main thread's share (the
 * default extractor, which the worker threads run too).
 */
export function createExtractPool(threads: number, local: () => Promise<Extractor>): ExtractPool {
  let workers: Worker[] | null = null;
  const start = () => {
    if (!workers) {
      const started = Array.from({ length: Math.max(0, threads - 1) }, startThread);
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
    async extract(articles, onDone, context) {
      const out = new Array<ArticleExtraction>(articles.length);
      if (articles.length === 0) return out;
      let next = 0;
      let done = 0;
      let id = 0;
      let failed: Error | null = null;
      const take = (): [number, number] | null => {
        if (failed || next >= articles.length) return null;
        const from = next;
        next = Math.min(articles.length, next + BATCH);
        return [from, next];
      };
      const finish = (from: number, results: ArticleExtraction[]) => {
        results.forEach((r, i) => {
          out[from + i] = r;
        });
        done += results.length;
        onDone?.(done);
      };

      const remote = (worker: Worker) =>
        new Promise<void>((resolve, reject) => {
          const pending = new Map<number, number>();
          const send = () => {
            const batch = take();
            if (!batch) return;
            pending.set(++id, batch[0]);
            worker.postMessage({ id, articles: articles.slice(batch[0], batch[1]), context });
          };
          const stop = (err?: Error) => {
            worker.off('message', onMessage);
            worker.off('error', stop);
            worker.off('exit', onExit);
            if (!err) return resolve();
            failed = err;
            reject(err);
          };
          const onMessage = (reply: Reply) => {
            const from = pending.get(reply.id)!;
            pending.delete(reply.id);
            if ('error' in reply)
              return stop(new Error(`extraction failed in a worker thread: ${reply.error}`));
            finish(from, reply.results);
            send();
            if (pending.size === 0) stop();
          };
          const onExit = (code: number) => stop(new Error(`an extraction thread exited (code ${code})`));
          worker.on('message', onMessage);
          worker.on('error', stop);
          worker.on('exit', onExit);
          for (let i = 0; i < AHEAD; i++) send();
          if (pending.size === 0) stop();
        });

      const inMain = async () => {
        const extract = await local();
        for (let batch = take(); batch; batch = take()) {
          finish(
            batch[0],
            articles.slice(batch[0], batch[1]).map((a) => extract(a, context)),
          );
          // Let the worker threads' answers in, so that they are sent their next batches.
          await new Promise((r) => setImmediate(r));
        }
      };

      await Promise.all([...start().map(remote), inMain()]);
      return out;
    },
    async close() {
      const running = workers;
      workers = null;
      await Promise.all((running ?? []).map((w) => w.terminate()));
    },
  };
}
