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
          throw err instanceof IndexUnavailableError
            ? err
            : new IndexUnavailableError('index_corrupt', `Index could not be read: ${(err as Error).message}`);
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
