/** The Hono app: middleware and routes, assembled around one index holder. */
import { Hono } from 'hono';
import type { IndexSource } from '../index/source.js';
import type { AppEnv, Env } from './env.js';
import { corsMiddleware } from './middleware/cors.js';
import { notFound, onError } from './middleware/errors.js';
import { indexHolder, withIndex, type IndexVars } from './middleware/index-loader.js';
import { demoRoutes } from './routes/demo.js';
import { documentRoutes } from './routes/documents.js';
import { healthRoutes, statsRoutes } from './routes/health.js';
import { openApiRoutes } from './routes/openapi.js';
import { searchRoutes } from './routes/search.js';
import { suggestRoutes } from './routes/suggest.js';
import { widgetRoutes } from './routes/widget.js';
import { assetsSource } from './sources/assets.js';

export interface AppOptions {
  /** Where the index is read from; default: the ASSETS binding under INDEX_PATH. */
  source?: (env: Env) => IndexSource;
}

const INDEXED_PATHS = ['/search', '/suggest', '/facets/:facet', '/stats', '/articles/:id', '/quotes/:id', '/entities/:id'];

const defaultSource = (env: Env) => assetsSource(env.ASSETS, env.INDEX_PATH);

export function createApp(options: AppOptions = {}) {
  const holder = indexHolder(options.source ?? defaultSource);
  const app = new Hono<AppEnv & IndexVars>();
  app.onError(onError);
  app.notFound(notFound);
  // First, so that errors and 404s carry CORS headers too and embedding sites can read them.
  app.use('*', corsMiddleware());
  app.route('/', healthRoutes(holder));
  app.route('/', openApiRoutes);
  // Only routes that read the index load it: an unknown path stays a 404 even without an index.
  for (const path of INDEXED_PATHS) app.use(path, withIndex(holder));
  app.route('/', searchRoutes);
  app.route('/', documentRoutes);
  app.route('/', statsRoutes);
  app.route('/', suggestRoutes);
  app.route('/', widgetRoutes);
  app.route('/', demoRoutes);
  return app;
}
