/**
 * Step 2 of entity extraction: a capitalised run cut into mentions. Sentence openers and
 * function words come off its start, nationality words come out (recorded as mentions of their
 * country where they stand for the state), and a role before a person's name is split off
 * ("President Ann Lee" → "Ann Lee"). rolePrefix finds that role again for the alias.
 */
import { nth } from '../text/nth.js';

import { CORE_ROLES, NAME_TITLES } from '../text/roles.js';
import { type ArticleContext, type Candidate, type DemonymMention, spanText, spanWords } from './context.js';
import {
  cityPopulation,
  countryFor,
  countryForDemonym,
  ENGLISH_WORDS,
  isOtherPlace,
} from './gazetteer/lookup.js';
import {
  isAnyRole,
  isCap,
  isCommonWord,
  isDemonymWord,
  isFirstName,
  isGivenName,
  isHead,
  isRole,
  lexTags,
  lower,
  NAME_TAGS,
} from './word-classes.js';
import {
  INSTITUTIONS,
  MISC_HEADS,
  NAME_CONNECTORS,
  NON_ENTITY_ACRONYMS,
  NON_NAME_WORDS,
  ORG_HEADS,
  STATE_NOUNS,
} from './words.js';

/**
 * The mentions in capitalised run [s, e): demonyms standing for their state go to `demonyms`,
 * and a run that names nothing indexable (only roles, an acronym for a measure, an event) gives none.
 */
export function splitRun(ctx: ArticleContext, s: number, e: number, demonyms: DemonymMention[]): Candidate[] {
  const { tokens } = ctx;
  // Leading sentence words and function words.
  while (s < e) {
    const w = nth(tokens, s).text;
    const lw = lower(w);
    if (CONTRACTION.test(w)) {
      s++;
      continue;
    }
    if (NON_NAME_WORDS.has(lw) && !(lw === 'the' && s + 1 < e && countryFor(spanText(ctx, s, e)))) {
      s++;
      continue;
    }
    if (
      nth(tokens, s).first &&
      isSentenceWord(ctx, s) &&
      !isDemonymWord(w) &&
      !(s + 1 < e && startsKnownName(ctx, s, e))
    ) {
      s++;
      continue;
    }
    break;
  }
  if (s >= e) return [];
  // A day or month after a name is the sentence's date ("Ann Lee Friday"), unless the words before
  // it are ordinary words and the whole names an event ("Super Tuesday", "Black Friday").
  if (e - s > 1 && CALENDAR.has(lower(nth(tokens, e - 1).text))) {
    const before = nth(tokens, e - 2).text;
    if (ENGLISH_WORDS.has(lower(before)) && !isFirstName(before) && cityPopulation(before) < 100000)
      return [];
    return splitRun(ctx, s, e - 1, demonyms);
  }
  // Demonyms: "South Korean", "Chilean" — record where they stand for the state, never a run.
  const knownAt = (i: number) => [3, 2].some((n) => i + n <= e && startsKnownName(ctx, i, i + n));
  const orgRun = ORG_HEADS.has(lower(nth(tokens, e - 1).text)) && e - s > 1;
  for (let i = s; i < e; i++) {
    if (knownAt(i)) {
      i++;
      continue;
    }
    if (orgRun) break;
    for (const len of [2, 1]) {
      if (i + len > e) continue;
      const country = countryForDemonym(spanText(ctx, i, i + len));
      if (!country && !(len === 1 && isDemonymWord(nth(tokens, i).text))) continue;
      if (len === 2 && !country) continue;
      const parts: Candidate[] = [];
      if (i > s) parts.push(...splitRun(ctx, s, i, demonyms));
      const after = i + len;
      if (country && STATE_NOUNS.has(tokens[after] ? lower(tokens[after].text) : ''))
        demonyms.push({ i, e: after, country });
      // "Chilean Foreign Ministry": the rest is an organisation on its own only with a head word.
      if (after < e) parts.push(...splitRun(ctx, after, e, demonyms));
      return parts;
    }
  }
  // Roles: "President Ann Lee", "Bank of Kessel Governor Bo Chen".
  for (let p = e - 2; p >= s; p--) {
    const name = spanWords(ctx, p + 1, e);
    // A given name and a surname after any role word of the vocabulary ("Sheriff Ann Lee",
    // "Petty Officer Bo King"): the surname may be a role word too.
    const given =
      name.length >= 2 && name.length <= 4 && (isGivenName(nth(name, 0)) || /^\p{Lu}\.$/u.test(nth(name, 0)));
    if (!isRole(nth(tokens, p).text) && !(given && isAnyRole(nth(tokens, p).text))) continue;
    if (
      name.length > 4 ||
      name.some((w, i) => (isRole(w) || isHead(w)) && !(given && i === name.length - 1)) ||
      NAME_CONNECTORS.has(nth(name, 0))
    )
      break;
    if (countryFor(name.join(' ')) || isOtherPlace(name.join(' '))) break;
    let q = p;
    while (q > s && (isRole(nth(tokens, q - 1).text) || (given && isAnyRole(nth(tokens, q - 1).text)))) q--;
    // A qualifier alone ("Republican", "State", "Gov.") is a role only before what is surely a
    // person's name: a known first name and a surname, or one or two names after a title.
    const core = spanWords(ctx, q, p + 1).some((w) => CORE_ROLES.has(lower(w)));
    const title = NAME_TITLES.has(lower(nth(tokens, p).text));
    if (!core && !given && !(title && name.length <= 2)) break;
    const parts: Candidate[] = [];
    if (q > s) parts.push(...splitRun(ctx, s, q, demonyms));
    parts.push({ s: p + 1, e, kind: 'person', strong: true, decided: true });
    return parts;
  }
  const ws = spanWords(ctx, s, e);
  if (ws.every((w) => isRole(w) || CORE_ROLES.has(lower(w)))) return [];
  if (ws.length === 1 && NON_ENTITY_ACRONYMS.has(lower(nth(ws, 0))) && ws[0] === nth(ws, 0).toUpperCase())
    return [];
  // A lone letter ("N / A", "Union Sella (N)", "S. Korean") is no name.
  if (ws.length === 1 && /^\p{Lu}\.?$/u.test(nth(ws, 0))) return [];
  if (MISC_HEADS.has(lower(nth(ws, ws.length - 1)))) return [];
  return [{ s, e, kind: null, strong: false }];
}

