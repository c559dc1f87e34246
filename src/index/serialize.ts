/**
 * Corpus → the bytes of one index version (format 2, see docs/design.md):
 *   index.json   header: field statistics, the sorted term list, document keys, facet dictionaries,
 *                and the table of index.bin's sections
 *   index.bin    typed arrays: varint posting lists with their offsets and document frequencies,
 *                field lengths, docs.ndjson's line offsets, facet columns, and the lexicon (article words
 *                with their article frequencies, for suggestions)
 *   docs.ndjson  the stored documents, one per line, in document-number order
 * MiniSearch indexes the documents at build time; its term tree is then flattened into these
 * arrays, so the Worker loads views over bytes instead of rebuilding the tree. Pure: writing the
 * files is the caller's job.
 */
import MiniSearch from 'minisearch';
import type { Corpus } from '../model/corpus.js';
import { toIndexDocs } from '../pipeline/documents.js';
import { buildColumns, type ColumnsHeader } from './columns.js';
import { encodeDocs, type StoredDoc } from './docs.js';
import { buildLexicon, lexiconSections } from './lexicon.js';
import { FILE_PATHS, INDEX_FILES, type IndexFile, type Manifest } from './manifest.js';
import { INDEX_FORMAT_VERSION, MINISEARCH_VERSION, OPTIONS_HASH, SEARCH_FIELDS, indexOptions } from './options.js';
import { encodeTerm, VarintWriter, type TermData } from './postings.js';
import { packSections, type SectionArray, type SectionTable } from './sections.js';

export interface IndexHeader {
  documentCount: number;
  fields: string[];
  avgFieldLength: number[];
  /** Every indexed term, sorted by UTF-16 code units. */
  terms: string[];
  /** Index ids ("a:…", "q:…", "e:…") in document order, newline-separated. */
  keys: string;
  columns: ColumnsHeader;
  sections: SectionTable;
}

export interface SerializedIndex {
  manifest: Manifest;
  /** File contents keyed by their name in INDEX_FILES (format 1 readers keep their own names). */
  files: Record<string, Uint8Array>;
}

export interface BuildMeta {
  sources: string[];
  skipped: number;
  builtAt?: Date;
}

interface BuiltInternals {
  _index: Iterable<[string, TermData]>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
}

function postingSections(search: MiniSearch): { terms: string[]; sections: Record<string, SectionArray> } {
  const internals = search as unknown as BuiltInternals;
  const entries = [...internals._index].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const writer = new VarintWriter();
  const offsets = new Uint32Array(entries.length + 1);
  const df = new Uint32Array(entries.length);
  entries.forEach(([, data], i) => {
    offsets[i] = writer.length;
    encodeTerm(writer, data);
    for (const docs of data.values()) df[i]! += docs.size;
  });
  offsets[entries.length] = writer.length;
  const fields = SEARCH_FIELDS.length;
  const lengths = new Uint32Array(internals._documentCount * fields);
  for (const [doc, perField] of internals._fieldLength) {
    perField.forEach((len, f) => (lengths[doc * fields + f] = len ?? 0));
  }
  return {
    terms: entries.map(([term]) => term),
    sections: { 'terms:offsets': offsets, 'terms:df': df, 'terms:postings': writer.result(), 'docs:fieldLengths': lengths },
  };
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

export async function serializeIndex(corpus: Corpus, meta: BuildMeta): Promise<SerializedIndex> {
  const indexDocs = toIndexDocs(corpus);
  const search = new MiniSearch(indexOptions);
  search.addAll(indexDocs);
  const internals = search as unknown as BuiltInternals;
  const { terms, sections: postings } = postingSections(search);
  const columns = buildColumns(corpus);
  const stored: StoredDoc[] = [...corpus.articles, ...corpus.quotes, ...corpus.entities];
  const docs = encodeDocs(stored);
  const lexicon = lexiconSections(buildLexicon(corpus), terms);
  const { bytes: bin, table } = packSections({ ...postings, 'docs:offsets': docs.offsets, ...columns.sections, ...lexicon });
  const header: IndexHeader = {
    documentCount: internals._documentCount,
    fields: [...SEARCH_FIELDS],
    avgFieldLength: SEARCH_FIELDS.map((_, f) => internals._avgFieldLength[f] ?? 0),
    terms,
    keys: indexDocs.map((d) => d.id).join('\n'),
    columns: columns.header,
    sections: table,
  };
  const encoder = new TextEncoder();
  const files: Record<IndexFile, Uint8Array> = {
    index: encoder.encode(JSON.stringify(header)),
    bin,
    docs: docs.bytes,
  };
  const contentHash = await sha256(INDEX_FILES.map((f) => files[f]));
  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    minisearchVersion: MINISEARCH_VERSION,
    optionsHash: OPTIONS_HASH,
    builtAt: (meta.builtAt ?? new Date()).toISOString(),
    contentHash,
    version: `v-${contentHash.slice(0, 12)}`,
    files: Object.fromEntries(INDEX_FILES.map((f) => [f, { path: FILE_PATHS[f], bytes: files[f].byteLength }])),
    counts: { article: corpus.articles.length, quote: corpus.quotes.length, entity: corpus.entities.length },
    sources: meta.sources,
    skipped: meta.skipped,
  };
  return { manifest, files };
}
