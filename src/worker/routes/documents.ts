import { Hono } from 'hono';
import type { DocType } from '../../model/documents.js';
import type { AppEnv } from '../config.js';
import { ApiError } from '../errors.js';
import type { IndexVars } from '../middleware/with-index.js';

/** Stored documents answered as stored; entities get their page (entityPage) instead. */
const STORES = { articles: 'article', quotes: 'quote' } as const satisfies Record<
  string,
  Exclude<DocType, 'entity'>
>;

export const documentRoutes = new Hono<AppEnv & IndexVars>();

documentRoutes.get('/entities/:id', async (c) => {
  const id = c.req.param('id');
  const page = await c.var.engine.entityPage(id);
  if (!page) throw new ApiError(404, 'not_found', `No entity with id "${id}"`);
  return c.json(page);
});

for (const [store, type] of Object.entries(STORES) as Array<
  [keyof typeof STORES, Exclude<DocType, 'entity'>]
>) {
  documentRoutes.get(`/${store}/:id`, async (c) => {
    const id = c.req.param('id');
    const doc = await c.var.engine.document(type, id);
    if (doc === null) throw new ApiError(404, 'not_found', `No ${type} with id "${id}"`);
    return c.json({ type, ...doc });
  });
}
