/**
 * Places named outside the body: the wire dateline ("EASTWICK, Ohio, March 3") and the headline.
 * They count as mentions of the article's place entities (`datelineMentions`, `titleMentions`)
 * without offsets, since they are not in the body; a place named only there becomes an entity of
 * its own, so that the article is found under that place and its country.
 *
 * The dateline's names before the date are places by position, each looked up as a country, a
 * region or a city. The headline is read more carefully (a capitalised headline word may be
 * anything): only country names, regions and demonyms ("Argentine", "West German") count there,
 * each as a mention of its country.
 */
import type { ArticleEntity } from '../../model/documents.js';
import {
  cityPopulation,
  countryFor,
  countryForDemonym,
  isOtherPlace,
  placeCountry,
} from './gazetteer/lookup.js';

const MONTH = /,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d.*$/;

/** "NEW YORK" → "New York"; mixed case stays as written. */
function titleCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase())
    .replace(/\s(Of|The|And)\s/g, (m) => m.toLowerCase());
}

/** The place names of a dateline, canonical (a country's own name), in order. */
export function datelinePlaceNames(dateline: string): string[] {
  const head = dateline.replace(MONTH, '').trim();
  const out: string[] = [];
  for (const piece of head.split(',')) {
    const name = titleCase(piece.trim().replace(/\.$/, ''));
    if (!name) continue;
    const country = countryFor(name);
    if (country) out.push(country);
    else if (isOtherPlace(name) || cityPopulation(name) > 0) out.push(name);
  }
  return out;
}

/** The countries a headline names, by name or demonym (one- to three-word spans), in order. */
export function headlineCountries(title: string): string[] {
  const words = title
    .split(/[^\p{L}.'’-]+/u)
    .filter(Boolean)
    .map((w) => w.replace(/\.$/, (m) => (/^(?:\p{L}\.)+$/u.test(w) ? m : '')));
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const n of [3, 2, 1]) {
      if (i + n > words.length) continue;
      const span = titleCase(words.slice(i, i + n).join(' '));
      // A lone all-capitals word of two letters is no country in a headline ("US" aside).
      const found =
        countryFor(span) ?? countryForDemonym(span) ?? (n > 1 && isOtherPlace(span) ? span : undefined);
      if (!found || (span.length < 3 && span !== 'Us')) continue;
      out.push(found);
      i += n - 1;
      break;
    }
  }
  return out;
}

/** Adds the dateline's and headline's place mentions to the article's entities. */
export function addOutsideMentions(entities: ArticleEntity[], dateline?: string, title?: string): void {
  const placeNamed = (name: string) => {
    let e = entities.find((x) => x.kind === 'place' && x.name === name);
    if (!e) {
      e = { name, kind: 'place', aliases: [], mentions: [] };
      const country = placeCountry(name);
      if (country) e.country = country;
      entities.push(e);
    }
    return e;
  };
  if (dateline)
    for (const name of datelinePlaceNames(dateline)) {
      const e = placeNamed(name);
      e.datelineMentions = (e.datelineMentions ?? 0) + 1;
    }
  if (title)
    for (const name of headlineCountries(title)) {
      const e = placeNamed(name);
      e.titleMentions = (e.titleMentions ?? 0) + 1;
    }
}
