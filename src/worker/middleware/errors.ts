/** The app's onError and notFound handlers: every failure becomes the JSON error shape. */
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { IndexUnavailableError } from '../../index/load.js';
import { ShardUnavailableError } from '../../shard/engine.js';
import { ApiError, errorBody } from '../errors.js';

export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message), err.status);
  if (err instanceof IndexUnavailableError) {
    return c.json(errorBody(err.code, err.message), 503, { 'Retry-After': '30' });
  }
  if (err instanceof ShardUnavailableError) {
    // The shard numbers help operators; the cause (storage, timeouts) stays in the log.
    return c.json(
      errorBody('shard_unavailable', `Shard ${err.shards.join(', ')} of the index did not answer; try again`),
      503,
      { 'Retry-After': '5' },
    );
  }
  if (err instanceof HTTPException && err.status < 500) {
    return c.json(errorBody('invalid_parameter', err.message || 'Bad request'), err.status);
  }
  // Internals (stack, paths) go to the log, never to the client.
  console.error(err);
  return c.json(errorBody('internal_error', 'Internal error'), 500);
};

export const notFound: NotFoundHandler = (c) =>
  c.json(errorBody('route_not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404);
