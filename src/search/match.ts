/**
 * Query → the set of matching documents with scores, before filters: MiniSearch for the words,
 * then phrase verification against the stored text and exclusions.
 */
import type { QueryCombination, SearchResult as MiniResult } from 'minisearch';
import { parseIndexId } from '../index/ids.js';
import type { LoadedIndex } from '../index/load.js';
import { tokensOf } from './highlight.js';
import type { ParsedQuery } from './query.js';

export interface Match {
  key: string;
  score: number;
  /** Index terms that matched (after fuzzy and prefix expansion): what highlights mark. */
  terms: Set<string>;
}

/** No typos on short words (they become noise); one edit from 5 letters, two from 9. */
export function typoBudget(term: string): number {
  return term.length < 5 ? 0 : term.length < 9 ? 1 : 2;
}

/** The text a phrase must appear in, per document type. */
export function searchableText(index: LoadedIndex, key: string): string {
  const { type, id } = parseIndexId(key);
  if (type === 'article') {
    const a = index.articles[id];
    return a ? `${a.title}\n${a.subtitle ?? ''}\n${a.body}` : '';
  }
  if (type === 'quote') {
    const q = index.quotes[id];
    return q ? `${q.text}\n${q.speaker ?? ''}` : '';
  }
  const e = index.entities[id];
  return e ? [e.name, ...e.aliases].join('\n') : '';
}

/** Whether the words occur in this order, adjacent; with `lastIsPrefix` the last may be unfinished. */
export function containsPhrase(text: string, phrase: string[], lastIsPrefix = false): boolean {
  const tokens = tokensOf(text);
  const last = phrase.length - 1;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) {
      const term = tokens[i + j]!.term;
      if (term !== phrase[j] && !(lastIsPrefix && j === last && term.startsWith(phrase[j]!))) continue outer;
    }
    return true;
  }
  return false;
}

function miniQuery(parsed: ParsedQuery, combineWith: 'AND' | 'OR'): QueryCombination {
  const exact = new Set(parsed.phrases.flat());
  const last = parsed.terms.length - 1;
  return {
    combineWith,
    queries: parsed.terms.map((term, i) => ({
      queries: [term],
      fuzzy: exact.has(term) ? false : typoBudget(term),
      prefix: i === last && parsed.lastIsPrefix && term.length >= 3 && !exact.has(term),
    })),
  };
}

function excludedKeys(index: LoadedIndex, parsed: ParsedQuery): Set<string> {
  const out = new Set<string>();
  for (const term of parsed.excludedTerms) {
    for (const r of index.search.search(term, { fuzzy: false, prefix: false })) out.add(r.id as string);
  }
  for (const phrase of parsed.excludedPhrases) {
    for (const r of index.search.search(phrase.join(' '), { combineWith: 'AND', fuzzy: false, prefix: false })) {
      if (containsPhrase(searchableText(index, r.id as string), phrase)) out.add(r.id as string);
    }
  }
  return out;
}

export function matchQuery(index: LoadedIndex, parsed: ParsedQuery, combineWith: 'AND' | 'OR'): Match[] {
  const results: MiniResult[] = index.search.search(miniQuery(parsed, combineWith));
  const excluded = excludedKeys(index, parsed);
  const out: Match[] = [];
  for (const r of results) {
    const key = r.id as string;
    if (excluded.has(key)) continue;
    // Phrases are required in both modes: any-word ranking relaxes the bare words only.
    if (parsed.phrases.length > 0) {
      const text = searchableText(index, key);
      if (!parsed.phrases.every((p) => containsPhrase(text, p))) continue;
    }
    out.push({ key, score: r.score, terms: new Set(r.terms) });
  }
  return out;
}

/** Every document except the excluded ones: the match set of an empty query (browsing). */
export function matchAll(index: LoadedIndex, parsed: ParsedQuery, keys: Iterable<string>): Match[] {
  const excluded = excludedKeys(index, parsed);
  const out: Match[] = [];
  for (const key of keys) if (!excluded.has(key)) out.push({ key, score: 0, terms: new Set() });
  return out;
}
