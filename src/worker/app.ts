/**
 * The Hono app: middleware and routes, assembled around one index holder (the version this
 * isolate serves, src/store/served.ts). Each middleware takes its part of the configuration,
 * read from the request's (src/worker/config.ts).
 */
import { Hono } from 'hono';
import { liveHolder } from '../live/served.js';
import { indexHolder } from '../store/served.js';
import type { AppEnv, Config } from './config.js';
import { apiKey, oneKey, redactHealth } from './middleware/api-key.js';
import { cacheFor, defaultNoStore } from './middleware/cache-control.js';
import { configure } from './middleware/configure.js';
import { cors } from './middleware/cors.js';
import { notFound, onError } from './middleware/errors.js';
import { type EtagVars, etag } from './middleware/etag.js';
import { requestLimits } from './middleware/limits.js';
import { allowedMethods } from './middleware/methods.js';
import type { RequestContext } from './middleware/per-request.js';
import { rateLimit } from './middleware/rate-limit.js';
import { securityHeaders } from './middleware/secure-headers.js';
import { type IndexVars, type SourceOverride, withIndex } from './middleware/with-index.js';
import { adminGate, adminRoutes } from './routes/admin.js';
import { demoRoutes } from './routes/demo.js';
import { documentRoutes } from './routes/documents.js';
import { healthRoutes, statsRoutes } from './routes/health.js';
import { liveRoutes } from './routes/live.js';
import { openApiRoutes } from './routes/openapi.js';
import { searchRoutes } from './routes/search.js';
import { suggestRoutes } from './routes/suggest.js';
import { widgetRoutes } from './routes/widget.js';

export interface AppOptions {
  /** Where the index is read from; default: the configuration's (INDEX_SOURCE, INDEX_PATH, INDEX_R2_PREFIX). */
  source?: SourceOverride;
  /** Serve a sharded index's shards in this isolate instead of their Durable Objects (Node tools, benchmarks). */
  inProcessShards?: boolean;
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

/** A middleware option read from the request's configuration. */
const fromConfig =
  <T extends object>(pick: (config: Config, c: RequestContext) => T) =>
  (c: RequestContext) =>
    pick(c.var.config, c);

const apiKeyOption = fromConfig((config) => ({ key: config.apiKey }));
const privacy = fromConfig((config) => ({ private: config.apiKey !== null }));
const adminKey = fromConfig((config) => ({ key: config.adminKey }));

export function createApp(options: AppOptions = {}) {
  // The served version, with the live updates pending over it (src/live/served.ts).
  const holder = liveHolder(indexHolder());
  const app = new Hono<AppEnv & IndexVars & EtagVars>();
  app.onError(onError);
  app.notFound(notFound);
  // Outermost, so that every answer, errors and 429s included, carries them.
  app.use('*', securityHeaders());
  // Every other middleware reads the configuration this parses (a bad one is answered here).
  app.use('*', configure());
  app.use('*', defaultNoStore(privacy));
  // Admin routes: a 404 without ADMIN_KEY, and never CORS headers (so it wraps the CORS middleware).
  app.use('/admin/*', adminGate(adminKey));
  // Before any refusal, so that errors, 404s and 429s carry CORS headers too and embedding
  // sites can read them.
  app.use('*', cors(fromConfig((config) => config.cors)));
  // Cheap refusals before any parsing or index work.
  app.use('*', requestLimits());
  app.use('*', rateLimit(fromConfig((config, c) => ({ limiter: c.env.RATE_LIMITER, ...config.rateLimit }))));
  // POST /search: 405 before the key is checked or the index loaded.
  app.use('*', allowedMethods(app));
  for (const path of ['/health', ...INDEXED_PATHS]) app.use(path, oneKey());
  app.use('/health', redactHealth(apiKeyOption));
  app.route('/', healthRoutes(holder, options.source, options.inProcessShards));
  for (const [path, policy] of CACHE_POLICIES) app.use(path, cacheFor(policy, privacy));
  app.route('/', openApiRoutes);
  // The key guards index data only: the demo page, widget.js and /openapi.json stay public.
  for (const path of INDEXED_PATHS) app.use(path, apiKey(apiKeyOption));
  // Only routes that read the index load it: an unknown path stays a 404 even without an index.
  const deploy = fromConfig((config) => ({ deployId: config.deployId }));
  for (const path of INDEXED_PATHS)
    app.use(path, withIndex(holder, options.source, options.inProcessShards), etag(deploy));
  app.route('/', searchRoutes);
  app.route('/', documentRoutes);
  app.route('/', statsRoutes);
  app.route('/', suggestRoutes);
  app.route('/', widgetRoutes);
  app.route('/', demoRoutes);
  app.route('/', adminRoutes(adminKey));
  app.route('/', liveRoutes());
  return app;
}
