import { Hono } from 'hono';
import { FACETS } from '../../search/facets.js';
import type { AppEnv } from '../config.js';
import type { ErrorCode } from '../errors.js';
import { partialAnswer } from '../middleware/cache-control.js';
import { type EtagVars, notModified } from '../middleware/etag.js';
import { validate } from '../middleware/validate.js';
import type { IndexVars } from '../middleware/with-index.js';
import type { SearchResponse } from '../responses.js';
import { filtersOf, qCode, searchQuerySchema } from '../schemas.js';

const filterCodes = Object.fromEntries(FACETS.map((f) => [f, 'invalid_filter' as ErrorCode]));

export const searchRoutes = new Hono<AppEnv & IndexVars & EtagVars>().get(
  '/search',
  validate('query', searchQuerySchema, {
    ...filterCodes,
    q: qCode,
    type: 'invalid_type',
    limit: 'invalid_limit',
    offset: 'invalid_offset',
    facets: 'invalid_facet',
    facetLimit: 'invalid_limit',
    from: 'invalid_date',
    to: 'invalid_date',
    filters: 'too_many_filters',
  }),
  notModified(),
  async (c) => {
    const started = performance.now();
    const p = c.req.valid('query');
    const result = await c.var.engine.search({
      q: p.q,
      types: p.type,
      limit: p.limit,
      offset: p.offset,
      filters: filtersOf(p),
      facets: p.facets,
      facetLimit: p.facetLimit,
      sort: p.sort,
      recency: p.recency === 'true' || p.recency === '1',
      distinct: p.distinct ?? null,
    });
    if (result.partial) partialAnswer(c);
    const body: SearchResponse = { ...result, tookMs: Math.round((performance.now() - started) * 100) / 100 };
    return c.json(body);
  },
);
