import { Hono } from 'hono';
import type { AppEnv } from '../config.js';
import { partialAnswer } from '../middleware/cache-control.js';
import { type EtagVars, notModified } from '../middleware/etag.js';
import { validate } from '../middleware/validate.js';
import type { IndexVars } from '../middleware/with-index.js';
import type { FacetValuesResponse, SuggestResponse } from '../responses.js';
import { facetParamSchema, facetValuesQuerySchema, qCode, suggestQuerySchema } from '../schemas.js';

export const suggestRoutes = new Hono<AppEnv & IndexVars & EtagVars>()
  .get(
    '/suggest',
    validate('query', suggestQuerySchema, { q: qCode, limit: 'invalid_limit' }),
    notModified(),
    async (c) => {
      const { q, limit } = c.req.valid('query');
      const body: SuggestResponse = { query: q, suggestions: await c.var.engine.suggest(q, limit) };
      return c.json(body);
    },
  )
  .get(
    '/facets/:facet',
    validate('param', facetParamSchema, { facet: 'invalid_facet' }),
    validate('query', facetValuesQuerySchema, { q: qCode, limit: 'invalid_limit' }),
    notModified(),
    async (c) => {
      const { facet } = c.req.valid('param');
      const { q, limit } = c.req.valid('query');
      const found = await c.var.engine.facetValues(facet, q, limit);
      if (found.partial) partialAnswer(c);
      const body: FacetValuesResponse = { facet, query: q, ...found };
      return c.json(body);
    },
  );
