import { Hono } from 'hono';
import type { AppEnv } from '../config.js';
import { partialAnswer } from '../middleware/cache-control.js';
import { validate } from '../middleware/validate.js';
import type { IndexVars } from '../middleware/with-index.js';
import { facetParamSchema, facetValuesQuerySchema, qCode, suggestQuerySchema } from '../schemas.js';

export const suggestRoutes = new Hono<AppEnv & IndexVars>()
  .get('/suggest', validate('query', suggestQuerySchema, { q: qCode, limit: 'invalid_limit' }), async (c) => {
    const { q, limit } = c.req.valid('query');
    return c.json({ query: q, suggestions: await c.var.engine.suggest(q, limit) });
  })
  .get(
    '/facets/:facet',
    validate('param', facetParamSchema, { facet: 'invalid_facet' }),
    validate('query', facetValuesQuerySchema, { q: qCode, limit: 'invalid_limit' }),
    async (c) => {
      const { facet } = c.req.valid('param');
      const { q, limit } = c.req.valid('query');
      const found = await c.var.engine.facetValues(facet, q, limit);
      if (found.partial) partialAnswer(c);
      return c.json({ facet, query: q, ...found });
    },
  );
