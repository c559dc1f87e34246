/**
 * Size limits checked before anything parses the request: the URL, the number of query
 * parameters and the headers. Each has its own status and stable code.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../config.js';
import { errorBody } from '../errors.js';
import { LIMITS } from '../schemas.js';

export function headerBytes(headers: Headers): number {
  let n = 0;
  // ": " and CRLF per header, as on the wire.
  for (const [name, value] of headers) n += name.length + value.length + 4;
  return n;
}

export function requestLimits(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = c.req.url;
    if (url.length > LIMITS.urlMaxChars) {
      return c.json(
        errorBody('uri_too_long', `The URL must be at most ${LIMITS.urlMaxChars} characters`),
        414,
      );
    }
    if (headerBytes(c.req.raw.headers) > LIMITS.headersMaxBytes) {
      return c.json(
        errorBody('headers_too_large', `Request headers must total at most ${LIMITS.headersMaxBytes} bytes`),
        431,
      );
    }
    const queryStart = url.indexOf('?');
    if (queryStart >= 0) {
      let params = 0;
      for (const part of url.slice(queryStart + 1).split('&')) if (part !== '') params++;
      if (params > LIMITS.paramsMax) {
        return c.json(errorBody('too_many_parameters', `At most ${LIMITS.paramsMax} query parameters`), 400);
      }
    }
    await next();
  };
}
