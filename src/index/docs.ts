/**
 * The stored documents of an index: one JSON document per line of docs.ndjson, in document-number
 * order, kept as the bytes that were read and parsed one document at a time when a result, a
 * phrase check or a document route needs it. An isolate holding the bytes pays their size once
 * instead of the several-fold cost of parsed objects, and loading parses nothing. A chunked
 * docs.ndjson is cut between documents, so a document is always a view of one chunk.
 */

import type { Article, DocType, Entity, Quote } from '../model/documents.js';
import { ChunkedBytes } from './chunks.js';
import { indexId } from './ids.js';

export type StoredDoc = Article | Quote | Entity;

/** Parsed documents kept for the next queries: hit pages and phrase checks revisit the same ones. */
const CACHE_DOCS = 1024;
const decoder = new TextDecoder();

export class DocStore {
  private readonly cache = new Map<number, StoredDoc>();
  private byKey: Map<string, number> | null = null;

  private readonly bytes: ChunkedBytes;

  constructor(
    bytes: Uint8Array | ChunkedBytes,
    /** Byte offsets: document d is bytes[offsets[d] .. offsets[d + 1]). */
    private readonly offsets: Uint32Array,
    /** Index ids ("a:…", "q:…", "e:…") in document order, newline-separated. */
    private readonly keysText: string,
  ) {
    this.bytes = bytes instanceof ChunkedBytes ? bytes : new ChunkedBytes([bytes]);
  }

  get count(): number {
    return this.offsets.length - 1;
  }

  get(doc: number): StoredDoc {
    let hit = this.cache.get(doc);
    if (hit) return hit;
    if (!(doc >= 0 && doc < this.count)) throw new RangeError(`No document number ${doc}`);
    hit = JSON.parse(
      decoder.decode(this.bytes.range(this.offsets[doc]!, this.offsets[doc + 1]!)),
    ) as StoredDoc;
    if (this.cache.size >= CACHE_DOCS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(doc, hit);
    return hit;
  }

  /** The document number of a stored id; the id table is split on first use. */
  find(type: DocType, id: string): number | undefined {
    if (!this.byKey) {
      this.byKey = new Map();
      const keys = this.keysText === '' ? [] : this.keysText.split('\n');
      for (let d = 0; d < keys.length; d++) this.byKey.set(keys[d]!, d);
    }
    return this.byKey.get(indexId(type, id));
  }
}

/**
 * The bytes of docs.ndjson and the offsets of its lines, from documents in number order. Lines are
 * encoded into one growing buffer, not each into an array of its own: a large build writes
 * hundreds of thousands of them.
 */
export function encodeDocs(docs: StoredDoc[]): { bytes: Uint8Array; offsets: Uint32Array } {
  const encoder = new TextEncoder();
  const offsets = new Uint32Array(docs.length + 1);
  let bytes = new Uint8Array(1 << 16);
  let size = 0;
  for (let i = 0; i < docs.length; i++) {
    const line = `${JSON.stringify(docs[i])}\n`;
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (size + 3 * line.length > bytes.length) {
      const grown = new Uint8Array(Math.max(2 * bytes.length, size + 3 * line.length));
      grown.set(bytes.subarray(0, size));
      bytes = grown;
    }
    size += encoder.encodeInto(line, bytes.subarray(size)).written;
    offsets[i + 1] = size;
  }
  return { bytes: bytes.slice(0, size), offsets };
}
