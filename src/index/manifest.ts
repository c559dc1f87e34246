/**
 * manifest.json: what the Worker reads first to decide whether it can serve an index.
 * Older readers refuse newer formats; the reader accepts every format listed in READABLE_FORMATS
 * (format 1, MiniSearch's JSON plus one JSON store per type, is rebuilt in memory: see format1.ts).
 */
import { z } from 'zod';
import { INDEX_FORMAT_VERSION } from './options.js';

export const READABLE_FORMATS = [1, INDEX_FORMAT_VERSION];

/** The files of a format-2 version, and their names in the version directory. */
export const INDEX_FILES = ['index', 'bin', 'docs'] as const;
export type IndexFile = (typeof INDEX_FILES)[number];
export const FILE_PATHS: Record<IndexFile, string> = {
  index: 'index.json',
  bin: 'index.bin',
  docs: 'docs.ndjson',
};

export const manifestSchema = z.object({
  formatVersion: z.number().int(),
  minisearchVersion: z.string(),
  optionsHash: z.string(),
  builtAt: z.string(),
  /** sha-256 over the data files, in the order of their sorted `files` keys; also names the version directory. */
  contentHash: z.string(),
  /** Directory holding this version's files, relative to the manifest. */
  version: z.string(),
  files: z.record(z.string(), z.object({ path: z.string(), bytes: z.number().int() })),
  counts: z.object({ article: z.number().int(), quote: z.number().int(), entity: z.number().int() }),
  sources: z.array(z.string()),
  skipped: z.number().int(),
  /**
   * A sharded version: each shard's files (keys of `files`) and what it indexes. Absent: one
   * index made of INDEX_FILES.
   */
  shards: z
    .array(
      z.object({
        name: z.string(),
        files: z.array(z.string()),
        counts: z.object({ article: z.number().int(), quote: z.number().int(), entity: z.number().int() }),
      }),
    )
    .optional(),
});

export type Manifest = z.infer<typeof manifestSchema>;

/**
 * A source path as an index may show it: never absolute, so that a manifest does not tell where
 * the build ran. The build writes paths relative to its working folder; an older manifest's
 * absolute path keeps its file name only.
 */
export function publicSource(path: string): string {
  const absolute = /^(?:[/\\]|[A-Za-z]:[/\\])/.test(path);
  return absolute ? (path.split(/[/\\]/).filter(Boolean).at(-1) ?? '') : path;
}
