/**
 * Ranking signals on top of BM25, which sees words as a bag: where the query's words stand in a
 * title, and whether an entity's name is the query. Readers remember the start of a headline and
 * type a name whole, often with a slip; BM25 ranks "Critics of Harbor Bridge Plan" and "Harbor
 * Bridge Plan Approved" alike for "harbor bridge plan", and a short nickname above the full name.
 *
 * Every signal is a factor on one document's score computed from that document alone (its title
 * from src/index/titles.ts, its stored names), so that every matching document gets it, a shard
 * ranks as the whole index would, and the order needs no candidate cut-off. The weights were
 * tuned on training queries only (scripts/tune-search.ts; docs/api.md › Relevance).
 */
import type { LoadedIndex } from '../index/load.js';
import { words } from './query.js';
import type { Scored, TermSpec } from './score.js';

export const RANKING = {
  /** Title factor 1 + proximity × (share of consecutive query words that stand adjacent, in order). */
  proximity: 0.5,
  /** … + start × (share of query words in order) when the title starts with the first query word. */
  start: 0.5,
  /** Title words allowed between two query words that still count as adjacent ("harbor and bridge"). */
  gap: 0,
  /** An entity whose name or an alias is the query, word for word. */
  exactName: 4,
  /** … the same with a typo or an unfinished last word, corrected. */
  nearName: 4,
  /**
   * When every word did not find enough (the any-word fallback), words from this many letters get
   * one typo too, if at most this share of the documents hold them: a slip in a short word
   * ("bsuh") is then not lost, and a common word ("inc") is not taken for one. Infinity: never.
   */
  relaxedMinLength: 3,
  relaxedMaxShare: 0.002,
  /**
   * … and the corrections it gets are words held by at most this share of the documents: "kits"
   * may be "kids", not "its", whose postings would cost the fallback a common word's scoring.
   */
  relaxedMaxTermShare: 0.1,
};

export type NameMatch = 'exact' | 'near' | null;

/** What one query's words matched, to compute the signals of any document from. */
export class QuerySignals {
  /** The query's words in order, each as its bit (a repeated word repeats its bit). */
  private readonly sequence: number[];
  private bitsOfWord: Map<string, number> | null = null;

  constructor(
    private readonly index: LoadedIndex,
    private readonly scored: Scored,
    private readonly specs: TermSpec[],
  ) {
    this.sequence = scored.bits;
  }

  /**
   * Score factor of an article from its title: 1 unless the title matched two query words or more
   * (`titleMask`, from the postings, so that most documents cost nothing here).
   */
  titleFactor(doc: number, titleMask: number): number {
    const seq = this.sequence;
    const n = seq.length;
    if (n < 2 || (titleMask & (titleMask - 1)) === 0) return 1;
    const title = this.index.titles.of(doc);
    const termBits = this.scored.termBits;
    let next = 0;
    let matched = 0;
    let adjacent = 0;
    let lastWord = -2;
    let lastAt = -1;
    let startsTitle = false;
    // Greedy, left to right: each title word takes the next query word (at or after `next`) it matches.
    for (let p = 0; p < title.length && next < n; p++) {
      const bits = termBits.get(title[p]!);
      if (!bits) continue;
      let j = next;
      while (j < n && (seq[j]! & bits) === 0) j++;
      if (j === n) continue;
      if (matched === 0) startsTitle = j === 0 && p === 0;
      if (j === lastWord + 1 && p - lastAt - 1 <= RANKING.gap) adjacent++;
      matched++;
      lastWord = j;
      lastAt = p;
      next = j + 1;
    }
    return 1 + RANKING.proximity * (adjacent / (n - 1)) + (startsTitle ? RANKING.start * (matched / n) : 0);
  }

  /** Whether one of `names` is the query word for word: exactly, or with typos and a prefix corrected. */
  nameMatch(names: string[]): NameMatch {
    const seq = this.sequence;
    let best: NameMatch = null;
    for (const name of names) {
      const w = words(name);
      if (w.length !== seq.length) continue;
      let exact = true;
      let near = true;
      for (let i = 0; i < w.length && near; i++) {
        if (w[i] === this.specs[i]!.term) continue;
        exact = false;
        near = ((this.wordBits().get(w[i]!) ?? 0) & seq[i]!) !== 0;
      }
      if (exact) return 'exact';
      if (near) best = 'near';
    }
    return best;
  }

  private wordBits(): Map<string, number> {
    if (!this.bitsOfWord) {
      const terms = this.index.terms.terms;
      this.bitsOfWord = new Map([...this.scored.termBits].map(([t, bits]) => [terms[t]!, bits]));
    }
    return this.bitsOfWord;
  }
}
