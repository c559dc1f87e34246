/**
 * CORS for every route, from the CORS_ORIGINS var: "*" (the default) or a comma-separated
 * list of origins. The API is public and anonymous, so credentials are never allowed.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../env.js';

export function allowedOrigins(setting: string | undefined): '*' | string[] {
  const list = (setting ?? '*')
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return list.length === 0 || list.includes('*') ? '*' : list;
}

export function corsMiddleware(): MiddlewareHandler<AppEnv> {
  return cors({
    origin: (origin, c) => {
      const allowed = allowedOrigins((c.env as AppEnv['Bindings']).CORS_ORIGINS);
      if (allowed === '*') return '*';
      return allowed.includes(origin) ? origin : null;
    },
    allowMethods: ['GET', 'HEAD', 'OPTIONS'],
    credentials: false,
    maxAge: 86_400,
  });
}
