/**
 * The gazetteer extraction looks words up in, loaded once when the module is (from the cache
 * file when it is current, see cache.ts), and the lookups the entity steps use. Only the Node
 * build loads it, never the Worker.
 */
import { loadGazetteer } from './cache.js';
import { foldKey } from './derive.js';

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
