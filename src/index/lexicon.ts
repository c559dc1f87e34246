/**
 * The lexicon: every indexed word of the articles with its article frequency, computed at build
 * time so that suggestions and "did you mean" need no walk of the index at query time. Stop
 * words, numbers and one- or two-letter words are left out: nobody needs them suggested.
 * Every lexicon word is also an index term, so the loaded lexicon is two integer arrays over
 * the index's sorted term list: positions and frequencies, sorted like the terms.
 */
import { eng as STOP_WORDS } from 'stopword';
import { withinEdits } from './edit-walk.js';
import { SEARCH_FIELDS } from './options.js';
import type { TermData } from './postings.js';
import { lowerBound } from './sorted.js';

const MAX_TERMS = 60_000;
const stop = new Set(STOP_WORDS);
const ARTICLE_FIELDS = (['title', 'subtitle', 'body'] as const).map((f) => SEARCH_FIELDS.indexOf(f));

/**
 * [word, article frequency], sorted by word, read off the postings of the article fields:
 * `articles` documents come first in the index, so an article is a document number below it.
 */
export function buildLexicon(entries: Array<[string, TermData]>, articles: number): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  // Which term last counted an article: an article counts once per term, whatever its fields.
  const countedFor = new Int32Array(articles).fill(-1);
  entries.forEach(([term, data], t) => {
    if (term.length < 3 || stop.has(term) || /^\d+$/.test(term)) return;
    let count = 0;
    for (const field of ARTICLE_FIELDS) {
      const postings = data[field] ?? [];
      for (let i = 0; i < postings.length && postings[i]! < articles; i += 2) {
        if (countedFor[postings[i]!] !== t) {
          countedFor[postings[i]!] = t;
          count++;
        }
      }
    }
    if (count > 0) out.push([term, count]);
  });
  if (out.length <= MAX_TERMS) return out;
  // Keep the most frequent; ties by word, so that the cut does not depend on document order.
  const kept = out.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_TERMS);
  return kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The lexicon as sections of index.bin: positions in the sorted term list, and frequencies. */
export function lexiconSections(
  entries: Array<[string, number]>,
  terms: string[],
): { 'lexicon:terms': Uint32Array; 'lexicon:df': Uint32Array } {
  const position = new Map(terms.map((t, i) => [t, i]));
  const ids = new Uint32Array(entries.length);
  const df = new Uint32Array(entries.length);
  entries.forEach(([word, n], i) => {
    const at = position.get(word);
    if (at === undefined) throw new Error(`lexicon word "${word}" is not an index term`);
    ids[i] = at;
    df[i] = n;
  });
  return { 'lexicon:terms': ids, 'lexicon:df': df };
}

export class Lexicon {
  /** The words in order, built on the first typo lookup. */
  private words: string[] | null = null;

  constructor(
    private readonly terms: string[],
    private readonly ids: Uint32Array,
    private readonly df: Uint32Array,
  ) {}

  private lowerBound(key: string): number {
    return lowerBound(this.ids.length, (i) => this.terms[this.ids[i]!]!, key);
  }

  has(word: string): boolean {
    const i = this.lowerBound(word);
    return i < this.ids.length && this.terms[this.ids[i]!] === word;
  }

  /** At most `scan` [word, frequency] pairs starting with `prefix`, in word order. */
  withPrefix(prefix: string, scan = 4000): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    for (let i = this.lowerBound(prefix); i < this.ids.length && out.length < scan; i++) {
      const word = this.terms[this.ids[i]!]!;
      if (!word.startsWith(prefix)) break;
      out.push([word, this.df[i]!]);
    }
    return out;
  }

  /**
   * [word, frequency, distance] of at most `limit` words that start with something within `max`
   * edits of `prefix` (a swap of neighbours is one edit): completions of a word typed with a slip.
   */
  nearPrefix(prefix: string, max: number, limit = 200): Array<[string, number, number]> {
    this.words ??= Array.from(this.ids, (id) => this.terms[id]!);
    const words = this.words;
    return withinEdits(words, prefix, max, { prefix: true, limit }).map(([i, d]) => [
      words[i]!,
      this.df[i]!,
      d,
    ]);
  }
}
