/**
 * Parses the request's env into the configuration (src/worker/config.ts) that the other
 * middleware and the routes read as `c.var.config`. A configuration with a bad value answers
 * every request 500 `config_invalid`: CORS, the API key and the index location all depend on it,
 * and a Worker that guessed would serve what its operator did not ask for.
 */
import type { MiddlewareHandler } from 'hono';
import { type AppEnv, ConfigError, configOf } from '../config.js';
import { errorBody } from '../errors.js';

export function configure(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    try {
      c.set('config', configOf(c.env));
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      return c.json(errorBody('config_invalid', err.message), 500, { 'Cache-Control': 'no-store' });
    }
    await next();
  };
}
