/**
 * Corpus → the bytes of one index version, format 2: index.json (header and term list), index.bin
 * (typed arrays: postings, field lengths, facet columns, lexicon, titles as term positions) and docs.ndjson (stored documents),
 * per shard when split; every shard carries the corpus-wide statistics, so merged answers equal one
 * index's (src/shard/search.ts). A file over the chunk limit is stored as chunks (./split.ts).
 * The files and the manifest: docs/index-format.md. Pure: writing the files is the caller's job.
 */
import type { Corpus } from '../model/corpus.js';
import { buildColumns } from './columns.js';
import { encodeDocs, type StoredDoc } from './docs.js';
import type { IndexHeader } from './header.js';
import { toIndexDocs } from './index-docs.js';
import { invert } from './invert.js';
import { buildLexicon, lexiconSections } from './lexicon.js';
import { CHUNK_BYTES, mib } from './limits.js';
import { FILE_PATHS, INDEX_FILES, type IndexFile, type Manifest } from './manifest.js';
import { INDEX_FORMAT_VERSION, MINISEARCH_VERSION, OPTIONS_HASH, SEARCH_FIELDS } from './options.js';
import { encodeTerm, type TermData, VarintWriter } from './postings.js';
import { packSections } from './sections.js';
import { shardOf } from './shard-of.js';
import { type CutRule, chunkRanges, utf8Boundary } from './split.js';
import { titleSections } from './titles.js';

export interface SerializedIndex {
  manifest: Manifest;
  /** File contents keyed by their name in the manifest's `files`. */
  files: Record<string, Uint8Array>;
}

export interface BuildMeta {
  sources: string[];
  skipped: number;
  builtAt?: Date;
  /** Split into this many shards (see shardOf); 1 or absent: one index. */
  shards?: number;
  /** The largest file to store; larger ones are stored as chunks (default CHUNK_BYTES). */
  chunkBytes?: number;
}

/** Every file to store for a version, with its bytes: chunks in place of the files they cut. */
export function storedBytes(index: SerializedIndex): Array<{ path: string; bytes: Uint8Array }> {
  return Object.entries(index.manifest.files).flatMap(([name, file]) => {
    const bytes = index.files[name]!;
    if (!file.chunks) return [{ path: file.path, bytes }];
    let at = 0;
    return file.chunks.map((chunk) => ({ path: chunk.path, bytes: bytes.subarray(at, (at += chunk.bytes)) }));
  });
}

async function sha256(bytes: Uint8Array | string): Promise<string> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** `docs.ndjson` → `docs.3.ndjson`: the path of a file's chunk. */
export function chunkPath(path: string, chunk: number): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash ? `${path.slice(0, dot)}.${chunk}${path.slice(dot)}` : `${path}.${chunk}`;
}

/** What every file set is cut from: the postings and statistics of the whole corpus (see invertCorpus). */
export interface Global {
  corpus: Corpus;
  /** Sorted terms with their postings over global document numbers. */
  entries: Array<[string, TermData]>;
  fieldLength: Map<number, number[]>;
  avgFieldLength: number[];
  documentCount: number;
  keys: string[];
  lexicon: Array<[string, number]>;
  newest: number | null;
}

/** One file set over the documents `docs` (global numbers, ascending); `indexed` says which are searchable here. */
function fileSet(
  g: Global,
  part: Corpus,
  docs: number[],
  indexed: (doc: number) => boolean,
): { files: Record<IndexFile, Uint8Array>; rules: Record<IndexFile, CutRule> } {
  // Global document number → its number here, or -1 (another shard's, or not indexed here).
  const localOf = new Int32Array(g.documentCount).fill(-1);
  docs.forEach((doc, i) => {
    if (indexed(doc)) localOf[doc] = i;
  });
  const local = (doc: number) => {
    const n = localOf[doc]!;
    return n < 0 ? undefined : n;
  };
  const writer = new VarintWriter();
  const offsets = new Uint32Array(g.entries.length + 1);
  const df = new Uint32Array(g.entries.length);
  g.entries.forEach(([, data], i) => {
    offsets[i] = writer.length;
    encodeTerm(writer, data, local);
    for (const postings of data) if (postings) df[i]! += postings.length / 2;
  });
  offsets[g.entries.length] = writer.length;
  const fields = SEARCH_FIELDS.length;
  const lengths = new Uint32Array(docs.length * fields);
  docs.forEach((doc, i) => {
    if (indexed(doc))
      g.fieldLength.get(doc)?.forEach((len, f) => {
        lengths[i * fields + f] = len ?? 0;
      });
  });
  const columns = buildColumns(part, { indexed: (i) => indexed(docs[i]!), newest: g.newest });
  const stored: StoredDoc[] = [...part.articles, ...part.quotes, ...part.entities];
  const encodedDocs = encodeDocs(stored);
  const terms = g.entries.map(([term]) => term);
  const { bytes: bin, table } = packSections({
    'terms:offsets': offsets,
    'terms:df': df,
    'terms:postings': writer.result(),
    'docs:fieldLengths': lengths,
    'docs:offsets': encodedDocs.offsets,
    'docs:global': Uint32Array.from(docs),
    ...columns.sections,
    ...lexiconSections(g.lexicon, terms),
    ...titleSections(
      part.articles.map((a) => a.title),
      terms,
    ),
  });
  const header: IndexHeader = {
    documentCount: docs.length,
    totalDocuments: g.documentCount,
    fields: [...SEARCH_FIELDS],
    avgFieldLength: SEARCH_FIELDS.map((_, f) => g.avgFieldLength[f] ?? 0),
    terms,
    keys: docs.map((d) => g.keys[d]!).join('\n'),
    columns: columns.header,
    sections: table,
  };
  const docAt = (offset: number) => docs[encodedDocs.offsets.indexOf(offset)] ?? -1;
  const index = new TextEncoder().encode(JSON.stringify(header));
  return {
    files: { index, bin, docs: encodedDocs.bytes },
    rules: {
      index: { snap: utf8Boundary(index), oversize: 'split' },
      // Sections whole, so that each is a view of one chunk when loaded.
      bin: { cuts: [...Object.values(table).map(([offset]) => offset), bin.byteLength], oversize: 'split' },
      docs: {
        cuts: encodedDocs.offsets,
        oversize: (start, end, limit) =>
          `stored document ${g.keys[docAt(start)] ?? `at byte ${start}`} is ${mib(end - start)} (${end - start} bytes): ` +
          `over the ${mib(limit)} one file of the index may hold, and a document cannot be split`,
      },
    },
  };
}

