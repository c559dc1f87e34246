/** The Hono app: middleware and routes, assembled around one index holder. */
import { Hono } from 'hono';
import type { IndexSource } from '../index/source.js';
import type { AppEnv, Env } from './env.js';
import { redactHealth, requireApiKey } from './middleware/api-key.js';
import { cacheFor, defaultNoStore } from './middleware/cache-control.js';
import { corsMiddleware } from './middleware/cors.js';
import { notFound, onError } from './middleware/errors.js';
import { etag } from './middleware/etag.js';
import { type IndexVars, indexHolder, withIndex } from './middleware/index-loader.js';
import { requestLimits } from './middleware/limits.js';
import { rateLimit } from './middleware/rate-limit.js';
import { securityHeaders } from './middleware/secure-headers.js';
// Publishing without a redeploy (docs/sharding-and-publishing.md): the index source by INDEX_SOURCE, the admin routes.
import { adminGate, adminRoutes } from './routes/admin.js';
import { demoRoutes } from './routes/demo.js';
import { documentRoutes } from './routes/documents.js';
import { healthRoutes, statsRoutes } from './routes/health.js';
import { openApiRoutes } from './routes/openapi.js';
import { searchRoutes } from './routes/search.js';
import { suggestRoutes } from './routes/suggest.js';
import { widgetRoutes } from './routes/widget.js';
import { selectSource } from './sources/select.js';

export interface AppOptions {
  /** Where the index is read from; default: INDEX_SOURCE (the ASSETS binding under INDEX_PATH, or R2). */
  source?: (env: Env) => IndexSource;
}

const INDEXED_PATHS = [
  '/search',
  '/suggest',
  '/facets/:facet',
  '/stats',
  '/articles/:id',
  '/quotes/:id',
  '/entities/:id',
];

const CACHE_POLICIES = [
  ['/search', 'search'],
  ['/suggest', 'search'],
  ['/facets/:facet', 'search'],
  ['/stats', 'stats'],
  ['/articles/:id', 'documents'],
  ['/quotes/:id', 'documents'],
  ['/entities/:id', 'documents'],
  ['/openapi.json', 'openapi'],
] as const;

const defaultSource = (env: Env) => selectSource(env);

export function createApp(options: AppOptions = {}) {
  const holder = indexHolder(options.source ?? defaultSource);
  const app = new Hono<AppEnv & IndexVars>();
  app.onError(onError);
  app.notFound(notFound);
  // Outermost, so that every answer, errors and 429s included, carries them.
  app.use('*', securityHeaders());
  app.use('*', defaultNoStore());
  // Admin routes: a 404 without ADMIN_KEY, and never CORS headers (so it wraps the CORS middleware).
  app.use('/admin/*', adminGate());
  // Before any refusal, so that errors, 404s and 429s carry CORS headers too and embedding
  // sites can read them.
  app.use('*', corsMiddleware());
  // Cheap refusals before any parsing or index work.
  app.use('*', requestLimits());
  app.use('*', rateLimit());
  app.use('/health', redactHealth());
  app.route('/', healthRoutes(holder));
  for (const [path, policy] of CACHE_POLICIES) app.use(path, cacheFor(policy));
  app.route('/', openApiRoutes);
  // The key guards index data only: the demo page, widget.js and /openapi.json stay public.
  for (const path of INDEXED_PATHS) app.use(path, requireApiKey());
  // Only routes that read the index load it: an unknown path stays a 404 even without an index.
  for (const path of INDEXED_PATHS) app.use(path, withIndex(holder), etag());
  app.route('/', searchRoutes);
  app.route('/', documentRoutes);
  app.route('/', statsRoutes);
  app.route('/', suggestRoutes);
  app.route('/', widgetRoutes);
  app.route('/', demoRoutes);
  app.route('/', adminRoutes());
  return app;
}
