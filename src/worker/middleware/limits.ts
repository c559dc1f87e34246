/**
 * Checks made before anything parses the request: the size of the URL, of the headers and the
 * number of query parameters, each with its own status and stable code; and a query string that
 * is not valid percent-encoded UTF-8 (`q=a%ED%A0%80b`), refused rather than read half-decoded.
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
      const parts = url
        .slice(queryStart + 1)
        .split('&')
        .filter((part) => part !== '');
      if (parts.length > LIMITS.paramsMax) {
        return c.json(errorBody('too_many_parameters', `At most ${LIMITS.paramsMax} query parameters`), 400);
      }
      const bad = parts.find((part) => !wellEncoded(part));
      if (bad !== undefined) {
        return c.json(
          errorBody(
            'invalid_parameter',
            `The query string is not valid percent-encoded UTF-8 at "${bad.slice(0, 64)}"`,
          ),
          400,
        );
      }
    }
    await next();
  };
}

/** Whether a `name=value` pair decodes: every % starts an escape, and the escapes spell UTF-8. */
export function wellEncoded(part: string): boolean {
  if (!part.includes('%')) return true;
  try {
    decodeURIComponent(part.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}
