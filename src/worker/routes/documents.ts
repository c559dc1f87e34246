import { Hono } from 'hono';
import type { DocType } from '../../model/documents.js';
import type { LoadedIndex } from '../../index/load.js';
import { entityPage } from '../../search/entity-page.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import type { IndexVars } from '../middleware/index-loader.js';

/** Stores answered as stored; entities get their page (entityPage) instead. */
const STORES = { articles: 'article', quotes: 'quote' } as const satisfies Partial<
  Record<keyof Omit<LoadedIndex, 'manifest' | 'search' | 'lexicon'>, DocType>
>;

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
    const doc = Object.hasOwn(c.var.index[store], id) ? c.var.index[store][id] : undefined;
    if (!doc) throw new ApiError(404, 'not_found', `No ${type} with id "${id}"`);
    return c.json({ type, ...doc });
  });
}
