import { Hono } from 'hono';
import type { DocType } from '../../model/documents.js';
import { entityPage } from '../../search/entity-page.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import type { IndexVars } from '../middleware/index-loader.js';

/** Stored documents answered as stored; entities get their page (entityPage) instead. */
const STORES = { articles: 'article', quotes: 'quote' } as const satisfies Record<string, DocType>;

export const documentRoutes = new Hono<AppEnv & IndexVars>();

documentRoutes.get('/entities/:id', (c) => {
  const id = c.req.param('id');
  const page = entityPage(c.var.index, id);
  if (!page) throw new ApiError(404, 'not_found', `No entity with id "${id}"`);
  return c.json(page);
});

for (const [store, type] of Object.entries(STORES) as Array<[keyof typeof STORES, DocType]>) {
  documentRoutes.get(`/${store}/:id`, (c) => {
    const id = c.req.param('id');
    const doc = c.var.index.docs.find(type, id);
    if (doc === undefined) throw new ApiError(404, 'not_found', `No ${type} with id "${id}"`);
    return c.json({ type, ...c.var.index.docs.get(doc) });
  });
}
