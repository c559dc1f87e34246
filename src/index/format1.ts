/**
 * Format 1 (MiniSearch's JSON plus one JSON store per type) read by rebuilding the format-2 bytes
 * in memory from its stored documents: slow, but an old index keeps serving until it is rebuilt.
 * The rebuild needs the writer, so this is an upgrade the loader is handed (LoadOptions.upgrade)
 * rather than code it imports: the reader alone stays free of the writer, and whoever serves
 * versions (src/store/versions.ts) decides to accept old formats.
 */
import type { Article, Entity, Quote } from '../model/documents.js';
import { IndexUnavailableError, parseJson, readVersionFile, type Upgrade } from './load.js';
import { memorySource } from './memory-source.js';
import { serializeIndex } from './serialize.js';

const decoder = new TextDecoder();

export const upgradeFormat1: Upgrade = async (source, manifest) => {
  if (manifest.formatVersion !== 1)
    throw new IndexUnavailableError(
      'index_incompatible',
      `Index format ${manifest.formatVersion} is not format 1`,
    );
  const store = async <T>(file: string): Promise<T[]> =>
    Object.values(
      parseJson(decoder.decode(await readVersionFile(source, manifest, file)), `${file}.json`) as Record<
        string,
        T
      >,
    );
  const [articles, quotes, entities] = await Promise.all([
    store<Article>('articles'),
    store<Quote>('quotes'),
    store<Entity>('entities'),
  ]);
  const rebuilt = await serializeIndex(
    { articles, quotes, entities },
    { sources: manifest.sources, skipped: manifest.skipped },
  );
  return memorySource(rebuilt);
};
