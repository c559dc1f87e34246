import { Hono } from 'hono';
import type { Article, Quote } from '../../model/documents.js';
import type { AppEnv } from '../config.js';
import { ApiError } from '../errors.js';
import type { IndexVars } from '../middleware/with-index.js';
import type { ArticleResponse, EntityPageResponse, QuoteResponse } from '../responses.js';

/** Stored documents answered as stored; entities get their page (entityPage) instead. */
export const documentRoutes = new Hono<AppEnv & IndexVars>()
  .get('/entities/:id', async (c) => {
    const id = c.req.param('id');
    const page: EntityPageResponse | null = await c.var.engine.entityPage(id);
    if (!page) throw new ApiError(404, 'not_found', `No entity with id "${id}"`);
    return c.json(page);
  })
  .get('/articles/:id', async (c) => {
    const id = c.req.param('id');
    const doc = await c.var.engine.document('article', id);
    if (doc === null) throw new ApiError(404, 'not_found', `No article with id "${id}"`);
    const body: ArticleResponse = { type: 'article', ...(doc as Article) };
    return c.json(body);
  })
  .get('/quotes/:id', async (c) => {
    const id = c.req.param('id');
    const doc = await c.var.engine.document('quote', id);
    if (doc === null) throw new ApiError(404, 'not_found', `No quote with id "${id}"`);
    const body: QuoteResponse = { type: 'quote', ...(doc as Quote) };
    return c.json(body);
  });
