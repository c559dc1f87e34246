/**
 * What a single word is, by the gazetteers, compromise's lexicon and the word lists: a common
 * English word, a first name, an acronym, a nationality, a role, a head word, a place. Every
 * step of entity extraction asks these; none of them looks at context.
 */
import { nth } from '../text/nth.js';

import { CORE_ROLES, NAME_TITLES, ROLE_PREFIXES, SPEAKER_ROLES } from '../text/roles.js';
import {
  COUNTRY_BY_DEMONYM,
  cityPopulation,
  countryFor,
  countryForDemonym,
  ENGLISH_WORDS,
  foldKey,
  isOtherPlace,
  LEXICON,
  PEOPLE_NAMES,
} from './gazetteer/lookup.js';
import { EXTRA_DEMONYMS, MISC_HEADS, ORG_HEADS, PARTY_MEMBERS, PLACE_HEADS } from './words.js';

export const NAME_TAGS = new Set([
  'FirstName',
  'MaleName',
  'FemaleName',
  'LastName',
  'Person',
  'City',
  'Country',
  'Place',
  'Region',
  'Organization',
  'SportsTeam',
  'ProperNoun',
  'Demonym',
]);
export function lexTags(word: string): string[] {
  const v = LEXICON[word.toLowerCase()];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
/** A word English uses in lower case (compromise's lexicon knows it and not as a name). */
export function isCommonWord(word: string): boolean {
  const tags = lexTags(word);
  return tags.length > 0 && !tags.some((t) => NAME_TAGS.has(t));
}
export function isFirstName(word: string): boolean {
  return lexTags(word).some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName');
}

// Patterns made once, outside the word tests: these run for every token, several times.
const CAPITAL_FIRST = /^\p{Lu}/u;
const A_LETTER = /\p{L}/u;
const ACRONYM = /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}&]{1,5}$/u;
export const isCap = (w: string) => CAPITAL_FIRST.test(w) && A_LETTER.test(w);
export const isAcronym = (w: string) => ACRONYM.test(w);
export const lower = (w: string) => w.toLowerCase();
export const isDemonymWord = (w: string) =>
  COUNTRY_BY_DEMONYM.has(foldKey(w)) || EXTRA_DEMONYMS.has(lower(w)) || lexTags(w).includes('Demonym');

/** True when a mention's text is a nationality word (a demonym mention of a place). */
export function isDemonymMention(text: string): boolean {
  return countryForDemonym(text) !== undefined || isDemonymWord(text);
}

/** Role words that may head a person's name, the role chain ending at the name. */
export function isRole(w: string) {
  return ROLE_PREFIXES.has(lower(w));
}

/** A word of the role vocabulary, whichever caller knows it ("sheriff", "officer", "adm."). */
export function isAnyRole(w: string) {
  const l = lower(w);
  return ROLE_PREFIXES.has(l) || SPEAKER_ROLES.has(l) || NAME_TITLES.has(l) || CORE_ROLES.has(l);
}

/**
 * A given name: compromise's first names, or a name of the people-name list that is no English
 * word and no place ("Trayvon", "Witold").
 */
export function isGivenName(w: string): boolean {
  return isFirstName(w) || (PEOPLE_NAMES.has(w) && !ENGLISH_WORDS.has(lower(w)) && !isPlaceName(w));
}

export function isHead(w: string) {
  const l = lower(w);
  return ORG_HEADS.has(l) || PLACE_HEADS.has(l) || MISC_HEADS.has(l);
}

/** A run that reads as a person's name: a known first name or an initial first. */
export function personLikeRun(ws: string[]): boolean {
  return ws.length >= 2 && (isFirstName(nth(ws, 0)) || /^\p{Lu}\.$/u.test(nth(ws, 0)));
}

/**
 * A capitalised plural that names a team ("Herons", "Sox", "Blue Jays"): not a place's or a
 * nation's word.
 */
export function isTeamTail(w: string): boolean {
  if (w === 'Sox') return true;
  if (!/^\p{Lu}\p{Ll}{2,}s$/u.test(w) || /(?:ss|us|is)$/.test(w)) return false;
  const l = lower(w);
  return (
    !PLACE_HEADS.has(l) &&
    !ORG_HEADS.has(l) &&
    !isOtherPlace(w) &&
    !countryFor(w) &&
    !isDemonymWord(w.slice(0, -1)) &&
    !PARTY_MEMBERS.has(l) &&
    cityPopulation(w) === 0
  );
}

export function isPlaceName(t: string): boolean {
  return !!countryFor(t) || isOtherPlace(t) || cityPopulation(t) >= 100000;
}
