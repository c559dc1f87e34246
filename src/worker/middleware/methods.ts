/**
 * 405 for a known path asked with a method it does not take (POST /search), with the `Allow`
 * header listing those it does; unknown paths stay 404 `route_not_found`. The app's own router
 * decides, so the answer follows the routes as they are registered. HEAD is answered as GET, and
 * OPTIONS (the CORS preflight) never reaches this.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../config.js';
import { errorBody } from '../errors.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

type Routed = Pick<Hono, 'router'>;
/** What Hono's routers hold per handler: the handler and its route (method 'ALL' for middleware). */
type Stored = [unknown, { method: string }];

function hasRoute(app: Routed, method: string, path: string): boolean {
  const [matches] = app.router.match(method, path) as unknown as [Array<[Stored, unknown]>];
  return matches.some(([[, route]]) => route.method === method);
}

export function allowedMethods(app: Routed): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    const path = c.req.path;
    if (method === 'OPTIONS' || hasRoute(app, method, path)) return next();
    const allowed = METHODS.filter((m) => m !== method && hasRoute(app, m, path));
    if (allowed.length === 0) return next();
    const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
    return c.json(
      errorBody('method_not_allowed', `${c.req.method} is not allowed on ${path}: use ${allow}`),
      405,
      { Allow: allow },
    );
  };
}
