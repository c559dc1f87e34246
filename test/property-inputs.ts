/**
 * Generated query texts for the property tests and the fuzz requests (test/contract/requests.ts):
 * any Unicode, control characters, lone surrogates, unbalanced quotes and operators.
 */
import fc from 'fast-check';

const WORDS = [
  'vote',
  'harbor',
  'bridge',
  'kovacevic',
  'Kovačević',
  'zelensk',
  'long-range',
  'U.S.',
  'the',
  'council',
  'İstanbul',
  'straße',
  'ﬁnance',
  '東京',
  'مرحبا',
  '👩🏽‍💻',
  'a',
  'ab',
  'abc',
];
const OPERATORS = [
  '"',
  '-',
  '-"',
  '""',
  '" "',
  '*',
  '?',
  '~',
  '^',
  '+',
  ':',
  '(',
  ')',
  'AND',
  'OR',
  'NOT',
  '\\',
  '%',
  '%00',
  '&',
  '=',
  '#',
  '/',
  '..',
  "'",
  '`',
  '<script>',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u200b',
  '\u200e',
  '\u2028',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
];
const SPACES = [' ', ' ', ' ', '\t', '\n', '\r\n', '\u00a0', '\u3000'];

/** Query-language-like text: words, operators and spaces in any order, quotes unbalanced or not. */
export const queryLike = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 3, arbitrary: fc.constantFrom(...SPACES) },
      { weight: 3, arbitrary: fc.constantFrom(...OPERATORS) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }) },
    ),
    { maxLength: 48 },
  )
  .map((parts) => parts.join(''));

/** Any text at all, short or up to and beyond the q limit. */
export const anyText = fc.oneof(
  { weight: 5, arbitrary: queryLike },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 500, maxLength: 600 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '"',
      '-',
      '---',
      '""""',
      '" -"',
      '-"',
      'a'.repeat(512),
      'ab '.repeat(40),
      'abcde '.repeat(33),
    ),
  },
);
