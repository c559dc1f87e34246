/**
 * The terms each file set of a version lists, with their postings as the set stores them: over the
 * set's own documents, each term with its document frequencies over the whole corpus (so every
 * shard scores with corpus-wide statistics). One set at a time (termPart), or every shard of a
 * sharded version in one pass over the corpus's postings (partitionTerms).
 */
import { encodeTerm, type TermData, type TermFields, VarintWriter, writeFields } from './postings.js';

/** Sorted terms with their postings over global document numbers (Global.entries of ./serialize.ts). */
type Entries = Array<[string, TermData]>;

/** The terms a file set lists (positions in Global.entries), their postings and document frequencies. */
export interface TermPart {
  kept: number[];
  offsets: number[];
  df: number[];
  writer: VarintWriter;
}

/**
 * One file set's terms, read off every term's postings (one index, the dictionary): `localOf`
 * maps a corpus document number to its number in the set, -1 for another set's.
 */
export function termPart(g: { entries: Entries }, localOf: Int32Array, allTerms: boolean): TermPart {
  const local = (doc: number) => {
    const n = localOf[doc]!;
    return n < 0 ? undefined : n;
  };
  const part: TermPart = { kept: [], offsets: [], df: [], writer: new VarintWriter() };
  g.entries.forEach(([, data], i) => {
    if (!allTerms && !hasLocal(data, localOf)) return;
    part.kept.push(i);
    part.offsets.push(part.writer.length);
    encodeTerm(part.writer, data, local);
    part.df.push(documentFrequency(data));
  });
  part.offsets.push(part.writer.length);
  return part;
}

function documentFrequency(data: TermData): number {
  let total = 0;
  for (const postings of data) if (postings) total += postings.length / 2;
  return total;
}

/**
 * Every shard's terms in one pass over the corpus's postings: each posting goes to the shard that
 * holds its document (`shardOfDoc`, -1: none), under its number there (`localOf`). The bytes are
 * those of termPart run per shard, which would read every posting once per shard.
 */
export function partitionTerms(
  g: { entries: Entries },
  shardOfDoc: Int32Array,
  localOf: Int32Array,
  shards: number,
): TermPart[] {
  const parts: TermPart[] = Array.from({ length: shards }, () => ({
    kept: [],
    offsets: [],
    df: [],
    writer: new VarintWriter(),
  }));
  const fieldsOf: Array<TermFields | null> = new Array(shards).fill(null);
  const touched: number[] = [];
  g.entries.forEach(([, data], i) => {
    data.forEach((postings, fieldId) => {
      if (!postings) return;
      const df = postings.length / 2;
      for (let k = 0; k < postings.length; k += 2) {
        const doc = postings[k]!;
        const s = shardOfDoc[doc]!;
        if (s < 0) continue;
        let fields = fieldsOf[s];
        if (!fields) {
          fields = fieldsOf[s] = [];
          touched.push(s);
        }
        let last = fields[fields.length - 1];
        if (!last || last[0] !== fieldId) fields.push((last = [fieldId, df, []]));
        last[2].push(localOf[doc]!, postings[k + 1]!);
      }
    });
    if (touched.length === 0) return;
    const total = documentFrequency(data);
    for (const s of touched) {
      const part = parts[s]!;
      part.kept.push(i);
      part.offsets.push(part.writer.length);
      writeFields(part.writer, fieldsOf[s]!);
      part.df.push(total);
      fieldsOf[s] = null;
    }
    touched.length = 0;
  });
  for (const part of parts) part.offsets.push(part.writer.length);
  return parts;
}

function hasLocal(data: TermData, localOf: Int32Array): boolean {
  for (const postings of data) {
    if (!postings) continue;
    for (let i = 0; i < postings.length; i += 2) if (localOf[postings[i]!]! >= 0) return true;
  }
  return false;
}
