/**
 * widget.js (and the client module, widget-client.js) from the ASSETS binding. The plain name is what embeds normally use, so it is
 * cached briefly and a new build reaches every site within minutes; the content-hashed copy
 * never changes and is cached for a year.
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../config.js';
import { ApiError } from '../errors.js';

const SHORT = 'public, max-age=300, stale-while-revalidate=60';
const IMMUTABLE = 'public, max-age=31536000, immutable';

async function serve(c: Context<AppEnv>, file: string, cacheControl: string) {
  const headers = new Headers();
  const etag = c.req.header('If-None-Match');
  if (etag) headers.set('If-None-Match', etag);
  const asset = await c.env.ASSETS.fetch(new Request(new URL(`/${file}`, c.req.url), { headers }));
  if (asset.status === 404) {
    const unbuilt = file === 'widget.js' || file === 'widget-client.js';
    throw new ApiError(
      404,
      'not_found',
      unbuilt ? `${file} has not been built (npm run build:widget)` : `No ${file}`,
    );
  }
  if (!asset.ok && asset.status !== 304) throw new Error(`assets /${file}: HTTP ${asset.status}`);
  const out = new Headers(asset.headers);
  out.set('Content-Type', 'text/javascript; charset=utf-8');
  out.set('Cache-Control', cacheControl);
  out.set('X-Content-Type-Options', 'nosniff');
  // Other sites embed it: let them, and let them check it with Subresource Integrity.
  out.set('Cross-Origin-Resource-Policy', 'cross-origin');
  return new Response(asset.status === 304 ? null : asset.body, { status: asset.status, headers: out });
}

export const widgetRoutes = new Hono<AppEnv>()
  .get('/:file{widget(?:-client)?\\.js}', (c) => serve(c, c.req.param('file'), SHORT))
  .get('/:file{widget(?:-client)?\\.[0-9a-f]{8,64}\\.js}', (c) => serve(c, c.req.param('file'), IMMUTABLE));
