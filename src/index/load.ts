/**
 * Reads one index version through an IndexSource and checks that this code can serve it.
 * Loading a format-3 index (or a format-2 one: the same without chunks) parses two small JSON
 * files and wraps index.bin and docs.ndjson in typed-array views over the chunks they were read
 * as: no posting list, stored document or facet value is decoded until a query needs it.
 * An older format is read only through the `upgrade` the caller hands in (format 1:
 * ./format1.ts), which converts it to the current format: the reader itself never depends on the writer.
 */
import { ChunkedBytes } from './chunks.js';
import { Columns, TYPE_CODE } from './columns.js';
import { DocStore } from './docs.js';
import type { IndexHeader } from './header.js';
import { Lexicon } from './lexicon.js';
import {
  INDEX_FILES,
  type Manifest,
  manifestSchema,
  NATIVE_FORMATS,
  READABLE_FORMATS,
  storedParts,
} from './manifest.js';
import { OPTIONS_HASH, SEARCH_FIELDS } from './options.js';
import { Sections } from './sections.js';
import { type IndexSource, readText } from './source.js';
import { TermIndex } from './terms.js';
import { Titles } from './titles.js';

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
  terms: TermIndex;
  /** Documents of the whole corpus (all shards): BM25's N. */
  totalDocuments: number;
  /** Per document, its number in the whole corpus: merged shard answers break ties by it. */
  globalDocs: Uint32Array;
  /** Per document and field (SEARCH_FIELDS order), the number of distinct terms: BM25's length. */
  fieldLengths: Uint32Array;
  avgFieldLength: number[];
  docs: DocStore;
  columns: Columns;
  lexicon: Lexicon;
  /**
   * Live updates (src/live/): documents hidden from every answer (1: replaced or deleted since
   * this version was built), and the statistics of the live corpus that scoring uses instead of
   * the files'. Absent on an index served as built.
   */
  hidden?: Uint8Array;
  liveStats?: LiveStats;
  titles: Titles;
}

/** BM25's corpus statistics over a base version and its pending updates (see src/live/stats.ts). */
export interface LiveStats {
  documents: number;
  avgFieldLength: number[];
  /** Documents holding term number `term` of this index in field `field`, corpus-wide; `own`: the files' count. */
  df(term: number, field: number, own: number): number;
}

export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new IndexUnavailableError('index_corrupt', `${what} is not valid JSON (${(err as Error).message})`);
  }
}

