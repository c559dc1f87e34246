/**
 * Tokens of a whole article, for entity extraction: words with UTF-16 offsets, punctuation as
 * tokens of its own, abbreviations and initials keeping their period ("U.S.", "Inc.", "P."),
 * possessive "'s" split off so that "Russia's" yields "Russia". Each token knows its sentence,
 * whether it opens it, and whether its line is written in capitals.
 *
 * Why extraction has two tokenisers, this one and word-tokens.ts: entities read the whole article
 * once and need punctuation as tokens (a bracket, a comma or "&" decides a name: "Haddow & Pike",
 * "(HWU)"), sentences and headline lines; quote attribution reads short windows around each
 * quotation mark, many times per article, and needs whitespace words with their punctuation
 * attached (`said,` `“We`), because its grammar keys on the mark after a word. They also cut
 * words differently ("$5", "(D-Wash.)", "a,b"), so one token type for both would change what
 * either extracts. They share the abbreviation list (abbreviations.ts) and the fields text,
 * start and end.
 */

import { ARTICLE_ABBREVIATIONS, PREFIX_ABBREVIATIONS } from './abbreviations.js';
import { nth } from './nth.js';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Index of the sentence (or headline/table line) the token belongs to. */
  sentence: number;
  /** True for the first word of its sentence (after any opening quote or bracket). */
  first: boolean;
  /** True when the token's line is written in capitals (headlines), where case says nothing. */
  capsLine: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:[.'’&-][\p{L}\p{N}\p{M}]+)*|\S/gu;
// Patterns made once: a literal in a loop is a new RegExp object at every pass, and this loop
// runs for every token of every article.
const UPPER = /\p{Lu}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ABBREVIATION_ENDS = /^\p{Ll}?\s+[\p{Lu}"“]/u;
const NEXT_WORD = /\s+([\p{L}]+)/u;
const SENTENCE_OPENERS = /^(The|A|An|It|He|She|They|We|I|In|But|And|This|That|There)$/;
const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

/** "Russia's": the length of "Russia", or 0 when the word ends with no possessive. */
function possessiveStem(word: string): number {
  const n = word.length;
  const s = word.charCodeAt(n - 1);
  const mark = word.charCodeAt(n - 2);
  return n > 3 && (s === 115 || s === 83) && (mark === APOSTROPHE || mark === RIGHT_QUOTE) ? n - 2 : 0;
}

interface RawToken {
  text: string;
  start: number;
  end: number;
}

export function tokenize(text: string): Token[] {
  const raw: RawToken[] = [];
  const re = new RegExp(WORD);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let word = m[0];
    const start = m.index;
    let end = start + word.length;
    // Possessive: "Russia's" → "Russia" + "'s".
    const stem = possessiveStem(word);
    if (stem > 0 && UPPER.test(word[0]!)) {
      raw.push({ text: word.slice(0, stem), start, end: start + stem });
      raw.push({ text: word.slice(stem), start: start + stem, end });
      continue;
    }
    if (text.charCodeAt(end) === 46 && isAbbreviation(word)) {
      word += '.';
      end++;
      re.lastIndex = end;
    }
    raw.push({ text: word, start, end });
  }
  // Sentences: split at . ! ? (not after an abbreviation) and at paragraph/line breaks.
  const tokens: Token[] = [];
  let sentence = 0;
  let expectFirst = true;
  // The first line break at or after the previous token's end (-1: none left).
  let nextBreak = text.indexOf('\n');
  for (let i = 0; i < raw.length; i++) {
    const t = nth(raw, i);
    const prev = raw[i - 1];
    if (prev) {
      if (nextBreak !== -1 && nextBreak < prev.end) nextBreak = text.indexOf('\n', prev.end);
      if (nextBreak !== -1 && nextBreak < t.start) {
        if (!expectFirst) sentence++;
        expectFirst = true;
      }
    }
    const isWord = LETTER_OR_DIGIT.test(t.text);
    tokens.push({
      text: t.text,
      start: t.start,
      end: t.end,
      sentence,
      first: expectFirst && isWord,
      capsLine: false,
    });
    if (isWord) expectFirst = false;
    if (t.text === '.' || t.text === '!' || t.text === '?' || t.text === ':' || t.text === ';') {
      sentence++;
      expectFirst = true;
    } else if (
      t.text.length > 1 &&
      t.text.endsWith('.') &&
      ABBREVIATION_ENDS.test(text.slice(t.end, t.end + 3)) &&
      !PREFIX_ABBREVIATIONS.has(t.text.slice(0, -1).toLowerCase())
    ) {
      // "in the U.S. The ..." — an abbreviation can end a sentence; a following capital decides.
      const nextWord = NEXT_WORD.exec(text.slice(t.end, t.end + 20))?.[1] ?? '';
      if (SENTENCE_OPENERS.test(nextWord)) {
        sentence++;
        expectFirst = true;
      }
    }
  }
  markCapsLines(tokens);
  return tokens;
}

const INITIAL = /^\p{Lu}$/u;
const DOTTED = /^(\p{L}\.)+\p{L}$/u;

function isAbbreviation(word: string): boolean {
  if (INITIAL.test(word)) return true; // initial: "P. Simmons"
  if (DOTTED.test(word)) return true; // "U.S", "U.N"
  return ARTICLE_ABBREVIATIONS.has(word.toLowerCase());
}

const TWO_LETTERS = /\p{L}{2}/u;

/** Headlines and shouted lines: most letters upper-case. Case-based rules must not run there. */
function markCapsLines(tokens: Token[]) {
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (j < tokens.length && nth(tokens, j).sentence === nth(tokens, i).sentence) j++;
    let upper = 0;
    let words = 0;
    for (let k = i; k < j; k++) {
      const w = nth(tokens, k).text;
      if (!TWO_LETTERS.test(w)) continue;
      words++;
      if (w === w.toUpperCase()) upper++;
    }
    if (words >= 2 && upper / words > 0.6) for (let k = i; k < j; k++) nth(tokens, k).capsLine = true;
    i = j;
  }
}
