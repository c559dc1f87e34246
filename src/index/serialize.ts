/**
 * Corpus → the bytes of one index version, format 2: index.json (header and term list), index.bin
 * (typed arrays: postings, field lengths, facet columns, lexicon, titles as term positions) and
 * docs.ndjson (stored documents), per shard when split (article shards, entity shards and a
 * dictionary: see shardSets); every shard carries the corpus-wide statistics, so merged answers
 * equal one index's (src/shard/search.ts). A file over the chunk limit is stored as chunks (./split.ts).
 * The files and the manifest: docs/index-format.md. Pure: writing the files is the caller's job.
 */
import type { Corpus } from '../model/corpus.js';
import { buildColumns, ENTITY_FACETS } from './columns.js';
import { encodeDocs, type StoredDoc } from './docs.js';
import type { IndexHeader } from './header.js';
import { toIndexDocs } from './index-docs.js';
import { type Inverted, invert } from './invert.js';
import { buildLexicon, lexiconSections } from './lexicon.js';
import { CHUNK_BYTES, mib } from './limits.js';
import { FILE_PATHS, INDEX_FILES, type IndexFile, type Manifest } from './manifest.js';
import { INDEX_FORMAT_VERSION, MINISEARCH_VERSION, OPTIONS_HASH, SEARCH_FIELDS } from './options.js';
import type { TermData } from './postings.js';
import { packSections } from './sections.js';
import { shardOf } from './shard-of.js';
import { type CutRule, chunkRanges, utf8Boundary } from './split.js';
import { partitionTerms, type TermPart, termPart } from './term-parts.js';
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
  /** Split into this many article shards (see shardOf); 1 or absent: one index. */
  shards?: number;
  /** With `shards`, the number of entity shards (default 1). */
  entityShards?: number;
  /** The largest file to store; larger ones are stored as chunks (default CHUNK_BYTES). */
  chunkBytes?: number;
  /** What extraction learned from the archive, recorded so that a live update extracts alike. */
  extraction?: Manifest['extraction'];
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

/** What a file set holds besides its documents. */
interface SetOptions {
  /** Every term of the corpus (one index, the dictionary), or only those with postings here (a shard). */
  allTerms: boolean;
  /** The lexicon (one index, the dictionary). */
  lexicon: boolean;
  /**
   * Entities live in other shards: `part.entities` only name the entity facets of the articles
   * and quotes here, and the header marks which entity-facet values are not entities
   * (ColumnsHeader.plain).
   */
  entitiesElsewhere?: Set<string>;
  /** This set's postings, already cut from the corpus's with the other shards' (see partitionTerms). */
  terms?: TermPart;
}

/**
 * One file set over the documents `docs` (global numbers, ascending). Postings carry each term's
 * document frequency per field over the whole corpus, and the header the corpus's document count
 * and field-length averages, so a shard scores as one index does.
 */