/** Closed-class words, by compromise's lexicon: a sentence opener, never the start of a role. */
const SENTENCE_TAGS = new Set([
  'Adverb',
  'Conjunction',
  'Preposition',
  'Determiner',
  'Pronoun',
  'QuestionWord',
]);

/** "We’re", "Don't": a pronoun or verb with its contraction, never a name. */
const CONTRACTION = /^\p{L}+['’](?:re|ve|ll|d|m)$|n['’]t$/iu;
const CALENDAR = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december'.split(
    ' ',
  ),
);

/** Whether the sentence's first word is an ordinary word capitalised by position. */
function isSentenceWord(ctx: ArticleContext, i: number): boolean {
  const w = nth(ctx.tokens, i).text;
  if (countryFor(w) || isOtherPlace(w) || INSTITUTIONS.has(lower(w))) return false;
  if (ctx.lowerSeen.has(lower(w))) return true;
  if (isCommonWord(w) && !isFirstName(w)) return true;
  if (
    ENGLISH_WORDS.has(lower(w)) &&
    !isFirstName(w) &&
    cityPopulation(w) < 100000 &&
    !lexTags(w).some((t) => NAME_TAGS.has(t))
  )
    return true;
  const tg = nth(ctx.tags, i);
  if (
    tg.has('Verb') ||
    tg.has('Adverb') ||
    tg.has('Adjective') ||
    tg.has('Pronoun') ||
    tg.has('Determiner') ||
    tg.has('Preposition') ||
    tg.has('Conjunction')
  )
    return true;
  return /^\p{Lu}\p{Ll}+(?:ly|ing)$/u.test(w) && cityPopulation(w) === 0;
}

function startsKnownName(ctx: ArticleContext, s: number, e: number): boolean {
  const t = spanText(ctx, s, e);
  return !!countryFor(t) || isOtherPlace(t) || INSTITUTIONS.has(lower(t));
}

/**
 * Start token of the role written before a person's name ("Kremlin spokesman", "Chilean
 * President"), or null. The prefix holds at least one role word and may start with capitalised
 * words (an organisation, a place, a nationality) or a possessive.
 */
export function rolePrefix(ctx: ArticleContext, s: number): number | null {
  const { tokens } = ctx;
  let i = s - 1;
  let sawRole = false;
  let start: number | null = null;
  while (i >= 0 && nth(tokens, i).sentence === nth(tokens, s).sentence) {
    const w = nth(tokens, i).text;
    // Right before the name any role word counts ("Sheriff Ann Lee"); further back, the chain's.
    if (isRole(w) || (i === s - 1 && isAnyRole(w) && isCap(w))) {
      sawRole = true;
      start = i;
      i--;
      continue;
    }
    // "Secretary of State", "Minister of Finance": an office named by what it is of.
    if (w === 'of' && sawRole && i > 0 && isRole(nth(tokens, i - 1).text)) {
      i--;
      continue;
    }
    break;
  }
  if (!sawRole || start === null) return null;
  // Capitalised words (organisation, place, nationality) and possessives before the role.
  let j = start - 1;
  while (j >= 0 && nth(tokens, j).sentence === nth(tokens, s).sentence) {
    const w = nth(tokens, j).text;
    if ((w === "'s" || w === '’s') && j > 0 && isCap(nth(tokens, j - 1).text)) {
      j--;
      continue;
    }
    if (isCap(w) && !nth(tokens, j).first) {
      start = j;
      j--;
      continue;
    }
    // A sentence may open with the organisation: "Ministry spokesman Oskar Lepp".
    const tg = nth(ctx.tags, j);
    if (
      isCap(w) &&
      !NON_NAME_WORDS.has(lower(w)) &&
      !lexTags(w).some((t) => SENTENCE_TAGS.has(t)) &&
      !['Verb', 'Adverb', 'Pronoun', 'Determiner', 'Preposition', 'Conjunction'].some((t) => tg.has(t))
    )
      start = j;
    break;
  }
  return start;
}
