/**
 * Extraction results cached by content: the key hashes the extractor's own source code and the
 * context the build extracts with (the archive's speaker weights) with the article's title and
 * body, so a rebuild after adding a few articles extracts only those, and any change to the
 * extraction code or the weights invalidates everything. One file, rewritten atomically
 * after each build with only the entries that build used (and not at all when those are exactly
 * the entries it holds).
 *
 * The file is JSON lines: a header `{"format":2,"fingerprint":…}`, then one `["<key>",<extraction>]`
 * per article. Entries are parsed only when looked up, and an entry reused as it was read is
 * written back as the same line, not serialized again. A file in another format, with another
 * fingerprint or unreadable is ignored (everything is extracted again); a damaged line is a miss.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import type { Article } from '../model/documents.js';
import type { ArticleExtraction, ExtractionContext } from '../pipeline/extraction.js';

const EXTRACT_DIR = new URL('../extract/', import.meta.url);
const FORMAT = 2;

/**
 * Hash of every source file of the extraction stage, its sub-folders included: each file's path
 * under `dir` (with `/` whatever the platform) and its content, in path order.
 */
export async function extractorFingerprint(dir: URL = EXTRACT_DIR): Promise<string> {
  const hash = createHash('sha256');
  const names = (await readdir(dir, { recursive: true }))
    .map((name) => name.split(sep).join('/'))
    .filter((name) => name.endsWith('.ts'))
    .sort();
  for (const name of names)
    hash
      .update(name)
      .update('\u0000')
      .update(await readFile(new URL(name, dir)));
  return hash.digest('hex');
}

export interface ExtractionCache {
  get(article: Article): ArticleExtraction | undefined;
  set(article: Article, extraction: ArticleExtraction): void;
  hits(): number;
  misses(): number;
  /** Writes the entries this build used, and only those. */
  save(): Promise<void>;
}

/** The entry lines of a cache file written under `fingerprint`, by key; empty for any other file. */
function readEntries(text: string, fingerprint: string): Map<string, string> {
  const entries = new Map<string, string>();
  const lines = text.split('\n');
  // Not even the header's start (an older cache is one JSON object): nothing to parse.
  if (!lines[0]!.startsWith('{"format":')) return entries;
  try {
    const header = JSON.parse(lines[0]!) as { format?: unknown; fingerprint?: unknown };
    if (header?.format !== FORMAT || header.fingerprint !== fingerprint) return entries;
  } catch {
    return entries;
  }
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    // Keys are base64url: no quote inside, so the key ends at the next one.
    const end = line.indexOf('"', 2);
    if (line.startsWith('["') && end > 2 && line.startsWith('",', end)) entries.set(line.slice(2, end), line);
  }
  return entries;
}

/**
 * The cache in `file`, holding extractions made by this code with this context (what the build
 * estimated from the archive: other weights, other extractions).
 */
export async function openExtractionCache(
  file: string,
  context: ExtractionContext = {},
): Promise<ExtractionCache> {
  const fingerprint = createHash('sha256')
    .update(await extractorFingerprint())
    .update(JSON.stringify(context))
    .digest('hex');
  let stored = new Map<string, string>();
  try {
    stored = readEntries(await readFile(file, 'utf8'), fingerprint);
  } catch {
    // No cache yet, or an unreadable one: start empty.
  }
  /** Lines to write, by key, in the order this build used them. */
  const used = new Map<string, string>();
  /** The line each extraction handed out by get() was read from. */
  const lineOf = new WeakMap<ArticleExtraction, string>();
  const keys = new WeakMap<Article, string>();
  let hits = 0;
  let misses = 0;
  let damaged = 0;
  const key = (a: Article) => {
    let k = keys.get(a);
    if (k === undefined)
      keys.set(
        a,
        (k = createHash('sha256').update(a.title).update('\u0000').update(a.body).digest('base64url')),
      );
    return k;
  };
  return {
    get(article) {
      const line = stored.get(key(article));
      let found: ArticleExtraction | undefined;
      if (line !== undefined) {
        try {
          const [, extraction] = JSON.parse(line) as [string, ArticleExtraction];
          if (extraction && Array.isArray(extraction.quotes) && Array.isArray(extraction.entities)) {
            found = extraction;
            lineOf.set(extraction, line);
          } else damaged++;
        } catch {
          damaged++;
        }
      }
      if (found) hits++;
      else misses++;
      return found;
    },
    set(article, extraction) {
      const k = key(article);
      used.set(k, lineOf.get(extraction) ?? JSON.stringify([k, extraction]));
    },
    hits: () => hits,
    misses: () => misses,
    async save() {
      // Every entry came from the file and the file holds no other: it would be written unchanged.
      if (misses === 0 && damaged === 0 && used.size === stored.size) return;
      await mkdir(dirname(file), { recursive: true });
      const tmp = join(dirname(file), `.extract-cache-${process.pid}.tmp`);
      try {
        await writeFile(
          tmp,
          `${JSON.stringify({ format: FORMAT, fingerprint })}\n${[...used.values()].join('\n')}\n`,
        );
        await rename(tmp, file);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    },
  };
}
