/**
 * Posting lists as varint bytes: per term, the fields it occurs in and, per field, the documents
 * (delta-coded numbers) with the term's frequency. A term is decoded only when a query asks for
 * it, into typed arrays.
 */

/**
 * One term's postings at build time: per field id, [doc, tf, doc, tf, …] with ascending
 * document numbers (MiniSearch's field → document → frequency maps, flattened).
 */
export type TermData = Array<number[] | undefined>;

export class VarintWriter {
  private bytes = new Uint8Array(1 << 16);
  length = 0;

  push(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/**
 * Writes one term's postings. `local` maps a document number of `data` to the number it has in
 * this index, or undefined when the document lives in another shard; each field also records the
 * term's document count over the whole corpus, so that every shard scores with global statistics.
 */
export function encodeTerm(
  out: VarintWriter,
  data: TermData,
  local: (doc: number) => number | undefined = (d) => d,
): void {
  const fields: TermFields = [];
  data.forEach((postings, fieldId) => {
    if (!postings) return;
    // Local numbers keep the global order (a shard lists its documents ascending), so no sort.
    const here: number[] = [];
    for (let i = 0; i < postings.length; i += 2) {
      const n = local(postings[i]!);
      if (n !== undefined) here.push(n, postings[i + 1]!);
    }
    if (here.length > 0) fields.push([fieldId, postings.length / 2, here]);
  });
  writeFields(out, fields);
}

/** One term's fields as one index holds them: [field id, corpus-wide df, [doc, tf, doc, tf, …] here]. */
export type TermFields = Array<[number, number, number[]]>;

/** Writes one term's fields (ascending field ids, each with its documents here in ascending order). */
export function writeFields(out: VarintWriter, fields: TermFields): void {
  out.push(fields.length);
  for (const [fieldId, df, here] of fields) {
    out.push(fieldId);
    out.push(df);
    out.push(here.length / 2);
    let last = 0;
    for (let i = 0; i < here.length; i += 2) {
      if (here[i]! < last) throw new Error('postings must be in ascending document order');
      out.push(here[i]! - last);
      out.push(here[i + 1]!);
      last = here[i]!;
    }
  }
}

/** One field's postings of one term: documents in ascending order with the term's frequency. */
export class FieldPostings {
  constructor(
    /** Documents holding the term in this field across the whole corpus (all shards): BM25's df. */
    readonly df: number,
    readonly docs: Uint32Array,
    readonly tfs: Uint32Array,
  ) {}

  has(doc: number): boolean {
    const docs = this.docs;
    let lo = 0;
    let hi = docs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (docs[mid]! < doc) lo = mid + 1;
      else hi = mid;
    }
    return docs[lo] === doc;
  }
}

/** A term's postings by field id (absent fields are holes). */
export type Postings = Array<FieldPostings | undefined>;

export function decodeTerm(bytes: Uint8Array, start: number): Postings {
  let pos = start;
  const read = (): number => {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[pos++]!;
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return v;
  };
  const out: Postings = [];
  const nFields = read();
  for (let f = 0; f < nFields; f++) {
    const fieldId = read();
    const df = read();
    const n = read();
    const docs = new Uint32Array(n);
    const tfs = new Uint32Array(n);
    let doc = 0;
    for (let i = 0; i < n; i++) {
      doc += read();
      docs[i] = doc;
      tfs[i] = read();
    }
    out[fieldId] = new FieldPostings(df, docs, tfs);
  }
  return out;
}
