/**
 * Extraction results cached by content: the key hashes the extractor's own source code with the
 * article's title and body, so a rebuild after adding a few articles extracts only those, and
 * any change to the extraction code invalidates everything. One JSON file, rewritten atomically
 * after each build with only the entries that build used.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Article } from '../model/documents.js';
import type { ArticleExtraction } from '../pipeline/extraction.js';

const EXTRACT_DIR = new URL('../extract/', import.meta.url);

/** Hash of every source file of the extraction stage. */
async function extractorFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(EXTRACT_DIR)).sort()) {
    if (name.endsWith('.ts')) hash.update(name).update(await readFile(new URL(name, EXTRACT_DIR)));
  }
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

export async function openExtractionCache(file: string): Promise<ExtractionCache> {
  const fingerprint = await extractorFingerprint();
  let stored: Record<string, ArticleExtraction> = {};
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { fingerprint?: string; entries?: typeof stored };
    if (parsed.fingerprint === fingerprint && parsed.entries) stored = parsed.entries;
  } catch {
    // No cache yet, or an unreadable one: start empty.
  }
  const used: Record<string, ArticleExtraction> = {};
  let hits = 0;
  let misses = 0;
  const key = (a: Article) => createHash('sha256').update(a.title).update('\u0000').update(a.body).digest('base64url');
  return {
    get(article) {
      const found = stored[key(article)];
      if (found) hits++;
      else misses++;
      return found;
    },
    set(article, extraction) {
      used[key(article)] = extraction;
    },
    hits: () => hits,
    misses: () => misses,
    async save() {
      await mkdir(dirname(file), { recursive: true });
      const tmp = join(dirname(file), `.extract-cache-${process.pid}.tmp`);
      await writeFile(tmp, JSON.stringify({ fingerprint, entries: used }));
      await rename(tmp, file);
    },
  };
}
