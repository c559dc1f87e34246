/**
 * manifest.json: what the Worker reads first to decide whether it can serve an index.
 * Older readers refuse newer formats; the reader accepts every format listed in READABLE_FORMATS
 * (format 1, MiniSearch's JSON plus one JSON store per type, is rebuilt in memory: see format1.ts;
 * format 2 is format 3 without chunks, read as it is).
 */
import { z } from 'zod';
import { INDEX_FORMAT_VERSION } from './options.js';

export const READABLE_FORMATS = [1, 2, INDEX_FORMAT_VERSION];
/** The formats read without an upgrade. */
export const NATIVE_FORMATS = [2, INDEX_FORMAT_VERSION];

/** The files of a format-2 version, and their names in the version directory. */
export const INDEX_FILES = ['index', 'bin', 'docs'] as const;
export type IndexFile = (typeof INDEX_FILES)[number];
export const FILE_PATHS: Record<IndexFile, string> = {
  index: 'index.json',
  bin: 'index.bin',
  docs: 'docs.ndjson',
};

const chunkSchema = z.object({ path: z.string(), bytes: z.number().int(), sha256: z.string() });

export const manifestSchema = z.object({
  formatVersion: z.number().int(),
  minisearchVersion: z.string(),
  optionsHash: z.string(),
  builtAt: z.string(),
  /** sha-256 over the data files, in the order of their sorted `files` keys; also names the version directory. */
  contentHash: z.string(),
  /** Directory holding this version's files, relative to the manifest. */
  version: z.string(),
  /**
   * Every data file: its path and size, and either the SHA-256 of its bytes (stored whole) or
   * the chunks it is stored as instead (format 3): the file is their bytes in this order, and
   * `path` names no stored file.
   */
  files: z.record(
    z.string(),
    z.object({
      path: z.string(),
      bytes: z.number().int(),
      sha256: z.string().optional(),
      chunks: z.array(chunkSchema).optional(),
    }),
  ),
  counts: z.object({ article: z.number().int(), quote: z.number().int(), entity: z.number().int() }),
  sources: z.array(z.string()),
  skipped: z.number().int(),
  /**
   * What the build's extraction learned from the archive: the weights of the quotes' speaker
   * choice (src/extract/quotes/archive-weights.ts). A live update extracts its quotes with them.
   * Absent in versions built before it was recorded: the defaults.
   */
  extraction: z
    .object({
      speakerWeights: z
        .object({ distance: z.number(), lastSpeaker: z.number(), prose: z.number(), gender: z.number() })
        .optional(),
    })
    .optional(),
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
        /**
         * What the shard holds: articles with their quotes, entities, or the dictionary (every term
         * and the lexicon, no documents). Absent in versions whose every shard held every term
         * and entity, which this reader refuses (rebuild them).
         */
        role: z.enum(['articles', 'entities', 'dictionary']).optional(),
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

export type ManifestFile = Manifest['files'][string];

/** What is stored for one file: the file itself, or its chunks. Paths are relative to the version folder. */
export function storedParts(file: ManifestFile): Array<{ path: string; bytes: number }> {
  return file.chunks ?? [{ path: file.path, bytes: file.bytes }];
}

/** Every file stored for a version, chunks in place of the files they make up. */
export function storedFiles(manifest: Manifest): Array<{ path: string; bytes: number }> {
  return Object.values(manifest.files).flatMap(storedParts);
}