export async function readManifest(source: IndexSource): Promise<Manifest> {
  const text = await readText(source, 'manifest.json');
  if (text === null) {
    throw new IndexUnavailableError(
      'index_missing',
      `No index at ${source.name}: run \`npm run build-index\``,
    );
  }
  const parsed = manifestSchema.safeParse(parseJson(text, 'manifest.json'));
  if (!parsed.success) {
    throw new IndexUnavailableError(
      'index_corrupt',
      `manifest.json is malformed: ${parsed.error.issues[0]?.message}`,
    );
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

/**
 * One file the manifest lists, as the chunks it is stored in (one part when stored whole), each
 * checked to have the size the manifest says. The parts are read together.
 */
export async function readVersionParts(
  source: IndexSource,
  manifest: Manifest,
  file: string,
): Promise<Uint8Array[]> {
  const entry = manifest.files[file];
  if (!entry) throw new IndexUnavailableError('index_corrupt', `manifest.json lists no "${file}" file`);
  const parts = storedParts(entry);
  if (parts.reduce((sum, p) => sum + p.bytes, 0) !== entry.bytes) {
    throw new IndexUnavailableError(
      'index_corrupt',
      `manifest.json: the chunks of ${entry.path} do not add up to its ${entry.bytes} bytes`,
    );
  }
  return Promise.all(
    parts.map(async (part) => {
      const path = `${manifest.version}/${part.path}`;
      const bytes = await source.read(path);
      if (bytes === null) throw new IndexUnavailableError('index_corrupt', `Index file ${path} is missing`);
      // A truncated or padded file must not be served as if whole.
      if (bytes.byteLength !== part.bytes) {
        throw new IndexUnavailableError(
          'index_corrupt',
          `Index file ${path} has ${bytes.byteLength} bytes, the manifest says ${part.bytes}`,
        );
      }
      return bytes;
    }),
  );
}

/** One file the manifest lists, whole (its chunks joined when it has several). */
export async function readVersionFile(
  source: IndexSource,
  manifest: Manifest,
  file: string,
): Promise<Uint8Array> {
  const parts = await readVersionParts(source, manifest, file);
  if (parts.length === 1) return parts[0]!;
  const chunked = new ChunkedBytes(parts);
  return chunked.range(0, chunked.byteLength);
}

function checkHeader(value: unknown): IndexHeader {
  const h = value as Partial<IndexHeader> | null;
  const ok =
    h !== null &&
    typeof h === 'object' &&
    Array.isArray(h.terms) &&
    typeof h.keys === 'string' &&
    typeof h.documentCount === 'number' &&
    typeof h.totalDocuments === 'number' &&
    Array.isArray(h.avgFieldLength) &&
    JSON.stringify(h.fields) === JSON.stringify(SEARCH_FIELDS) &&
    typeof h.sections === 'object' &&
    typeof h.columns === 'object';
  if (!ok) throw new IndexUnavailableError('index_corrupt', 'index.json is not a format-2/3 index header');
  return h as IndexHeader;
}

/** Converts a version of an older readable format: a source of the same version in the current format. */
export type Upgrade = (source: IndexSource, manifest: Manifest) => Promise<IndexSource>;

export interface LoadOptions {
  /** Which shard of a sharded version to load. */
  shard?: number;
  /** An already read manifest (a shard server is told which version to serve). */
  manifest?: Manifest;
  /** How to read an older format (see READABLE_FORMATS); without it such a version is refused. */
  upgrade?: Upgrade;
}

export async function loadIndex(source: IndexSource, options: LoadOptions = {}): Promise<LoadedIndex> {
  const manifest = options.manifest ?? (await readManifest(source));
  if (!NATIVE_FORMATS.includes(manifest.formatVersion)) {
    if (!options.upgrade) {
      throw new IndexUnavailableError(
        'index_incompatible',
        `Index format ${manifest.formatVersion} must be upgraded to be read, and this reader has no upgrade: rebuild the index`,
      );
    }
    const loaded = await loadIndex(await options.upgrade(source, manifest));
    // Caches and ETags must keep following the version that was published.
    return Object.assign(loaded, { manifest });
  }
  let prefix = '';
  if (manifest.shards) {
    if (options.shard === undefined) {
      throw new IndexUnavailableError(
        'index_incompatible',
        `Index ${manifest.version} is split into ${manifest.shards.length} shards: serve it through the shard Durable Objects (SHARDS binding, see docs/sharding-and-publishing.md › Sharding)`,
      );
    }
    const shard = manifest.shards[options.shard];
    if (!shard)
      throw new IndexUnavailableError(
        'index_corrupt',
        `Index ${manifest.version} has no shard ${options.shard}`,
      );
    prefix = `${shard.name}/`;
  }
  // Each file stays the chunks it was read as: nothing is joined into a second copy.
  const [index, bin, docs] = (
    await Promise.all(INDEX_FILES.map((f) => readVersionParts(source, manifest, `${prefix}${f}`)))
  ).map((parts) => new ChunkedBytes(parts));
  const header = checkHeader(parseJson(index!.text(), 'index.json'));
  try {
    const sections = new Sections(bin!, header.sections);
    const terms = new TermIndex(
      header.terms,
      sections.get('terms:offsets', 'u32'),
      sections.get('terms:postings', 'u8'),
      sections.get('terms:df', 'u32'),
    );
    const fieldLengths = sections.get('docs:fieldLengths', 'u32');
    const docOffsets = sections.get('docs:offsets', 'u32');
    if (
      fieldLengths.length !== header.documentCount * SEARCH_FIELDS.length ||
      docOffsets.length !== header.documentCount + 1
    ) {
      throw new Error('document tables disagree with the document count');
    }
    const columns = new Columns(header.columns, sections);
    if (columns.count !== header.documentCount)
      throw new Error('facet columns disagree with the document count');
    const store = new DocStore(docs!, docOffsets, header.keys);
    // Documents are parsed on demand: parse the first and the last now, so that a docs.ndjson
    // that is not this index's (an error page of the right size) fails the load, not a query.
    if (header.documentCount > 0) {
      store.get(0);
      store.get(header.documentCount - 1);
    }
    let articles = 0;
    while (articles < columns.count && columns.type[articles] === TYPE_CODE.article) articles++;
    return {
      manifest,
      terms,
      totalDocuments: header.totalDocuments,
      globalDocs: sections.get('docs:global', 'u32'),
      fieldLengths,
      avgFieldLength: header.avgFieldLength,
      docs: store,
      columns,
      lexicon: new Lexicon(
        header.terms,
        sections.get('lexicon:terms', 'u32'),
        sections.get('lexicon:df', 'u32'),
      ),
      titles: new Titles(sections, articles, store, terms),
    };
  } catch (err) {
    if (err instanceof IndexUnavailableError) throw err;
    throw new IndexUnavailableError('index_corrupt', `index.bin cannot be read: ${(err as Error).message}`);
  }
}
