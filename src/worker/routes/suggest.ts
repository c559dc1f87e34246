import { Hono } from 'hono';
import { facetValues } from '../../search/facet-values.js';
import { suggest } from '../../search/suggest.js';
import type { AppEnv } from '../env.js';
import type { IndexVars } from '../middleware/index-loader.js';
import { validate } from '../middleware/validate.js';
import { facetParamSchema, facetValuesQuerySchema, qCode, suggestQuerySchema } from '../schemas.js';

export const suggestRoutes = new Hono<AppEnv & IndexVars>()
  .get('/suggest', validate('query', suggestQuerySchema, { q: qCode, limit: 'invalid_limit' }), (c) => {
    const { q, limit } = c.req.valid('query');
    return c.json({ query: q, suggestions: suggest(c.var.index, q, limit) });
  })
  .get(
    '/facets/:facet',
    validate('param', facetParamSchema, { facet: 'invalid_facet' }),
    validate('query', facetValuesQuerySchema, { q: qCode, limit: 'invalid_limit' }),
    (c) => {
      const { facet } = c.req.valid('param');
      const { q, limit } = c.req.valid('query');
      return c.json({ facet, query: q, ...facetValues(c.var.index, facet, q, limit) });
    },
  );
