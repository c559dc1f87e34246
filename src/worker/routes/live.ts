/**
 * Live updates over HTTP (docs/live-updates.md): one article published, corrected or deleted,
 * searchable from every isolate within INDEX_REFRESH_SECONDS. Behind ADMIN_KEY like the other
 * admin routes (the gate and the key check are src/worker/routes/admin.ts's).
 *
 *   PUT    /admin/articles/:id   one article in the interchange format → the live log
 *   DELETE /admin/articles/:id   the article and its quotes disappear
 *   GET    /admin/live           { seq, pending, compactedThrough, oldestAt, compaction: { due, reasons, limits },
 *                                   extraction: the base's speaker weights, what quotes are extracted with }
 *   GET    /admin/live/entries   every pending update (what a compaction folds into a new base)
 *   POST   /admin/live/compacted { through }   updates up to `through` are in the published base
 *
 * The article is validated by the build's schema; its quotes are extracted here when it does
 * not carry them (entities need the gazetteers, which stay out of the Worker: the CLI extracts
 * them, docs/live-updates.md › Extraction). Writes go through one Durable Object (LIVE).
 */
import { type Context, Hono } from 'hono';
import type { Manifest } from '../../index/manifest.js';
import { compactionStatus } from '../../live/due.js';
import type { LiveArticle } from '../../live/log.js';
import { pendingEntries, type Update } from '../../live/writer.js';
import { describeIssues, type InputArticle, inputArticleSchema } from '../../model/input.js';
import { readPointer } from '../../store/versions.js';
import type { AppEnv } from '../config.js';
import { ApiError } from '../errors.js';
import { writerName } from '../live/rpc.js';
import { jsonBody, NO_STORE, storageOf } from './admin.js';

export const MAX_ARTICLE_BYTES = 1024 * 1024;

const idSchema = inputArticleSchema.shape.id;

function writer(c: Context<AppEnv>) {
  const ns = c.env.LIVE;
  if (!ns) throw new ApiError(503, 'live_unsupported', 'The Worker has no LIVE binding (see wrangler.toml)');
  const prefix = c.var.config.index.r2Prefix;
  return { stub: ns.get(ns.idFromName(writerName(prefix))), prefix };
}

function articleId(c: Context<AppEnv>): string {
  const parsed = idSchema.safeParse(c.req.param('id'));
  if (!parsed.success) throw new ApiError(400, 'invalid_article', `id: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/**
 * The published base, which live updates apply to: a one-index base in R2 (a sharded one is
 * refused until compaction learns shards).
 */
async function requireBase(c: Context<AppEnv>): Promise<Manifest> {
  if (c.var.config.index.location.kind !== 'r2')
    throw new ApiError(409, 'live_unsupported', 'Live updates need INDEX_SOURCE = "r2"');
  let manifest: Manifest;
  try {
    ({ manifest } = await readPointer(storageOf(c)));
  } catch {
    throw new ApiError(409, 'live_unsupported', 'No index is published: run `npm run publish-index` first');
  }
  if (manifest.shards)
    throw new ApiError(409, 'live_unsupported', 'Live updates apply to a one-index base, not a sharded one');
  return manifest;
}

/** What the published base's extraction learned from the archive, or null when there is no base. */
async function baseExtraction(c: Context<AppEnv>): Promise<Manifest['extraction'] | null> {
  if (c.var.config.index.location.kind !== 'r2') return null;
  try {
    return (await readPointer(storageOf(c))).manifest.extraction ?? {};
  } catch {
    return null;
  }
}

/** The article in the interchange format, validated by the build's schema. */
function parseArticle(raw: unknown, id: string): InputArticle {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new ApiError(400, 'invalid_article', 'The body must be one article as a JSON object');
  const parsed = inputArticleSchema.safeParse({ id, ...raw });
  if (!parsed.success) throw new ApiError(400, 'invalid_article', describeIssues(parsed.error));
  const input = parsed.data;
  if (input.id !== id)
    throw new ApiError(400, 'invalid_article', `id: the body says "${input.id}", the path "${id}"`);
  return input;
}

/**
 * The article as the log keeps it: the normalized body, and the quotes and entities for it. Its
 * quotes are extracted with the speaker weights the base was built with.
 */
async function toLive(input: InputArticle, base: Manifest): Promise<LiveArticle> {
  // Imported on first use: their word tables would otherwise add to every isolate's startup.
  const [{ normalizeArticle }, { extractQuotes }] = await Promise.all([
    import('../../pipeline/normalize.js'),
    import('../../extract/quotes/extract.js'),
  ]);
  const { article } = normalizeArticle(input);
  return {
    ...input,
    body: article.body,
    quotes: input.quotes ?? extractQuotes(article.body, base.extraction?.speakerWeights),
    entities: input.entities ?? [],
  };
}

export function liveRoutes() {
  const app = new Hono<AppEnv>();

  app.put('/admin/articles/:id', async (c) => {
    const id = articleId(c);
    const raw = await jsonBody(
      c,
      MAX_ARTICLE_BYTES,
      () => new ApiError(400, 'invalid_article', 'The body must be one article as JSON'),
    );
    const input = parseArticle(raw, id);
    const article = await toLive(input, await requireBase(c));
    const { stub, prefix } = writer(c);
    const ack = await stub.apply(prefix, { op: 'put', article } satisfies Update);
    return c.json(
      { ...ack, quotes: article.quotes.length, entities: article.entities.length },
      200,
      NO_STORE,
    );
  });

  app.delete('/admin/articles/:id', async (c) => {
    const id = articleId(c);
    await requireBase(c);
    const { stub, prefix } = writer(c);
    return c.json(await stub.apply(prefix, { op: 'delete', id }), 200, NO_STORE);
  });

  app.get('/admin/live', async (c) => {
    const { stub, prefix } = writer(c);
    const head = await stub.head(prefix);
    const { compactPending, compactAgeSeconds } = c.var.config.live;
    const { pending, oldestAt, ...compaction } = compactionStatus(
      head,
      { pending: compactPending, ageSeconds: compactAgeSeconds },
      new Date(),
    );
    // What a client extracting quotes for a live update extracts them with (publish-article).
    const extraction = await baseExtraction(c);
    return c.json(
      { seq: head.seq, pending, compactedThrough: head.compactedThrough, oldestAt, compaction, extraction },
      200,
      NO_STORE,
    );
  });

  app.get('/admin/live/entries', async (c) => c.json(await pendingEntries(storageOf(c)), 200, NO_STORE));

  app.post('/admin/live/compacted', async (c) => {
    const body = (await c.req.json().catch(() => null)) as { through?: unknown } | null;
    const through = body?.through;
    if (typeof through !== 'number' || !Number.isSafeInteger(through) || through < 0)
      throw new ApiError(400, 'invalid_parameter', 'The body must be JSON: { "through": <update number> }');
    const { stub, prefix } = writer(c);
    return c.json(await stub.compacted(prefix, through), 200, NO_STORE);
  });

  return app;
}
