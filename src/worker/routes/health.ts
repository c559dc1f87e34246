import { Hono } from 'hono';
import { IndexUnavailableError } from '../../index/load.js';
import { publicSource } from '../../index/manifest.js';
import type { IndexHolder } from '../../store/served.js';
import type { AppEnv } from '../config.js';
import { type IndexVars, indexAccess, type SourceOverride } from '../middleware/with-index.js';
import { type HealthResponse, type HealthUnavailableResponse, statsSchema } from '../responses.js';

/** /health answers even when the index is unavailable: it is where operators learn why. */
export function healthRoutes(holder: IndexHolder, override?: SourceOverride, inProcessShards = false) {
  return new Hono<AppEnv & IndexVars>().get('/health', async (c) => {
    try {
      const { manifest } = await holder.get(indexAccess(c, override, inProcessShards));
      const body: HealthResponse = {
        status: 'ok',
        index: { version: manifest.version, builtAt: manifest.builtAt, counts: manifest.counts },
      };
      return c.json(body);
    } catch (err) {
      if (!(err instanceof IndexUnavailableError)) throw err;
      const body: HealthUnavailableResponse = {
        status: 'unavailable',
        error: { code: err.code, message: err.message },
      };
      return c.json(body, 503);
    }
  });
}

/** The manifest through its schema: fields a newer build may add stay out until described. */
export const statsRoutes = new Hono<AppEnv & IndexVars>().get('/stats', (c) => {
  const manifest = c.var.engine.manifest;
  const bytes = Object.values(manifest.files).reduce((sum, f) => sum + f.bytes, 0);
  return c.json(statsSchema.parse({ ...manifest, sources: manifest.sources.map(publicSource), bytes }));
});
