/**
 * Documents → postings, field lengths and field-length averages: what MiniSearch's `addAll`
 * computes, without its radix tree. The build flattens these into index.bin, so the tree was
 * built only to be walked once; a hash map per term does the same job in a fraction of the
 * time (PolNeAR: see docs/articles.md › Rebuilding after new articles). The arithmetic is MiniSearch 7.2's `add` to the
 * letter — unique raw tokens as the field length, its running average — so that scores stay
 * equal to stock MiniSearch's (test/node/compact-index.test.ts checks both).
 */
import { type IndexDoc, processTerm, SEARCH_FIELDS, tokenize } from './options.js';
import type { TermData } from './postings.js';

export interface Inverted {
  /** Terms sorted by UTF-16 code units, with their postings per field. */
  entries: Array<[string, TermData]>;
  /** Document number → length of each field (unique tokens); holes where a field is absent. */
  fieldLength: Map<number, number[]>;
  avgFieldLength: number[];
  documentCount: number;
}

/** A term's postings being built, and its count in the field being read. */
interface TermState {
  data: TermData;
  /** Which document field (see `stamp` below) `tf` counts; another stamp means zero so far. */
  stamp: number;
  tf: number;
}

/** A token as split, with the term it processes to (null: not indexed). */
interface Spelling {
  term: TermState | null;
  stamp: number;
}

export function invert(docs: IndexDoc[]): Inverted {
  const steps = inverting(docs);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * invert, pausing (`await pause()`) every `every` documents: live update segments are built in an
 * isolate that is serving requests meanwhile (src/live/segment.ts).
 */
export async function invertPausing(
  docs: IndexDoc[],
  pause: () => Promise<void>,
  every = 64,
): Promise<Inverted> {
  const steps = inverting(docs);
  for (let n = 1; ; n++) {
    const step = steps.next();
    if (step.done) return step.value;
    if (n % every === 0) await pause();
  }
}

/** The work of invert, one document per step. */
function* inverting(docs: IndexDoc[]): Generator<void, Inverted> {
  const terms = new Map<string, TermState>();
  // One entry per distinct spelling in the corpus: processTerm runs once per spelling, and each
  // token costs one lookup. Stamps (one per document field) replace per-field maps.
  const spellings = new Map<string, Spelling>();
  const fieldLength = new Map<number, number[]>();
  const avgFieldLength: number[] = [];
  const fields = SEARCH_FIELDS.length;
  const touched: TermState[] = [];
  for (let n = 0; n < docs.length; n++) {
    const doc = docs[n]!;
    for (let fieldId = 0; fieldId < fields; fieldId++) {
      const value = doc[SEARCH_FIELDS[fieldId]!];
      if (value == null) continue;
      const stamp = n * fields + fieldId + 1;
      // MiniSearch's field length: distinct tokens before term processing.
      let length = 0;
      for (const token of tokenize(value)) {
        let spelling = spellings.get(token);
        if (!spelling) {
          const processed = processTerm(token);
          let term: TermState | null = null;
          if (processed) {
            term = terms.get(processed) ?? null;
            if (!term) terms.set(processed, (term = { data: [], stamp: 0, tf: 0 }));
          }
          spellings.set(token, (spelling = { term, stamp: 0 }));
        }
        if (spelling.stamp !== stamp) {
          spelling.stamp = stamp;
          length++;
        }
        const term = spelling.term;
        if (term) {
          if (term.stamp !== stamp) {
            term.stamp = stamp;
            term.tf = 0;
            touched.push(term);
          }
          term.tf++;
        }
      }
      let lengths = fieldLength.get(n);
      if (!lengths) fieldLength.set(n, (lengths = []));
      lengths[fieldId] = length;
      // MiniSearch's running mean, operation for operation: the same float at the end.
      avgFieldLength[fieldId] = ((avgFieldLength[fieldId] || 0) * n + length) / (n + 1);
      for (const term of touched) (term.data[fieldId] ??= []).push(n, term.tf);
      touched.length = 0;
    }
    yield;
  }
  const entries: Array<[string, TermData]> = [];
  for (const [term, state] of terms) entries.push([term, state.data]);
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { entries, fieldLength, avgFieldLength, documentCount: docs.length };
}
