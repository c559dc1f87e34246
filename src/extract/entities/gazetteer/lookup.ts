/**
 * The gazetteer extraction looks words up in, loaded once when the module is (from the cache
 * file when it is current, see cache.ts), and the lookups the entity steps use. Only the Node
 * build loads it, never the Worker.
 */

import type { CountryRef } from '../../../model/documents.js';
import { loadGazetteer } from './cache.js';
import { foldKey } from './derive.js';
import { FORMER_STATES } from './region-country.js';

export { foldKey };

const gazetteer = loadGazetteer();

export const COUNTRY_BY_NAME = gazetteer.countryByName;
export const COUNTRY_BY_DEMONYM = gazetteer.countryByDemonym;
export const OTHER_PLACES = gazetteer.otherPlaces;
export const ENGLISH_WORDS = gazetteer.englishWords;
export const PEOPLE_NAMES = gazetteer.peopleNames;
export const LEXICON = gazetteer.lexicon;

export function countryFor(surface: string): string | undefined {
  return COUNTRY_BY_NAME.get(foldKey(surface));
}
export function countryForDemonym(surface: string): string | undefined {
  return COUNTRY_BY_DEMONYM.get(foldKey(surface));
}
/** The largest population among cities of that name; 0 for none. */
export function cityPopulation(surface: string): number {
  const k = gazetteer.cityNames.indexOf(foldKey(surface));
  return k < 0 ? 0 : gazetteer.cityPopulation[k]!;
}
export function isOtherPlace(surface: string): boolean {
  return OTHER_PLACES.has(foldKey(surface));
}

const nameOfCode = new Map<string, string>(Object.entries(FORMER_STATES));
for (const [name, code] of gazetteer.countryCode) if (!nameOfCode.has(code)) nameOfCode.set(code, name);
// A region's own entry must not name the country ("West Germany" is Germany's, not its name).
for (const [name, code] of gazetteer.countryCode) if (countryFor(name) === name) nameOfCode.set(code, name);

/** A town this large is known by its name even where the name is also a word ("Paris", "Manila"). */
const BIG_CITY = 100000;

/**
 * The country a place is, or lies in, as an ISO 3166 code and name: a country by its name, a
 * region or former state by region-country.ts, else the largest city of that name. Undefined
 * when the name is none of these.
 */
export function placeCountry(name: string): CountryRef | undefined {
  const country = countryFor(name);
  let code = gazetteer.countryCode.get(country ?? name);
  // A city's country, unless the name is a region spanning countries ("Asia") or an ordinary word
  // ("One", "Federal") with no large town of that name.
  if (!code && !isOtherPlace(name)) {
    const k = gazetteer.cityNames.indexOf(foldKey(name));
    const word = ENGLISH_WORDS.has(name.toLowerCase());
    if (k >= 0 && (!word || gazetteer.cityPopulation[k]! >= BIG_CITY))
      code = gazetteer.cityCountry.slice(2 * k, 2 * k + 2);
  }
  if (!code || code === '--') return undefined;
  const countryName = nameOfCode.get(code);
  return countryName ? { code, name: countryName } : undefined;
}
