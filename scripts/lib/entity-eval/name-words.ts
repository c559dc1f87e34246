/**
 * The evaluation's own idea of which words may not stand in a person's or an organisation's name,
 * built from word lists that the extractor does not clean names with: compromise's lexicon read by
 * tag (honorifics, weekdays, months, pronouns, conjunctions, prepositions, determiners, question
 * words), stopword's English list, the product's role vocabulary (src/extract/text/roles.ts, every
 * caller's subset), party words, and world-countries plus the US states for places of office. The
 * code that applies them is this file's, so an extractor change that only moves its own cleaning
 * cannot make the check pass.
 */
import { createRequire } from 'node:module';
import { eng as STOP_WORDS } from 'stopword';
import { NAME_TITLES, ROLE_PREFIXES, SPEAKER_ROLES } from '../../../src/extract/text/roles.js';
import { GENERATION_SUFFIXES } from './people.js';

const require = createRequire(import.meta.url);

interface Country {
  name: { common: string; official: string };
  demonyms?: { eng?: { m?: string; f?: string } };
}

function lexiconByTag(): Map<string, Set<string>> {
  const nlp = require('compromise') as {
    world(): { model: { one: { lexicon: Record<string, string | string[]> } } };
  };
  const by = new Map<string, Set<string>>();
  for (const [word, tags] of Object.entries(nlp.world().model.one.lexicon)) {
    for (const tag of Array.isArray(tags) ? tags : [tags]) {
      let set = by.get(tag);
      if (!set) by.set(tag, (set = new Set()));
      set.add(word);
    }
  }
  return by;
}

const byTag = lexiconByTag();
const tagged = (...tags: string[]) => new Set(tags.flatMap((t) => [...(byTag.get(t) ?? [])]));

/** Weekdays and months (months only where no name list knows them as a first name). */
export const CALENDAR_WORDS = tagged('WeekDay', 'Month');
export const FIRST_NAMES = tagged('FirstName', 'MaleName', 'FemaleName');
/** Closed-class words: a sentence's words, never a name's. */
export const SENTENCE_WORDS = new Set([
  ...tagged('Pronoun', 'Conjunction', 'Preposition', 'Determiner', 'QuestionWord', 'Adverb', 'Modal'),
  ...STOP_WORDS,
]);
/** Name particles that closed-class lists also hold ("de", "la", "van"): fine inside a name. */
const PARTICLES = new Set(
  'de del della di da du des la le van von der den ter al el bin ibn y dos das'.split(' '),
);
const PARTY_WORDS = new Set(
  'democrat democrats democratic republican republicans gop dem dems independent libertarian'.split(' '),
);
/** Titles and offices: compromise's honorifics and the product's role words of every caller. */
export const TITLE_WORDS = new Set([
  ...tagged('Honorific'),
  ...[...ROLE_PREFIXES, ...SPEAKER_ROLES, ...NAME_TITLES].map((w) => w.replace(/\.$/, '')),
]);
const US_STATES =
  `alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
  idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
  mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
  vermont virginia washington wisconsin wyoming jersey hampshire carolina dakota york`.split(/\s+/);
const COUNTRY_WORDS = new Set([
  ...US_STATES,
  ...(require('world-countries') as Country[]).flatMap((c) =>
    [c.name.common, c.demonyms?.eng?.m ?? '']
      .filter((n) => n && !n.includes(' '))
      .map((n) => n.toLowerCase()),
  ),
]);

const CONTRACTION = /^\p{L}+['’](?:re|ve|ll|d|m|s|t)$|n['’]t$/iu;
const POSSESSIVE = /['’]s?$/u;
/** A trailing mark that is not an initial's or an abbreviation's period. */
const TRAILING_PUNCTUATION =
  /[,;:!?)"“”]$|(?<!^\p{Lu}|^(?:\p{L}\.)+\p{L}|^(?:jr|sr|inc|co|corp|ltd|st|bros|mt|ft))\.$/iu;

const bare = (w: string) => w.toLowerCase().replace(/\.$/, '');

/** Why a name is contaminated, or null when it is clean. */
export function contamination(name: string, kind: 'person' | 'organization'): string | null {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'empty';
  for (const [i, w] of words.entries()) {
    if (CONTRACTION.test(w)) return `contraction "${w}"`;
    const b = bare(w);
    if (CALENDAR_WORDS.has(b) && !(FIRST_NAMES.has(b) && words.length > 1 && i < words.length - 1))
      return `weekday or month "${w}"`;
    if (i === words.length - 1 && POSSESSIVE.test(w) && !/^\p{Lu}['’]\p{Lu}/u.test(w))
      return `possessive "${w}"`;
    if (i === words.length - 1 && TRAILING_PUNCTUATION.test(w)) return `trailing punctuation "${w}"`;
    const particle = (i > 0 || words.length > 1) && PARTICLES.has(b);
    // A generation suffix ends a name ("Ann Lee Jr."), and after a first name any word may be a
    // surname, a role word too ("Ann Singer", "Bo King").
    if (kind === 'person' && i === words.length - 1 && i > 0 && GENERATION_SUFFIXES.has(b)) continue;
    const surnameAfterFirst =
      kind === 'person' && i === words.length - 1 && i > 0 && FIRST_NAMES.has(bare(words[0]!));
    // An initial ("Ann B. Lee") is a letter, whatever word the letter also is.
    if (/^\p{Lu}\.$/u.test(w) && i > 0 && i < words.length - 1) continue;
    // An organisation's name joins its words with function words ("Bank of Kessel", "Friends for
    // Parks"); only its first and last words must be the name's own.
    const inner = kind === 'organization' && i > 0 && i < words.length - 1;
    const firstName = i === 0 && words.length > 1 && FIRST_NAMES.has(b);
    if (
      SENTENCE_WORDS.has(b) &&
      !particle &&
      !firstName &&
      !inner &&
      !surnameAfterFirst &&
      !(kind === 'organization' && b === 'the' && i === 0)
    )
      return `sentence word "${w}"`;
    if (kind !== 'person') continue;
    if (TITLE_WORDS.has(b) && !firstName && !surnameAfterFirst) return `title "${w}"`;
    if (PARTY_WORDS.has(b)) return `party "${w}"`;
    if (i === 0 && words.length > 1 && COUNTRY_WORDS.has(b) && !FIRST_NAMES.has(b)) return `place "${w}"`;
  }
  if (words.length === 1 && SENTENCE_WORDS.has(bare(words[0]!))) return 'function word';
  return null;
}

/** The words of a person's name that say who it is: titles, parties, sentence words and marks removed. */
export function nameWords(name: string): string[] {
  return name
    .replace(/['’]s?$/u, '')
    .split(/\s+/)
    .map((w) => w.replace(/[,;:!?"“”]+$/u, ''))
    .filter((w, i, all) => {
      const b = bare(w);
      if (!w || CALENDAR_WORDS.has(b) || PARTY_WORDS.has(b)) return false;
      if (TITLE_WORDS.has(b) && !(i === 0 && all.length > 1 && FIRST_NAMES.has(b))) return false;
      if (SENTENCE_WORDS.has(b) && !PARTICLES.has(b)) return false;
      // A place of office before a title ("Ohio Gov. ...") is no part of the name either.
      return !(COUNTRY_WORDS.has(b) && i < all.length - 1 && all.length > 2);
    });
}

/** "J." or "J": an initial. */
export const isInitial = (w: string) => /^\p{Lu}\.?$/u.test(w);
