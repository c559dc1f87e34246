/**
 * Documents → postings, field lengths and field-length averages: what MiniSearch's `addAll`
 * computes, without its radix tree. The build flattens these into index.bin, so the tree was
 * built only to be walked once; a hash map per term does the same job in a fraction of the
 * time (PolNeAR: see README › Rebuilding after new articles). The arithmetic is MiniSearch 7.2's `add` to the
 * letter — unique raw tokens as the field length, its running average — so that scores stay
 * equal to stock MiniSearch's (test/node/compact-index.test.ts checks both).
 */
import { SEARCH_FIELDS, processTerm, tokenize, type IndexDoc } from './options.js';
import type { TermData } from './postings.js';

export interface Inverted {
  /** Terms sorted by UTF-16 code units, with their postings per field. */
  entries: Array<[string, TermData]>;
  /** Document number → length of each field (unique tokens); holes where a field is absent. */
  fieldLength: Map<number, number[]>;
  avgFieldLength: number[];
  documentCount: number;
}

export function invert(docs: IndexDoc[]): Inverted {
  const index = new Map<string, TermData>();
  const fieldLength = new Map<number, number[]>();
  const avgFieldLength: number[] = [];
  docs.forEach((doc, n) => {
    SEARCH_FIELDS.forEach((field, fieldId) => {
      const value = doc[field];
      if (value == null) return;
      // Counted per field first: one touch of the shared maps per distinct term, not per word.
      const raw = new Map<string, number>();
      for (const token of tokenize(value)) raw.set(token, (raw.get(token) ?? 0) + 1);
      let lengths = fieldLength.get(n);
      if (!lengths) fieldLength.set(n, (lengths = []));
      // MiniSearch's field length: distinct tokens before term processing.
      const length = raw.size;
      lengths[fieldId] = length;
      // MiniSearch's running mean, operation for operation: the same float at the end.
      avgFieldLength[fieldId] = ((avgFieldLength[fieldId] || 0) * n + length) / (n + 1);
      const counts = new Map<string, number>();
      for (const [token, tf] of raw) {
        const term = processTerm(token);
        if (term) counts.set(term, (counts.get(term) ?? 0) + tf);
      }
      for (const [term, tf] of counts) {
        let data = index.get(term);
        if (!data) index.set(term, (data = []));
        (data[fieldId] ??= []).push(n, tf);
      }
    });
  });
  const entries = [...index].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { entries, fieldLength, avgFieldLength, documentCount: docs.length };
}
