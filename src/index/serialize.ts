/**
 * Corpus → the bytes of one index version: the serialized MiniSearch index, one document
 * store per type, and the manifest describing them. Pure: writing them is the caller's job.
 */
import MiniSearch from 'minisearch';
import type { Corpus } from '../model/corpus.js';
import { toIndexDocs } from '../pipeline/documents.js';
import { INDEX_FILES, type IndexFile, type Manifest } from './manifest.js';
import { INDEX_FORMAT_VERSION, MINISEARCH_VERSION, OPTIONS_HASH, indexOptions } from './options.js';
import type { DocStoreFile } from './store.js';
import { buildLexicon } from './lexicon.js';

export interface SerializedIndex {
  manifest: Manifest;
  /** File contents keyed by their path relative to the version directory. */
  files: Record<IndexFile, string>;
}

export interface BuildMeta {
  sources: string[];
  skipped: number;
  builtAt?: Date;
}

function storeFile<T extends { id: string }>(docs: T[]): string {
  const byId: DocStoreFile<T> = {};
  for (const doc of docs) byId[doc.id] = doc;
  return JSON.stringify(byId);
}

async function sha256(parts: string[]): Promise<string> {
  const bytes = new TextEncoder().encode(parts.join('\u0000'));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function serializeIndex(corpus: Corpus, meta: BuildMeta): Promise<SerializedIndex> {
  const search = new MiniSearch(indexOptions);
  search.addAll(toIndexDocs(corpus));
  const files: Record<IndexFile, string> = {
    index: JSON.stringify(search),
    articles: storeFile(corpus.articles),
    quotes: storeFile(corpus.quotes),
    entities: storeFile(corpus.entities),
    lexicon: JSON.stringify(buildLexicon(corpus)),
  };
  const contentHash = await sha256(INDEX_FILES.map((f) => files[f]));
  const encoder = new TextEncoder();
  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    minisearchVersion: MINISEARCH_VERSION,
    optionsHash: OPTIONS_HASH,
    builtAt: (meta.builtAt ?? new Date()).toISOString(),
    contentHash,
    version: `v-${contentHash.slice(0, 12)}`,
    files: Object.fromEntries(
      INDEX_FILES.map((f) => [f, { path: `${f}.json`, bytes: encoder.encode(files[f]).byteLength }]),
    ) as Manifest['files'],
    counts: { article: corpus.articles.length, quote: corpus.quotes.length, entity: corpus.entities.length },
    sources: meta.sources,
    skipped: meta.skipped,
  };
  return { manifest, files };
}
