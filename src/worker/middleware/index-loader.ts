/**
 * Loads the index on first use and keeps it for the isolate's life. Concurrent first requests
 * share one load; a failed load is not kept, so a later request retries (and /health reports it).
 */
import type { MiddlewareHandler } from 'hono';
import { IndexUnavailableError, loadIndex, type LoadedIndex } from '../../index/load.js';
import type { IndexSource } from '../../index/source.js';
import type { AppEnv, Env } from '../env.js';

export type IndexVars = { Variables: { index: LoadedIndex } };

export interface IndexHolder {
  get(env: Env): Promise<LoadedIndex>;
}

export function indexHolder(sourceFor: (env: Env) => IndexSource): IndexHolder {
  let loading: Promise<LoadedIndex> | null = null;
  return {
    get(env) {
      if (!loading) {
        loading = loadIndex(sourceFor(env)).catch((err: unknown) => {
          loading = null;
          if (err instanceof IndexUnavailableError) throw err;
          // The cause may name storage internals: it goes to the log, not to clients.
          console.error('index load failed:', err);
          throw new IndexUnavailableError('index_corrupt', 'Index could not be read (the cause is in the Worker log)');
        });
      }
      return loading;
    },
  };
}

export function withIndex(holder: IndexHolder): MiddlewareHandler<AppEnv & IndexVars> {
  return async (c, next) => {
    c.set('index', await holder.get(c.env));
    await next();
  };
}
