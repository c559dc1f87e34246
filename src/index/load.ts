/**
 * Reads one index version through an IndexSource and checks that this code can serve it.
 * Everything is parsed exactly once: MiniSearch.loadJSON parses the index text itself.
 */
import MiniSearch from 'minisearch';
import type { Article, Entity, Quote } from '../model/documents.js';
import { INDEX_FILES, READABLE_FORMATS, manifestSchema, type IndexFile, type Manifest } from './manifest.js';
import { OPTIONS_HASH, indexOptions, type IndexDoc } from './options.js';
import type { IndexSource } from './source.js';
import type { DocStoreFile } from './store.js';
import type { Lexicon } from './lexicon.js';
import { boundExpansions } from './expansions.js';

export type UnavailableCode = 'index_missing' | 'index_incompatible' | 'index_corrupt';

export class IndexUnavailableError extends Error {
  constructor(
    readonly code: UnavailableCode,
    message: string,
  ) {
    super(message);
    this.name = 'IndexUnavailableError';
  }
}

export interface LoadedIndex {
  manifest: Manifest;
  search: MiniSearch<IndexDoc>;
  articles: DocStoreFile<Article>;
  quotes: DocStoreFile<Quote>;
  entities: DocStoreFile<Entity>;
  lexicon: Lexicon;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new IndexUnavailableError('index_corrupt', `${what} is not valid JSON (${(err as Error).message})`);
  }
}

export async function readManifest(source: IndexSource): Promise<Manifest> {
  const text = await source.read('manifest.json');
  if (text === null) {
    throw new IndexUnavailableError('index_missing', `No index at ${source.name}: run \`npm run build-index\``);
  }
  const parsed = manifestSchema.safeParse(parseJson(text, 'manifest.json'));
  if (!parsed.success) {
    throw new IndexUnavailableError('index_corrupt', `manifest.json is malformed: ${parsed.error.issues[0]?.message}`);
  }
  const manifest = parsed.data;
  if (!READABLE_FORMATS.includes(manifest.formatVersion)) {
    throw new IndexUnavailableError(
      'index_incompatible',
      `Index format ${manifest.formatVersion} is not readable by this Worker (reads ${READABLE_FORMATS.join(', ')}): rebuild the index`,
    );
  }
  if (manifest.optionsHash !== OPTIONS_HASH) {
    throw new IndexUnavailableError(
      'index_incompatible',
      `Index was built with other search options (${manifest.optionsHash}, this Worker uses ${OPTIONS_HASH}): rebuild the index`,
    );
  }
  return manifest;
}

async function readFile(source: IndexSource, manifest: Manifest, file: IndexFile): Promise<string> {
  const path = `${manifest.version}/${manifest.files[file].path}`;
  const text = await source.read(path);
  if (text === null) throw new IndexUnavailableError('index_corrupt', `Index file ${path} is missing`);
  return text;
}

export async function loadIndex(source: IndexSource): Promise<LoadedIndex> {
  const manifest = await readManifest(source);
  const [indexText, articles, quotes, entities, lexicon] = await Promise.all(
    INDEX_FILES.map((f) => readFile(source, manifest, f)),
  );
  let search: MiniSearch<IndexDoc>;
  try {
    search = MiniSearch.loadJSON<IndexDoc>(indexText!, indexOptions);
    boundExpansions(search);
  } catch (err) {
    throw new IndexUnavailableError('index_corrupt', `index.json cannot be loaded: ${(err as Error).message}`);
  }
  return {
    manifest,
    search,
    articles: parseJson(articles!, 'articles.json') as DocStoreFile<Article>,
    quotes: parseJson(quotes!, 'quotes.json') as DocStoreFile<Quote>,
    entities: parseJson(entities!, 'entities.json') as DocStoreFile<Entity>,
    lexicon: parseJson(lexicon!, 'lexicon.json') as Lexicon,
  };
}
