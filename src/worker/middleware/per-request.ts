/**
 * Middleware here are factories taking their options, as Hono's own are. The Worker's options come
 * from its configuration, which the runtime hands over with each request (src/worker/config.ts),
 * so an option may also be a function reading them from the request's context.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../config.js';

/** What an option may read of a request: its bindings and its configuration. */
export type RequestContext = Pick<Context<AppEnv>, 'env' | 'var'>;

export type PerRequest<T extends object> = T | ((c: RequestContext) => T);

export function resolve<T extends object>(option: PerRequest<T>, c: RequestContext): T {
  return typeof option === 'function' ? option(c) : option;
}
