/**
 * The live log: articles published, corrected or deleted since the base version was built, kept
 * in the index's storage beside the versions (docs/live-updates.md).
 *
 *   live/head.json            { seq, entries: { <article id>: { seq, op, at } } }: what is pending
 *   live/entries/<seq>.json   one update: the article with its extraction, or a deletion
 *
 * An entry is written before the head that names it, and an update is acknowledged only once
 * the head is written: a writer that dies between the two leaves an entry no head names (its
 * number is reused by the next update), never an acknowledged update that readers cannot see.
 * Entries never change once the head names them, so readers cache them by number.
 */
import { z } from 'zod';
import type { IndexSource } from '../index/source.js';
import { readText } from '../index/source.js';
import { inputArticleSchema } from '../model/input.js';

export const HEAD = 'live/head.json';
export const entryPath = (seq: number) => `live/entries/${seq}.json`;

const headEntrySchema = z.object({
  seq: z.number().int().positive(),
  op: z.enum(['put', 'delete']),
  /** When the update was acknowledged (ISO 8601): the age of what is pending. Absent in older heads. */
  at: z.string().optional(),
});

export const headSchema = z.object({
  /** The number of the last acknowledged update (numbers only grow, compaction included). */
  seq: z.number().int().nonnegative(),
  /** The pending update of each article: its latest. */
  entries: z.record(z.string(), headEntrySchema),
  /** Updates up to this number are folded into a published base (the last compaction). */
  compactedThrough: z.number().int().nonnegative().default(0),
});

export type Head = z.infer<typeof headSchema>;
export type HeadEntry = z.infer<typeof headEntrySchema>;

export const EMPTY_HEAD: Head = { seq: 0, entries: {}, compactedThrough: 0 };

/** The article as published, quotes and entities filled in (extraction happens once, at publishing). */
export const liveArticleSchema = inputArticleSchema.required({ quotes: true, entities: true });
export type LiveArticle = z.infer<typeof liveArticleSchema>;

export const entrySchema = z.discriminatedUnion('op', [
  z.object({
    seq: z.number().int().positive(),
    op: z.literal('put'),
    id: z.string(),
    at: z.string(),
    article: liveArticleSchema,
  }),
  z.object({ seq: z.number().int().positive(), op: z.literal('delete'), id: z.string(), at: z.string() }),
]);
export type Entry = z.infer<typeof entrySchema>;

/** The head, or the empty one when nothing was ever published live. */
export async function readHead(source: IndexSource): Promise<Head> {
  return parseHead(await readText(source, HEAD));
}

export function parseHead(text: string | null): Head {
  return text === null ? EMPTY_HEAD : headSchema.parse(JSON.parse(text));
}

export async function readEntry(source: IndexSource, seq: number): Promise<Entry> {
  const text = await readText(source, entryPath(seq));
  if (text === null) throw new Error(`live entry ${seq} is named by the head but missing`);
  return entrySchema.parse(JSON.parse(text));
}
