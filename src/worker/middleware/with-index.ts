/**
 * Hands each request that reads the index the engine of the version being served (src/store/
 * served.ts decides which, loads it and refreshes it). The request keeps that engine to the end,
 * whatever the store serves meanwhile, and its answer names the version (X-Index-Version).
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { IndexSource } from '../../index/source.js';
import type { SearchEngine } from '../../search/engine.js';
import { localShards } from '../../store/local-shards.js';
import { sourceAt } from '../../store/location.js';
import type { IndexAccess, IndexHolder } from '../../store/served.js';
import type { AppEnv } from '../config.js';
import type { Env } from '../env.js';
import { shardClients, shardNamespaces } from '../shards/clients.js';
import type { RequestContext } from './per-request.js';

export type IndexVars = { Variables: { engine: SearchEngine } };

/** Reads an index from elsewhere than the configured location (tests, benchmarks); default: the configuration's. */
export type SourceOverride = (env: Env) => IndexSource;

/**
 * How this request reaches the index: the configured location (or an override), refresh and
 * shards (their Durable Objects, or with `inProcess` loaded in this isolate: tools and benchmarks).
 */
type WithExecution = RequestContext & Partial<Pick<Context<AppEnv>, 'executionCtx'>>;

export function indexAccess(c: WithExecution, override?: SourceOverride, inProcess = false): IndexAccess {
  const env = c.env;
  const { location, refreshSeconds, shardTimeoutMs } = c.var.config.index;
  return {
    background: backgroundOf(c),
    liveSmallSegment: c.var.config.live.smallSegment,
    source: () => (override ? override(env) : sourceAt(env, location)),
    refreshSeconds,
    shards: {
      clients: (manifest, source) =>
        inProcess
          ? localShards(source, manifest)
          : shardClients(shardNamespaces(env as unknown as Record<string, unknown>), location, manifest),
      timeoutMs: shardTimeoutMs,
    },
  };
}

/** The request's waitUntil; none when the app is called without an execution context (tests, tools). */
function backgroundOf(c: WithExecution): ((work: Promise<unknown>) => void) | undefined {
  let ctx: { waitUntil(work: Promise<unknown>): void } | undefined;
  try {
    ctx = c.executionCtx;
  } catch {
    // Hono throws when the app was called without one.
  }
  return ctx && ((work) => ctx.waitUntil(work));
}

export function withIndex(
  holder: IndexHolder,
  override?: SourceOverride,
  inProcess = false,
): MiddlewareHandler<AppEnv & IndexVars> {
  return async (c, next) => {
    const engine = await holder.get(indexAccess(c, override, inProcess));
    c.set('engine', engine);
    await next();
    c.res.headers.set('X-Index-Version', engine.manifest.version);
  };
}