function fileSet(
  g: Global,
  part: Corpus,
  docs: number[],
  options: SetOptions,
): { files: Record<IndexFile, Uint8Array>; rules: Record<IndexFile, CutRule> } {
  // Global document number → its number here, or -1 (another shard's).
  const localOf = new Int32Array(g.documentCount).fill(-1);
  docs.forEach((doc, i) => {
    localOf[doc] = i;
  });
  const { kept, offsets, df, writer } = options.terms ?? termPart(g, localOf, options.allTerms);
  const fields = SEARCH_FIELDS.length;
  const lengths = new Uint32Array(docs.length * fields);
  docs.forEach((doc, i) => {
    g.fieldLength.get(doc)?.forEach((len, f) => {
      lengths[i * fields + f] = len ?? 0;
    });
  });
  const elsewhere = options.entitiesElsewhere;
  const columns = buildColumns(part, { newest: g.newest, entityDocs: !elsewhere });
  if (elsewhere) {
    columns.header.plain = Object.fromEntries(
      [...ENTITY_FACETS].map((facet) => [
        facet,
        columns.header.dictionaries[facet].flatMap((value, v) => (elsewhere.has(value) ? [] : [v])),
      ]),
    );
  }
  const stored: StoredDoc[] = [...part.articles, ...part.quotes, ...(elsewhere ? [] : part.entities)];
  const encodedDocs = encodeDocs(stored);
  const terms = kept.map((i) => g.entries[i]![0]);
  const { bytes: bin, table } = packSections({
    'terms:offsets': Uint32Array.from(offsets),
    'terms:df': Uint32Array.from(df),
    'terms:postings': writer.result(),
    'docs:fieldLengths': lengths,
    'docs:offsets': encodedDocs.offsets,
    'docs:global': Uint32Array.from(docs),
    ...columns.sections,
    ...lexiconSections(options.lexicon ? g.lexicon : [], terms),
    // Each shard's own articles, in its document order (a shard's titles are over its own terms).
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

/** A shard's file set, with what the manifest says of it. */
interface ShardSet {
  role: 'articles' | 'entities' | 'dictionary';
  set: { files: Record<IndexFile, Uint8Array>; rules: Record<IndexFile, CutRule> };
  counts: { article: number; quote: number; entity: number };
}

/**
 * A sharded version: article shards (an article and its quotes go to shard fnv1a64(article id)
 * mod articleShards), entity shards (fnv1a64(entity id) mod entityShards), then the dictionary.
 * Each shard lists only the terms its documents hold; the dictionary lists them all, with the
 * lexicon, and holds no document.
 */
function shardSets(g: Global, corpus: Corpus, articleShards: number, entityShards: number): ShardSet[] {
  const nA = corpus.articles.length;
  const nQ = corpus.quotes.length;
  const entityIds = new Set(corpus.entities.map((e) => e.id));
  const out: ShardSet[] = [];
  // Each document's shard (article shards first, then entity shards) and its number there.
  const shardOfDoc = new Int32Array(g.documentCount).fill(-1);
  const localOf = new Int32Array(g.documentCount).fill(-1);
  const docsOf: number[][] = Array.from({ length: articleShards + entityShards }, () => []);
  const place = (doc: number, s: number) => {
    shardOfDoc[doc] = s;
    localOf[doc] = docsOf[s]!.length;
    docsOf[s]!.push(doc);
  };
  const articleShard = new Map(corpus.articles.map((a) => [a.id, shardOf(a.id, articleShards)]));
  corpus.articles.forEach((a, i) => {
    place(i, articleShard.get(a.id)!);
  });
  corpus.quotes.forEach((q, i) => {
    const s = articleShard.get(q.articleId);
    if (s !== undefined) place(nA + i, s);
  });
  corpus.entities.forEach((e, i) => {
    place(nA + nQ + i, articleShards + shardOf(e.id, entityShards));
  });
  const terms = partitionTerms(g, shardOfDoc, localOf, articleShards + entityShards);
  const articlesOf: Corpus['articles'][] = Array.from({ length: articleShards }, () => []);
  const quotesOf: Corpus['quotes'][] = Array.from({ length: articleShards }, () => []);
  for (const a of corpus.articles) articlesOf[articleShard.get(a.id)!]!.push(a);
  for (const q of corpus.quotes) {
    const s = articleShard.get(q.articleId);
    if (s !== undefined) quotesOf[s]!.push(q);
  }
  for (let s = 0; s < articleShards; s++) {
    const articles = articlesOf[s]!;
    const quotes = quotesOf[s]!;
    // The entities name the person, organization and place facets of these articles.
    const part = { articles, quotes, entities: corpus.entities };
    out.push({
      role: 'articles',
      set: fileSet(g, part, docsOf[s]!, {
        allTerms: false,
        lexicon: false,
        entitiesElsewhere: entityIds,
        terms: terms[s]!,
      }),
      counts: { article: articles.length, quote: quotes.length, entity: 0 },
    });
  }
  for (let s = 0; s < entityShards; s++) {
    const home = docsOf[articleShards + s]!;
    const entities = home.map((doc) => corpus.entities[doc - nA - nQ]!);
    out.push({
      role: 'entities',
      set: fileSet(g, { articles: [], quotes: [], entities }, home, {
        allTerms: false,
        lexicon: false,
        terms: terms[articleShards + s]!,
      }),
      counts: { article: 0, quote: 0, entity: entities.length },
    });
  }
  out.push({
    role: 'dictionary',
    set: fileSet(g, { articles: [], quotes: [], entities: [] }, [], { allTerms: true, lexicon: true }),
    counts: { article: 0, quote: 0, entity: 0 },
  });
  return out;
}

/** The corpus inverted once, for any number of serializations (--shards auto tries several). */
/** `indexDocs` and `inverted`: the corpus's, when the caller has them already (inverted with pauses). */
export function invertCorpus(
  corpus: Corpus,
  indexDocs = toIndexDocs(corpus),
  inverted: Inverted = invert(indexDocs),
): Global {
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
  if (shards === 1) {
    const all = Array.from({ length: g.documentCount }, (_, i) => i);
    const set = fileSet(g, corpus, all, { allTerms: true, lexicon: true });
    for (const f of INDEX_FILES) {
      files[f] = set.files[f];
      paths[f] = FILE_PATHS[f];
      rules[f] = set.rules[f];
    }
  } else {
    const sets = shardSets(g, corpus, shards, Math.max(1, meta.entityShards ?? 1));
    sets.forEach(({ role, set, counts }, s) => {
      const names: string[] = [];
      for (const f of INDEX_FILES) {
        const name = `shard-${s}/${f}`;
        files[name] = set.files[f];
        paths[name] = `shard-${s}/${FILE_PATHS[f]}`;
        rules[name] = set.rules[f];
        names.push(name);
      }
      shardList.push({ name: `shard-${s}`, files: names, counts, role });
    });
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
    ...(meta.extraction ? { extraction: meta.extraction } : {}),
    ...(shards > 1 ? { shards: shardList } : {}),
  };
  return { manifest, files };
}
