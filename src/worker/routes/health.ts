import { Hono } from 'hono';
import { IndexUnavailableError } from '../../index/load.js';
import type { IndexHolder } from '../../store/served.js';
import type { AppEnv } from '../config.js';
import { type IndexVars, indexAccess, type SourceOverride } from '../middleware/with-index.js';

/** /health answers even when the index is unavailable: it is where operators learn why. */
export function healthRoutes(holder: IndexHolder, override?: SourceOverride) {
  return new Hono<AppEnv & IndexVars>().get('/health', async (c) => {
    try {
      const { manifest } = await holder.get(indexAccess(c, override));
      return c.json({
        status: 'ok',
        index: { version: manifest.version, builtAt: manifest.builtAt, counts: manifest.counts },
      });
    } catch (err) {
      if (!(err instanceof IndexUnavailableError)) throw err;
      return c.json({ status: 'unavailable', error: { code: err.code, message: err.message } }, 503);
    }
  });
}

export const statsRoutes = new Hono<AppEnv & IndexVars>().get('/stats', (c) => {
  const { files, ...facts } = c.var.engine.manifest;
  const bytes = Object.values(files).reduce((sum, f) => sum + f.bytes, 0);
  return c.json({ ...facts, files, bytes });
});
