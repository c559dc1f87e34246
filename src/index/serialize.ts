/**
 * Corpus → the bytes of one index version, format 2: index.json (header and term list), index.bin
 * (typed arrays: postings, field lengths, facet columns, lexicon) and docs.ndjson (stored documents),
 * per shard when split; every shard carries the corpus-wide statistics, so merged answers equal one
 * index's (src/shard/search.ts). The files and the manifest: docs/index-format.md. Pure: writing the
 * files is the caller's job.
 */
import type { Corpus } from '../model/corpus.js';
import { buildColumns } from './columns.js';
import { encodeDocs, type StoredDoc } from './docs.js';
import type { IndexHeader } from './header.js';
import { toIndexDocs } from './index-docs.js';
import { invert } from './invert.js';
import { buildLexicon, lexiconSections } from './lexicon.js';
import { FILE_PATHS, INDEX_FILES, type Manifest } from './manifest.js';
import { INDEX_FORMAT_VERSION, MINISEARCH_VERSION, OPTIONS_HASH, SEARCH_FIELDS } from './options.js';
import { encodeTerm, type TermData, VarintWriter } from './postings.js';
import { packSections } from './sections.js';
import { shardOf } from './shard-of.js';

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
}

async function sha256(parts: Uint8Array[]): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', concat(parts));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length + 1;
  }
  return out;
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
): Record<string, Uint8Array> {
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
  return { index: new TextEncoder().encode(JSON.stringify(header)), bin, docs: encodedDocs.bytes };
}

/** The corpus inverted once, for any number of serializations (--shards auto tries several). */
export function invertCorpus(corpus: Corpus): Global {
  const indexDocs = toIndexDocs(corpus);
  const inverted = invert(indexDocs);
  const published = corpus.articles
    .map((a) => (a.published ? Date.parse(a.published) : NaN))
    .filter((t) => !Number.isNaN(t));
  return {
    corpus,
    ...inverted,
    keys: indexDocs.map((d) => d.id),
    lexicon: buildLexicon(inverted.entries, corpus.articles.length),
    newest: published.length > 0 ? Math.max(...published) : null,
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
  const shardList: NonNullable<Manifest['shards']> = [];
  const nA = corpus.articles.length;
  const nQ = corpus.quotes.length;
  if (shards === 1) {
    const all = Array.from({ length: g.documentCount }, (_, i) => i);
    const set = fileSet(g, corpus, all, () => true);
    for (const f of INDEX_FILES) {
      files[f] = set[f]!;
      paths[f] = FILE_PATHS[f];
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
        files[name] = set[f]!;
        paths[name] = `shard-${s}/${FILE_PATHS[f]}`;
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
  const contentHash = await sha256(names.map((n) => files[n]!));
  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    minisearchVersion: MINISEARCH_VERSION,
    optionsHash: OPTIONS_HASH,
    builtAt: (meta.builtAt ?? new Date()).toISOString(),
    contentHash,
    version: `v-${contentHash.slice(0, 12)}`,
    files: Object.fromEntries(names.map((n) => [n, { path: paths[n]!, bytes: files[n]!.byteLength }])),
    counts: { article: corpus.articles.length, quote: corpus.quotes.length, entity: corpus.entities.length },
    sources: meta.sources,
    skipped: meta.skipped,
    ...(shards > 1 ? { shards: shardList } : {}),
  };
  return { manifest, files };
}
