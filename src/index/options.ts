/**
 * The MiniSearch configuration shared by the build script and the Worker.
 * Both sides must tokenize and process terms identically, so every knob lives here and
 * OPTIONS_HASH fingerprints it: a manifest built with other options is refused at load.
 * Functions cannot be hashed reliably after bundling, so each carries a version name that
 * must be bumped whenever its behaviour changes.
 */
import type { Options, SearchOptions } from 'minisearch';

export const INDEX_FORMAT_VERSION = 3;
/**
 * Checked against node_modules by a test: src/index/invert.ts and src/search/score.ts reproduce this
 * version's arithmetic (its `add` and its BM25 and weights).
 */
export const MINISEARCH_VERSION = '7.2.0';

export const SEARCH_FIELDS = ['title', 'subtitle', 'body', 'text', 'speaker', 'name', 'aliases'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** What MiniSearch indexes: one flat record per article, quote or entity. */
export type IndexDoc = { id: string } & Partial<Record<SearchField, string>>;

const TOKENIZER = 'unicode-words-1';
const TERM_PROCESSOR = 'lower-fold-1';

const ASCII = /^[\x00-\x7f]*$/;

// Same split as MiniSearch's default tokenizer: whitespace, separators and punctuation.
const SPLIT = /[\n\r\p{Z}\p{P}]+/u;

export function tokenize(text: string): string[] {
  return text.split(SPLIT);
}

/** Lower-case and fold diacritics so that "Kovačević" and "Kovacevic" are one term. */
export function processTerm(term: string): string | null {
  if (term === '') return null;
  // Most words are ASCII: skip the costly decomposition for them (same result).
  if (ASCII.test(term)) return term.toLowerCase();
  const folded = term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return folded === '' ? null : folded;
}

export const FIELD_BOOSTS: Record<SearchField, number> = {
  title: 3,
  subtitle: 2,
  body: 1,
  text: 2,
  speaker: 1.5,
  name: 4,
  aliases: 3,
};

export const defaultSearchOptions: SearchOptions = {
  boost: FIELD_BOOSTS,
  // Typos are tolerated on longer words only: fuzzy matching short words turns them into noise.
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  // The last word is still being typed.
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
};

export const indexOptions: Options<IndexDoc> = {
  idField: 'id',
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  tokenize,
  processTerm,
  searchOptions: defaultSearchOptions,
};

/** The declarative part of the options: what the hash covers. */
export const OPTIONS_DESCRIPTION = {
  idField: 'id',
  fields: SEARCH_FIELDS,
  storeFields: [] as string[],
  tokenizer: TOKENIZER,
  termProcessor: TERM_PROCESSOR,
};

/** FNV-1a (64-bit) of a canonical JSON string: synchronous, identical in Node and workerd. */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * prime) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

export const OPTIONS_HASH = fnv1a64(JSON.stringify(OPTIONS_DESCRIPTION));
