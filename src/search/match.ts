/**
 * Query → the set of matching documents with scores, before filters: MiniSearch for the words,
 * then phrase verification against the stored text and exclusions.
 */
import type { QueryCombination, SearchResult as MiniResult } from 'minisearch';
import { eng as STOP_WORDS } from 'stopword';
import { parseIndexId } from '../index/ids.js';
import type { LoadedIndex } from '../index/load.js';
import type { ParsedQuery } from './query.js';

const STOP = new Set(STOP_WORDS);

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

// Characters whose folding (NFKD, marks removed) could change a word: anything beyond ASCII,
// no-break space and general punctuation (curly quotes and dashes are common and fold to nothing).
const FOLDABLE = /[^\x00-\x7f\u00a0\u2000-\u206f]/;
const SEP = '[\\n\\r\\p{Z}\\p{P}]';
const phraseRegexps = new Map<string, RegExp>();

/**
 * The phrase as one regular expression over lower-cased text: its words separated by separators,
 * bounded by separators. One regex scan replaces tokenizing the whole text, which made phrase
 * checks over long bodies the slowest part of a query.
 */
function phraseRegexp(phrase: string[], lastIsPrefix: boolean): RegExp {
  const key = `${lastIsPrefix ? 1 : 0}${phrase.join(' ')}`;
  let re = phraseRegexps.get(key);
  if (!re) {
    const words = phrase.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const tail = lastIsPrefix ? '' : `(?!${SEP.replace('[', '[^')})`;
    re = new RegExp(`(?<![^\\n\\r\\p{Z}\\p{P}])${words.join(`${SEP}+`)}${tail}`, 'u');
    if (phraseRegexps.size > 256) phraseRegexps.clear();
    phraseRegexps.set(key, re);
  }
  return re;
}

/** Whether the words occur in this order, adjacent; with `lastIsPrefix` the last may be unfinished. */
export function containsPhrase(text: string, phrase: string[], lastIsPrefix = false): boolean {
  if (phrase.length === 0) return true;
  const lower = text.toLowerCase();
  // Most candidates lack one of the words entirely: a substring test rejects them first.
  if (phrase.some((w) => !lower.includes(w)) && !FOLDABLE.test(text)) return false;
  const re = phraseRegexp(phrase, lastIsPrefix);
  if (re.test(lower)) return true;
  // Words with diacritics match their folded form ("kovacevic" in "Kovačević").
  return FOLDABLE.test(text) && re.test(text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());
}

/**
 * Words of a phrase MiniSearch must find: a phrase is verified against the stored text anyway,
 * so its stop words only widen the posting lists walked ("the" is in every article) without
 * changing the match set. A phrase made of stop words only keeps them all.
 */
function phraseWordsToMatch(phrases: string[][]): { skip: Set<string> } {
  const skip = new Set<string>();
  for (const p of phrases) {
    if (p.every((w) => STOP.has(w))) continue;
    for (const w of p) if (STOP.has(w)) skip.add(w);
  }
  return { skip };
}

function miniQuery(parsed: ParsedQuery, combineWith: 'AND' | 'OR'): QueryCombination {
  const exact = new Set(parsed.phrases.flat());
  const { skip } = phraseWordsToMatch(parsed.phrases);
  // A bare occurrence of a skipped word elsewhere in the query still has to match.
  const bare = new Set(parsed.terms.filter((t) => !exact.has(t)));
  const last = parsed.terms.length - 1;
  const queries = parsed.terms.flatMap((term, i) =>
    skip.has(term) && !bare.has(term)
      ? []
      : [
          {
            queries: [term],
            fuzzy: exact.has(term) ? false : typoBudget(term),
            prefix: i === last && parsed.lastIsPrefix && term.length >= 3 && !exact.has(term),
          },
        ],
  );
  return { combineWith, queries };
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

/** Documents holding every word of every phrase: only they can pass phrase verification. */
function phraseCandidates(index: LoadedIndex, parsed: ParsedQuery): Set<string> {
  const { skip } = phraseWordsToMatch(parsed.phrases);
  const required = [...new Set(parsed.phrases.flat())].filter((w) => !skip.has(w));
  const found = index.search.search({ combineWith: 'AND', queries: required.map((w) => ({ queries: [w], fuzzy: false, prefix: false })) });
  return new Set(found.map((r) => r.id as string));
}

export function matchQuery(index: LoadedIndex, parsed: ParsedQuery, combineWith: 'AND' | 'OR'): Match[] {
  const exact = new Set(parsed.phrases.flat());
  // Any-word mode relaxes the bare words only; without any, it cannot add to the all-word matches.
  if (combineWith === 'OR' && parsed.terms.every((t) => exact.has(t))) return [];
  const results: MiniResult[] = index.search.search(miniQuery(parsed, combineWith));
  const excluded = excludedKeys(index, parsed);
  // Any-word mode matches nearly every document on common words; verifying a phrase in each of
  // them is what made such queries take a second. A document lacking a phrase word cannot hold it.
  const candidates = combineWith === 'OR' && parsed.phrases.length > 0 ? phraseCandidates(index, parsed) : null;
  const out: Match[] = [];
  for (const r of results) {
    const key = r.id as string;
    if (excluded.has(key)) continue;
    // Phrases are required in both modes: any-word ranking relaxes the bare words only.
    if (parsed.phrases.length > 0) {
      if (candidates && !candidates.has(key)) continue;
      const text = searchableText(index, key);
      if (!parsed.phrases.every((p) => containsPhrase(text, p))) continue;
    }
    out.push({ key, score: r.score, terms: new Set(r.terms) });
  }
  return out;
}

const NO_TERMS: Set<string> = new Set();

/** Every document except the excluded ones: the match set of an empty query (browsing). */
export function matchAll(index: LoadedIndex, parsed: ParsedQuery, keys: Iterable<string>): Match[] {
  const excluded = excludedKeys(index, parsed);
  const out: Match[] = [];
  // Browsing matches every document: one shared empty term set instead of one per document.
  for (const key of keys) if (!excluded.has(key)) out.push({ key, score: 0, terms: NO_TERMS });
  return out;
}
