/**
 * A person's name in parts, for telling name variants of one person from other people: "Ann B.
 * Lee", "Ann Lee" and "Ann Bryony Lee" are one name (first and last agree, middle names agree where
 * both have them); "Ann Lee Jr." and "Tom Lee" are other people. Pure string work: the names come
 * cleaned from extraction (no titles or roles).
 */

export interface PersonName {
  /** Folded (lower case, no diacritics or dots) first word; '' for a one-word name. */
  first: string;
  middle: string[];
  /** Folded last word, or the one word. */
  last: string;
  /** "jr", "sr", "ii"…, or ''. */
  suffix: string;
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, no diacritics, no dots or apostrophes: "Ó’Neill" → "oneill", "J." → "j". */
export function foldWord(w: string): string {
  const s = ASCII.test(w) ? w : w.normalize('NFKD').replace(/\p{M}/gu, '');
  return s.toLowerCase().replace(/[.'’`]/g, '');
}

export function parsePersonName(name: string): PersonName {
  const words = name.split(/\s+/).filter(Boolean);
  let suffix = '';
  const lastWord = words[words.length - 1];
  if (words.length > 2 && lastWord && SUFFIXES.has(foldWord(lastWord.replace(/,$/, '')))) {
    suffix = foldWord(lastWord);
    words.pop();
    const before = words[words.length - 1];
    if (before?.endsWith(',')) words[words.length - 1] = before.slice(0, -1);
  }
  const folded = words.map(foldWord);
  if (folded.length <= 1) return { first: '', middle: [], last: folded[0] ?? '', suffix };
  return { first: folded[0]!, middle: folded.slice(1, -1), last: folded[folded.length - 1]!, suffix };
}

/** First, last and suffix: the key name variants of one person share. */
export const personKey = (n: PersonName) => `${n.first}|${n.last}|${n.suffix}`;

/** Middle names agree when either has none, or initial by initial ("B." and "Bryony"). */
export function middlesAgree(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  if (a.length !== b.length) return false;
  return a.every((m, i) => m[0] === b[i]![0]);
}

/** The middle names as initials: the signature that tells two people of one first and last name apart. */
export const middleSignature = (n: PersonName) => n.middle.map((m) => m[0]).join('');
