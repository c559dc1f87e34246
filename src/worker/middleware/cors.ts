/**
 * CORS for every route: "*" (the default) or a list of origins (CORS_ORIGINS). The API is public
 * and anonymous, so credentials are never allowed.
 */
import type { MiddlewareHandler } from 'hono';
import { cors as honoCors } from 'hono/cors';
import type { AppEnv } from '../config.js';
import { type PerRequest, type RequestContext, resolve } from './per-request.js';

export interface CorsOptions {
  origins: '*' | string[];
}

export function cors(options: PerRequest<CorsOptions> = { origins: '*' }): MiddlewareHandler<AppEnv> {
  return honoCors({
    origin: (origin, c) => {
      // Hono types this context loosely; it is the app's, configuration included.
      const { origins } = resolve(options, c as unknown as RequestContext);
      if (origins === '*') return '*';
      return origins.includes(origin) ? origin : null;
    },
    allowMethods: ['GET', 'HEAD', 'OPTIONS'],
    credentials: false,
    maxAge: 86_400,
  });
}
