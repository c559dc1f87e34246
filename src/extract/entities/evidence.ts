/**
 * A mention's kind weighed from evidence when no decisive rule applies (step 3, see classify.ts):
 * points for person, organisation and place from the gazetteers, the part-of-speech tags and the
 * words around the mention; the best score wins, and it is strong from 1.5 points. With no
 * evidence at all, a lone word is a guess (a surname when name lists know it, else a company or
 * a club).
 */
import { nth } from '../text/nth.js';
import { CORE_ROLES } from '../text/roles.js';
import type { ArticleContext, Candidate, Kind } from './context.js';
import { cityPopulation, countryFor, isOtherPlace, PEOPLE_NAMES } from './gazetteer/lookup.js';
import type { Surroundings, Verdict } from './surroundings.js';
import { isAcronym, isCommonWord, isFirstName, isRole, lexTags } from './word-classes.js';

/** Words before a name that point to a place less surely than "in". */
const TOWARDS_PLACE = new Set(
  'near at from to into across outside inside throughout towards toward'.split(' '),
);
const SPEECH_AFTER = new Set(['said', 'says', 'told', 'added', 'asked', 'wrote', 'believes', 'thinks']);
const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'dr', 'dr.']);
const COMPANY_AFTER = new Set(['inc', 'inc.', 'corp', 'ltd']);

/** The kind with the most evidence, or null for a lone common word with none. */
export function weighEvidence(ctx: ArticleContext, c: Candidate, around: Surroundings): Verdict | null {
  const { tokens } = ctx;
  const { ws, surface, first, prevW, next, nextW, inPlace } = around;
  let per = 0;
  let org = 0;
  let loc = 0;
  // Gazetteers.
  const pop = cityPopulation(surface);
  if (pop >= 100000) loc += 2;
  else if (pop >= 15000) loc += 1;
  else if (pop > 0) loc += 0.3;
  // Person names.
  if (ws.length >= 2 && ws.length <= 4) {
    if (isFirstName(first) || /^\p{Lu}\.$/u.test(first)) per += 2.5;
    else per += 0.8;
  }
  if (ws.length === 1 && isAcronym(first)) org += 1.5;
  // "Ashby", "Whitley": surnames that are also small towns.
  if (ws.length === 1 && pop < 100000 && PEOPLE_NAMES.has(first) && !isCommonWord(first) && !ctx.sports)
    per += 0.4;
  for (let i = c.s; i < c.e; i++) {
    const t = nth(ctx.tags, i);
    if (t.has('Person') || t.has('FirstName') || t.has('LastName')) per += 1 / (c.e - c.s);
    if (t.has('Place') || t.has('City') || t.has('Country') || t.has('Region')) loc += 1 / (c.e - c.s);
    if (t.has('Organization') || t.has('SportsTeam')) org += 1 / (c.e - c.s);
  }
  // Context.
  if (prevW === 'in') loc += 1;
  else if (TOWARDS_PLACE.has(prevW)) loc += 0.5;
  const afterComma = next?.text === ',' ? (tokens[c.e + 1]?.text ?? '') : undefined;
  if (afterComma !== undefined && (countryFor(afterComma) || isOtherPlace(afterComma))) loc += 2;
  if (SPEECH_AFTER.has(nextW)) per += 0.6;
  // "Ann Lee, 34, said": an age in commas.
  if (afterComma !== undefined && /^\d{1,2}$/.test(afterComma) && tokens[c.e + 2]?.text === ',') per += 2;
  if (prevW === 'the' && ws.length >= 1) org += 0.7;
  if (HONORIFICS.has(prevW)) per += 3;
  if (isRole(prevW) && CORE_ROLES.has(prevW)) per += 1.5;
  if (nextW === '(' && isAcronym(tokens[c.e + 1]?.text ?? '')) org += 1.5;
  if (COMPANY_AFTER.has(nextW)) org += 3;
  // Results and tables: "Northshire 22 points", "Eastwick 3 Union Sella 1" — clubs; a
  // person has a first name or an initial; a country is the national team, still a place.
  const personLike = isFirstName(first) || /^\p{Lu}\.$/u.test(first);
  if (/^\d+$/.test(nextW) || (nextW === '(' && isScoreParen(ctx, c.e))) {
    if (personLike && ws.length > 1) per += 2;
    else if (!countryFor(surface) && !isOtherPlace(surface)) org += 1 + loc;
  }
  if (nextW === '(' && countryFor(tokens[c.e + 1]?.text ?? '')) per += 2;
  if (ctx.sports && loc > 0 && !inPlace && loc >= per) {
    org += loc + 0.5;
  }
  const best = Math.max(per, org, loc);
  if (best <= 0) {
    // Nothing known: lone capitalised words in news are mostly surnames or organisations.
    if (ws.length === 1 && isCommonWord(first)) return null;
    // A lone word is a surname when name lists know it; otherwise mostly a company or a club.
    const personal =
      PEOPLE_NAMES.has(first) ||
      lexTags(first).some((t) => t === 'LastName' || t === 'Person') ||
      nth(ctx.tags, c.s).has('Person');
    const kind: Kind =
      ws.length === 1 && isAcronym(first)
        ? 'organization'
        : ws.length === 1 && personal
          ? 'person'
          : ws.length === 1
            ? 'organization'
            : 'person';
    return { kind, strong: false, guess: ws.length === 1 && !isAcronym(first) };
  }
  const strong = best >= 1.5;
  if (best === loc) return { kind: 'place', strong };
  if (best === per) return { kind: 'person', strong };
  return { kind: 'organization', strong };
}

/** "( 2 )" style counts after a name in a results line. */
function isScoreParen(ctx: ArticleContext, i: number): boolean {
  return /^\d/.test(ctx.tokens[i + 1]?.text ?? '');
}
