import { describe, expect, it } from 'vitest';
import {
  ARTICLE_ABBREVIATIONS,
  PREFIX_ABBREVIATIONS,
  WORD_ABBREVIATIONS,
} from '../../../../src/extract/text/abbreviations.js';
import { tokenize } from '../../../../src/extract/text/article-tokens.js';
import { nth } from '../../../../src/extract/text/nth.js';
import { CORE_ROLES, NAME_TITLES, ROLE_PREFIXES, SPEAKER_ROLES } from '../../../../src/extract/text/roles.js';
import { flaggedTable, subset, wordSet } from '../../../../src/extract/text/vocabulary.js';
import { tokenizeWords } from '../../../../src/extract/text/word-tokens.js';

// All sentences below are invented for these tests.

describe('word tables', () => {
  it('reads flags and words line by line, skipping blank lines and comments', () => {
    const table = flaggedTable(`
      ab  harbour pier
      # a comment line
      b   quay
    `);
    expect([...subset(table, 'a')]).toEqual(['harbour', 'pier']);
    expect([...subset(table, 'b')]).toEqual(['harbour', 'pier', 'quay']);
    expect(subset(table, 'c').size).toBe(0);
  });

  it('refuses a word written on two lines', () => {
    expect(() => flaggedTable('a pier\nb quay pier')).toThrow(/"pier" is on two lines/);
  });

  it('reads a plain list across lines', () => {
    expect([...wordSet('  harbour\n  pier quay  ')]).toEqual(['harbour', 'pier', 'quay']);
  });
});

describe('the role vocabulary', () => {
  it('gives each caller its own subset of one list', () => {
    // Offices every caller knows.
    for (const subsetOf of [ROLE_PREFIXES, SPEAKER_ROLES, NAME_TITLES, CORE_ROLES]) {
      expect(subsetOf.has('mayor')).toBe(true);
    }
    // Sport roles split a name off in entities; they describe no speaker in quotes.
    expect(ROLE_PREFIXES.has('goalkeeper') && CORE_ROLES.has('goalkeeper')).toBe(true);
    expect(SPEAKER_ROLES.has('goalkeeper')).toBe(false);
    // Media roles describe a speaker; entities do not split them off a name.
    expect(SPEAKER_ROLES.has('columnist')).toBe(true);
    expect(ROLE_PREFIXES.has('columnist')).toBe(false);
  });
});

describe('the abbreviation list', () => {
  it('keeps the period where each tokeniser needs it', () => {
    expect(ARTICLE_ABBREVIATIONS.has('messrs') && !WORD_ABBREVIATIONS.has('messrs')).toBe(true);
    expect(WORD_ABBREVIATIONS.has('calif') && !ARTICLE_ABBREVIATIONS.has('calif')).toBe(true);
    expect([...PREFIX_ABBREVIATIONS].every((w) => ARTICLE_ABBREVIATIONS.has(w))).toBe(true);
  });

  it('does not end a sentence after a title, but may after another abbreviation', () => {
    const afterTitle = tokenize('Talks went on with Gen. Harlan Voss today.');
    expect(afterTitle.map((t) => t.text)).toContain('Gen.');
    expect(new Set(afterTitle.map((t) => t.sentence)).size).toBe(1);
    const afterCompany = tokenize('The shipyard sold its stake to Brill Marine Inc. The deal closed.');
    const the = afterCompany.find((t) => t.text === 'The' && t.start > 0)!;
    expect(the.first).toBe(true);
    expect(the.sentence).toBe(1);
  });

  it('keeps a state abbreviation whole in word tokens', () => {
    const words = tokenizeWords('said Rep. Ana Ruiz (D-Calif.), who', 0, 35);
    expect(words.map((t) => t.text)).toEqual(['said', 'Rep.', 'Ana', 'Ruiz', 'D-Calif', 'who']);
    expect(tokenizeWords('from Eureka, Calif. to', 0, 22).map((t) => t.text)).toContain('Calif.');
  });
});

describe('nth', () => {
  it('returns an element in range and throws outside it', () => {
    expect(nth(['a', 'b'], 1)).toBe('b');
    expect(() => nth(['a', 'b'], 2)).toThrow(RangeError);
    expect(() => nth([], 0)).toThrow(RangeError);
  });
});