/** The corpus inverted once, for any number of serializations (--shards auto tries several). */
export function invertCorpus(corpus: Corpus): Global {
  const indexDocs = toIndexDocs(corpus);
  const inverted = invert(indexDocs);
  // A loop, not Math.max(...dates): spreading 200,000 arguments overflows the stack.
  let newest: number | null = null;
  for (const a of corpus.articles) {
    const t = a.published ? Date.parse(a.published) : Number.NaN;
    if (!Number.isNaN(t) && (newest === null || t > newest)) newest = t;
  }
  return {
    corpus,
    ...inverted,
    keys: indexDocs.map((d) => d.id),
    lexicon: buildLexicon(inverted.entries, corpus.articles.length),
    newest,
  };
}

export async function serializeIndex(
  corpus: Corpus,
  meta: BuildMeta,
  g: Global = invertCorpus(corpus),
): Promise<SerializedIndex> {
  if (g.corpus !== corpus) throw new Error('serializeIndex: the inverted corpus is another one');
  const shards = Math.max(1, meta.shards ?? 1);
  const files: Record<string, Uint8Array> = {};
  const paths: Record<string, string> = {};
  const rules: Record<string, CutRule> = {};
  const shardList: NonNullable<Manifest['shards']> = [];
  const nA = corpus.articles.length;
  const nQ = corpus.quotes.length;
  if (shards === 1) {
    const all = Array.from({ length: g.documentCount }, (_, i) => i);
    const set = fileSet(g, corpus, all, () => true);
    for (const f of INDEX_FILES) {
      files[f] = set.files[f];
      paths[f] = FILE_PATHS[f];
      rules[f] = set.rules[f];
    }
  } else {
    const articleShard = new Map(corpus.articles.map((a) => [a.id, shardOf(a.id, shards)]));
    for (let s = 0; s < shards; s++) {
      const articles = corpus.articles.filter((a) => articleShard.get(a.id) === s);
      const quotes = corpus.quotes.filter((q) => articleShard.get(q.articleId) === s);
      const docs = [
        ...corpus.articles.flatMap((a, i) => (articleShard.get(a.id) === s ? [i] : [])),
        ...corpus.quotes.flatMap((q, i) => (articleShard.get(q.articleId) === s ? [nA + i] : [])),
        // Every shard stores every entity (names for facets, suggestions and entity pages);
        // only the entity's own shard indexes it.
        ...corpus.entities.map((_, i) => nA + nQ + i),
      ];
      const home = new Set(
        corpus.entities.flatMap((e, i) => (shardOf(e.id, shards) === s ? [nA + nQ + i] : [])),
      );
      const set = fileSet(
        g,
        { articles, quotes, entities: corpus.entities },
        docs,
        (doc) => doc < nA + nQ || home.has(doc),
      );
      const names: string[] = [];
      for (const f of INDEX_FILES) {
        const name = `shard-${s}/${f}`;
        files[name] = set.files[f];
        paths[name] = `shard-${s}/${FILE_PATHS[f]}`;
        rules[name] = set.rules[f];
        names.push(name);
      }
      shardList.push({
        name: `shard-${s}`,
        files: names,
        counts: { article: articles.length, quote: quotes.length, entity: home.size },
      });
    }
  }
  const names = Object.keys(files).sort();
  const limit = meta.chunkBytes ?? CHUNK_BYTES;
  const entries: Manifest['files'] = {};
  for (const name of names) {
    const bytes = files[name]!;
    const path = paths[name]!;
    const ranges = chunkRanges(bytes.byteLength, limit, rules[name]!);
    entries[name] =
      ranges.length === 1
        ? { path, bytes: bytes.byteLength, sha256: await sha256(bytes) }
        : {
            path,
            bytes: bytes.byteLength,
            chunks: await Promise.all(
              ranges.map(async ([start, end], i) => ({
                path: chunkPath(path, i),
                bytes: end - start,
                sha256: await sha256(bytes.subarray(start, end)),
              })),
            ),
          };
  }
  // Over what is stored, chunk boundaries included: the same bytes cut otherwise are another version.
  const contentHash = await sha256(
    names
      .flatMap((n) => (entries[n]!.chunks ?? [entries[n]!]).map((p) => `${p.path} ${p.bytes} ${p.sha256}\n`))
      .join(''),
  );
  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    minisearchVersion: MINISEARCH_VERSION,
    optionsHash: OPTIONS_HASH,
    builtAt: (meta.builtAt ?? new Date()).toISOString(),
    contentHash,
    version: `v-${contentHash.slice(0, 12)}`,
    files: entries,
    counts: { article: corpus.articles.length, quote: corpus.quotes.length, entity: corpus.entities.length },
    sources: meta.sources,
    skipped: meta.skipped,
    ...(shards > 1 ? { shards: shardList } : {}),
  };
  return { manifest, files };
}
