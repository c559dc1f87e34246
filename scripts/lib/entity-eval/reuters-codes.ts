/**
 * Reuters-21578's place codes (lower-case country names: `usa`, `west-germany`, `ussr`) mapped to
 * the ISO 3166 alpha-2 codes that the product's place entities carry. Derived from world-countries'
 * names, plus the codes Reuters spells otherwise and the states of 1987 that no longer exist, each
 * accepting its own historical code and its successors' (a city resolves to the country it is in
 * today: Moscow to RU, where the wire tagged the USSR). Evaluation code only.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Country {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const SOVIET = [
  'SU',
  'RU',
  'UA',
  'BY',
  'KZ',
  'UZ',
  'GE',
  'AZ',
  'AM',
  'LT',
  'LV',
  'EE',
  'MD',
  'KG',
  'TJ',
  'TM',
];

/** Codes Reuters writes that are not a world-countries name, and historical states. */
const SPECIAL: Record<string, string[]> = {
  usa: ['US'],
  uk: ['GB'],
  uae: ['AE'],
  turkey: ['TR'],
  'west-germany': ['DE'],
  'east-germany': ['DD', 'DE'],
  ussr: SOVIET,
  yugoslavia: ['YU', 'RS', 'HR', 'SI', 'BA', 'MK', 'ME', 'XK'],
  czechoslovakia: ['CS', 'CZ', 'SK'],
  zaire: ['ZR', 'CD'],
  'yemen-arab-republic': ['YE'],
  'yemen-demo-republic': ['YE'],
  'trinidad-tobago': ['TT'],
  'us-virgin-islands': ['VI'],
  kampuchea: ['KH'],
  antigua: ['AG'],
  burma: ['BU', 'MM'],
};

let byName: Map<string, string> | null = null;

/** The ISO codes a Reuters place code accepts, or null for a code the table does not know. */
export function isoCodesFor(code: string): string[] | null {
  if (SPECIAL[code]) return SPECIAL[code]!;
  if (!byName) {
    byName = new Map();
    for (const c of require('world-countries') as Country[]) {
      for (const n of [c.name.common, c.name.official, ...c.altSpellings]) {
        if (!byName.has(slug(n))) byName.set(slug(n), c.cca2);
      }
    }
  }
  const iso = byName.get(code);
  return iso ? [iso] : null;
}
