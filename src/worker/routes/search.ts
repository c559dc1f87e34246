import { Hono } from 'hono';
import { z } from 'zod';
import { DOC_TYPES } from '../../model/documents.js';
import { search } from '../../search/search.js';
import type { AppEnv } from '../env.js';
import type { IndexVars } from '../middleware/index-loader.js';
import { validate } from '../middleware/validate.js';

export const LIMITS = { qMaxChars: 512, limitMax: 100, offsetMax: 10_000, defaultLimit: 10 } as const;

/** `type` may repeat (type=article&type=quote) or list values (type=article,quote). */
const typeList = z.preprocess(
  (v) =>
    (v === undefined ? [] : Array.isArray(v) ? v : [v])
      .flatMap((s) => String(s).split(','))
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  z.array(z.enum(DOC_TYPES, { error: `must be one of ${DOC_TYPES.join(', ')}` })),
);

export const searchQuerySchema = z.object({
  q: z.string().max(LIMITS.qMaxChars, `must be at most ${LIMITS.qMaxChars} characters`).default(''),
  type: typeList,
  limit: z.coerce.number().int().min(1).max(LIMITS.limitMax).default(LIMITS.defaultLimit),
  offset: z.coerce.number().int().min(0).max(LIMITS.offsetMax).default(0),
});

export const searchRoutes = new Hono<AppEnv & IndexVars>().get(
  '/search',
  validate('query', searchQuerySchema, {
    q: (issue) => (issue.code === 'too_big' ? 'query_too_long' : 'invalid_parameter'),
    type: 'invalid_type',
    limit: 'invalid_limit',
    offset: 'invalid_offset',
  }),
  (c) => {
    const started = performance.now();
    const p = c.req.valid('query');
    const result = search(c.var.index, { q: p.q, types: p.type, limit: p.limit, offset: p.offset });
    return c.json({ ...result, tookMs: Math.round((performance.now() - started) * 100) / 100 });
  },
);
