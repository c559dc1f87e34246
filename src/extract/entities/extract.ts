/**
 * People, organisations and places named in one article, with aliases merged within the article.
 *
 * Rules plus gazetteers plus compromise's part-of-speech lexicon; no statistical model. The steps:
 * capitalised runs → split off roles, nationalities and leading sentence words → classify each run
 * from gazetteers, head words and context → make the types consistent across the article (a
 * surname takes its full name's type, a headline in capitals reuses what the body found) → merge
 * aliases into entities.
 *
 * Decisions worth knowing:
 * - A person's mention covers the name only ("Dmitry Peskov"); the role-prefixed form ("Kremlin
 *   spokesman Dmitry Peskov") is recorded as an alias, and the organisation or place inside the
 *   prefix is extracted on its own.
 * - A demonym counts as a mention of its country only where it stands for the state: before a
 *   word of government, armed forces, leadership or the economy ("Ukrainian forces", "the Russian
 *   government", "Russian President ..."). "North Koreans joining", "Russian novelist" do not.
 *   The demonym is then an alias of the place. isDemonymMention tells such mentions apart.
 * - Seats used for institutions ("the Kremlin", "White House") are organisations (CoNLL calls
 *   them places; the seed article's gold, which this follows, calls them organisations).
 * - Aliases are the distinct surface forms other than the canonical name.
 */
import { createRequire } from 'node:module';
import type Nlp from 'compromise';
import type { ArticleEntity, EntityKind } from '../../model/documents.js';
import { type Token, tokenize } from '../text/article-tokens.js';
import { CORE_ROLES, ROLE_PREFIXES } from '../text/roles.js';
import { resolveSpeaker as resolveWritten } from './corpus-merge.js';
import {
  COUNTRY_BY_DEMONYM,
  cityPopulation,
  countryFor,
  countryForDemonym,
  ENGLISH_WORDS,
  foldKey,
  isOtherPlace,
  LEXICON,
  PEOPLE_NAMES,
} from './gazetteer.js';
import {
  EXTRA_DEMONYMS,
  INSTITUTION_PLACES,
  INSTITUTIONS,
  MISC_HEADS,
  NAME_CONNECTORS,
  NON_ENTITY_ACRONYMS,
  NON_NAME_WORDS,
  ORG_FIRST,
  ORG_HEADS,
  ORG_HEADS_BEFORE_OF,
  ORG_HEADS_WITH_AND,
  ORG_NOUNS_AFTER,
  ORG_ROLE_AFTER,
  PLACE_FIRST,
  PLACE_HEADS,
  PLACE_NOUNS_AFTER,
  PLACE_NOUNS_BEFORE_OF,
} from './words.js';

export { entityId, type MergedEntities, mergeCorpusEntities, slug } from './corpus-merge.js';

/**
 * Id (`${kind}-${slug}`) of the article entity a name as written refers to — a quote's speaker
 * ("Peskov", "Kremlin spokesman Dmitry Peskov"), or a country's other spelling ("U.S.") — or null.
 */
export function resolveSpeaker(name: string, articleEntities: ArticleEntity[]): string | null {
  const country = countryFor(name.trim().replace(/^the\s+/i, ''));
  return resolveWritten(country ?? name, articleEntities);
}

export interface ExtractOptions {
  /** Headline; full names in it help resolve surnames in the body. */
  title?: string;
  /** Run compromise's tagger (default true). Off is about 7x faster and 1-2 F1 points less accurate on CoNLL. */
  tagger?: boolean;
}

type Kind = EntityKind;

/** Home nations that field national teams: places, not clubs, in results. */
const NATIONS = new Set(['england', 'scotland', 'wales', 'northern ireland']);

/** Plural nouns for political followers: miscellaneous, not organisations. */
const PARTY_MEMBERS = new Set(
  'democrats republicans communists socialists conservatives liberals islamists tories nationalists separatists loyalists'.split(
    ' ',
  ),
);

/** Words after a demonym that make it stand for the state. */
const STATE_NOUNS = new Set(
  'government governments forces force troops army military navy air-force president prime leader leaders officials official authorities administration regime war economy parliament ministry minister embassy border territory side state capital central police security intelligence diplomat diplomats delegation spokesman spokeswoman foreign defence defense finance interior counterpart counterparts'.split(
    ' ',
  ),
);

interface Tags {
  has(tag: string): boolean;
}
const NO_TAGS: Tags = { has: () => false };

interface Candidate {
  /** Token range [s, e). */
  s: number;
  e: number;
  kind: Kind | null;
  /** How sure the local evidence is; weak ones take the article-wide majority. */
  strong: boolean;
  /** A guess from no evidence at all (an unknown lone word): counts least in the majority. */
  guess?: boolean;
}

const NAME_TAGS = new Set([
  'FirstName',
  'MaleName',
  'FemaleName',
  'LastName',
  'Person',
  'City',
  'Country',
  'Place',
  'Region',
  'Organization',
  'SportsTeam',
  'ProperNoun',
  'Demonym',
]);
function lexTags(word: string): string[] {
  const v = LEXICON[word.toLowerCase()];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
/** A word English uses in lower case (compromise's lexicon knows it and not as a name). */
function isCommonWord(word: string): boolean {
  const tags = lexTags(word);
  return tags.length > 0 && !tags.some((t) => NAME_TAGS.has(t));
}
function isFirstName(word: string): boolean {
  return lexTags(word).some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName');
}

const isCap = (w: string) => /^\p{Lu}/u.test(w) && /\p{L}/u.test(w);
const isAcronym = (w: string) => /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}&]{1,5}$/u.test(w);
const lower = (w: string) => w.toLowerCase();
const isDemonymWord = (w: string) =>
  COUNTRY_BY_DEMONYM.has(foldKey(w)) || EXTRA_DEMONYMS.has(lower(w)) || lexTags(w).includes('Demonym');

/** True when a mention's text is a nationality word (a demonym mention of a place). */
export function isDemonymMention(text: string): boolean {
  return countryForDemonym(text) !== undefined || isDemonymWord(text);
}

const require = createRequire(import.meta.url);
let nlp: typeof Nlp | null = null;

function tagTokens(body: string, tokens: Token[], useTagger: boolean): Tags[] {
  const out: Tags[] = tokens.map(() => NO_TAGS);
  if (!useTagger) return out;
  const byStart = new Map<number, number>();
  tokens.forEach((t, i) => {
    byStart.set(t.start, i);
  });
  // Loaded on first use: extraction without the tagger needs only the lexicon (from the gazetteer
  // cache). The CommonJS build, because require is synchronous; it is the same code as the ES modules.
  nlp ??= require('compromise') as typeof Nlp;
  const doc = nlp(body);
  doc.compute('offset');
  const sentences = (
    doc as unknown as { document: Array<Array<{ tags: Set<string>; offset: { start: number } }>> }
  ).document;
  for (const sentence of sentences) {
    for (const term of sentence) {
      const i = byStart.get(term.offset.start);
      if (i !== undefined) out[i] = term.tags;
    }
  }
  return out;
}

export function extractEntities(body: string, opts: ExtractOptions = {}): ArticleEntity[] {
  const tokens = tokenize(body);
  const tags = tagTokens(body, tokens, opts.tagger ?? true);
  const lowerSeen = new Set<string>();
  for (const t of tokens) if (/^\p{Ll}/u.test(t.text)) lowerSeen.add(t.text);

  const ctx: Ctx = {
    body,
    tokens,
    tags,
    lowerSeen,
    sports: isSportsReport(body),
    used: new Uint8Array(tokens.length),
  };
  const candidates: Candidate[] = [];
  const demonymMentions: Array<{ i: number; e: number; country: string }> = [];

  // 0. Datelines ("BERLIN 1996-08-30", "ARLINGTON, Texas 1996-08-31"): every name there is a place.
  candidates.push(...datelinePlaces(ctx));

  // 1. Capitalised runs on normal lines.
  for (const [s, e] of capitalisedRuns(ctx)) {
    for (const part of splitRun(ctx, s, e, demonymMentions)) candidates.push(part);
  }
  // 2. Classify.
  for (const c of candidates) classify(ctx, c);
  const typed = candidates;

  // 3. Article-wide consistency.
  harmonise(ctx, typed);
  // 4. Capitals lines (headlines): only names already known from the body or the gazetteers.
  typed.push(...capsLineMentions(ctx, typed));

  return buildEntities(
    ctx,
    typed.filter((c) => c.kind !== null),
    demonymMentions,
    opts.title,
  );
}

interface Ctx {
  body: string;
  tokens: Token[];
  tags: Tags[];
  lowerSeen: Set<string>;
  /** Results and tables: places there are mostly clubs named after their town. */
  sports: boolean;
  /** Tokens already taken by a dateline. */
  used: Uint8Array;
}

const DATE = /^\d{4}-\d\d-\d\d$/;

/** A line of names and commas ending in an ISO date: a wire dateline. Its names are places. */
function datelinePlaces(ctx: Ctx): Candidate[] {
  const { tokens } = ctx;
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (j < tokens.length && tokens[j]!.sentence === tokens[i]!.sentence) j++;
    const last = tokens[j - 1]!;
    const lineStart = i === 0 || ctx.body.slice(tokens[i - 1]!.end, tokens[i]!.start).includes('\n');
    if (j - i >= 2 && j - i <= 8 && lineStart && DATE.test(last.text) && isCap(tokens[i]!.text)) {
      const ok = tokens
        .slice(i, j - 1)
        .every(
          (t) => t.text === ',' || t.text === '.' || isCap(t.text) || /^\p{Lu}[\p{L}.'’-]*$/u.test(t.text),
        );
      if (ok) {
        let s = i;
        for (let k = i; k <= j - 1; k++) {
          if (k === j - 1 || tokens[k]!.text === ',') {
            let e = k;
            while (e > s && tokens[e - 1]!.text === '.') e--;
            if (e > s) out.push({ s, e, kind: 'place', strong: true });
            s = k + 1;
          }
        }
        for (let k = i; k < j; k++) ctx.used[k] = 1;
      }
    }
    i = j;
  }
  return out;
}

/** A report with several score-like lines ("3-1", "Essex 72-0", "Ajax 2 PSV 1"). */
function isSportsReport(body: string): boolean {
  const lines = body.split(/\n+/);
  let scores = 0;
  for (const l of lines)
    if (/\b\d{1,3}-\d{1,3}\b/.test(l) || /\p{Lu}\p{L}+ \d{1,3} \p{Lu}\p{L}+.* \d{1,3}$/u.test(l)) scores++;
  if (scores >= 3 && scores / lines.length > 0.15) return true;
  // Match reports without tables: several words only sport uses.
  const seen = new Set<string>();
  for (const m of body.matchAll(SPORT_WORDS)) seen.add(m[0].toLowerCase());
  return seen.size >= 3;
}

const SPORT_WORDS =
  /\b(?:innings|wickets?|batting|bowled|bowler|batsman|homer(?:ed|s)?|inning|pitcher|pitched|striker|goalkeeper|midfielder|halftime|half-time|referee|unbeaten|touchdowns?|quarterback|play-?offs?|semi-?finals?|quarter-?finals?|scored|equaliser|equalised|penalty|hat-trick|runs-up|seeded|birdies?|bogeys?|par)\b/gi;

const text = (ctx: Ctx, s: number, e: number) => ctx.body.slice(ctx.tokens[s]!.start, ctx.tokens[e - 1]!.end);
const words = (ctx: Ctx, s: number, e: number) => ctx.tokens.slice(s, e).map((t) => t.text);

function isNameToken(ctx: Ctx, i: number): boolean {
  const t = ctx.tokens[i]!;
  if (t.capsLine || ctx.used[i]) return false;
  if (!isCap(t.text) && !/^(?:al|el|ul|bin|ibn|abu|van|von|de|da|di|le|la)-\p{Lu}/u.test(t.text))
    return false;
  const tg = ctx.tags[i]!;
  if (tg.has('Month') || tg.has('WeekDay') || tg.has('Holiday')) return false;
  if (t.text === 'I' || t.text === "'S" || t.text === '’S') return false;
  // "May 22", "in May": the month, unless a name comes before or after ("Theresa May").
  if (
    t.text === 'May' &&
    !isCap(ctx.tokens[i + 1]?.text ?? '') &&
    !(i > 0 && isCap(ctx.tokens[i - 1]!.text) && !ctx.tokens[i]!.first)
  )
    return false;
  // "Tokyo-based", "Russian-backed", but not "Inzamam-ul-Haq".
  const hyphenTail = /-(\p{Ll}+)$/u.exec(t.text)?.[1];
  if (
    hyphenTail &&
    hyphenTail.length > 2 &&
    (isCommonWord(hyphenTail) || /(?:ed|ing|born|style|like)$/.test(hyphenTail))
  )
    return false;
  if (/^I['’]/.test(t.text)) return false;
  // "Attendance:", "Scorers:" — a label opening a line.
  if (
    t.first &&
    ctx.tokens[i + 1]?.text === ':' &&
    !countryFor(t.text) &&
    !isOtherPlace(t.text) &&
    cityPopulation(t.text) < 100000
  )
    return false;
  if (/\p{Ll}s$/u.test(t.text) && isDemonymWord(t.text.slice(0, -1)) && !isOtherPlace(t.text)) return false; // "Serbs", "Arabs"
  if (PARTY_MEMBERS.has(lower(t.text))) return false;
  // "STANDINGS", "DIGEST": shouted ordinary words.
  if (
    t.text.length > 3 &&
    t.text === t.text.toUpperCase() &&
    ENGLISH_WORDS.has(lower(t.text)) &&
    !countryFor(t.text) &&
    !isOtherPlace(t.text)
  )
    return false;
  return true;
}

function capitalisedRuns(ctx: Ctx): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  const { tokens } = ctx;
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(ctx, i)) {
      i++;
      continue;
    }
    const s = i;
    let e = i + 1;
    let hadOf = false;
    for (;;) {
      if (e < tokens.length && isNameToken(ctx, e) && tokens[e]!.sentence === tokens[s]!.sentence) {
        e++;
        continue;
      }
      const c = tokens[e];
      const next = e + 1;
      if (
        !c ||
        next >= tokens.length ||
        !isNameToken(ctx, next) ||
        tokens[next]!.sentence !== tokens[s]!.sentence
      )
        break;
      const w = c.text;
      const prev = lower(tokens[e - 1]!.text);
      const joins =
        w === '&' ||
        // "Dockworkers' Union": a plural possessive inside a name.
        ((w === "'" || w === '’') && /s$/.test(tokens[e - 1]!.text) && c.start === tokens[e - 1]!.end) ||
        // "Transport and Dockworkers' Union": "and" inside an organisation's name.
        (w === 'and' &&
          !countryFor(tokens[e - 1]!.text) &&
          !isOtherPlace(tokens[e - 1]!.text) &&
          !isDemonymWord(tokens[e - 1]!.text) &&
          endsInAndHead(ctx, next)) ||
        (NAME_CONNECTORS.has(w) && !isDemonymWord(tokens[e - 1]!.text)) ||
        ((w === 'of' || w === 'for') &&
          (ORG_HEADS_BEFORE_OF.has(prev) ||
            PLACE_HEADS.has(prev) ||
            PLACE_FIRST.has(prev) ||
            prev === 'gulf')) ||
        ((w === 'and' || w === 'of') && hadOf && !isDemonymWord(tokens[next]!.text));
      if (!joins) break;
      if (w === 'of' || w === 'for') hadOf = true;
      e = next + 1;
    }
    // "Hong Kong-based": the name is only part of a modifier the tokeniser keeps whole.
    const after = tokens[e];
    if (
      after &&
      after.start === tokens[e - 1]!.end + 1 &&
      /^\p{Lu}\p{L}*-\p{Ll}{3,}$/u.test(after.text) &&
      !isNameToken(ctx, e)
    ) {
      i = e + 1;
      continue;
    }
    runs.push([s, e]);
    i = e;
  }
  return runs;
}

/** Whether the capitalised run starting at i (up to four words) ends in an organisation head that takes "and". */
function endsInAndHead(ctx: Ctx, i: number): boolean {
  const { tokens } = ctx;
  for (let k = i; k < i + 5 && k < tokens.length && tokens[k]!.sentence === tokens[i]!.sentence; k++) {
    const w = tokens[k]!.text;
    if (ORG_HEADS_WITH_AND.has(lower(w)) && isCap(w)) return true;
    if (w === "'" || w === '’') continue;
    if (!isCap(w)) return false;
  }
  return false;
}

/** Role words that may head a person's name, the role chain ending at the name. */
function isRole(w: string) {
  return ROLE_PREFIXES.has(lower(w));
}

function splitRun(
  ctx: Ctx,
  s: number,
  e: number,
  demonyms: Array<{ i: number; e: number; country: string }>,
): Candidate[] {
  const { tokens } = ctx;
  // Leading sentence words and function words.
  while (s < e) {
    const w = tokens[s]!.text;
    const lw = lower(w);
    if (NON_NAME_WORDS.has(lw) && !(lw === 'the' && s + 1 < e && countryFor(text(ctx, s, e)))) {
      s++;
      continue;
    }
    if (
      tokens[s]!.first &&
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
  // Demonyms: "North Korean", "Ukrainian" — record where they stand for the state, never a run.
  const knownAt = (i: number) => [3, 2].some((n) => i + n <= e && startsKnownName(ctx, i, i + n));
  const orgRun = ORG_HEADS.has(lower(tokens[e - 1]!.text)) && e - s > 1;
  for (let i = s; i < e; i++) {
    if (knownAt(i)) {
      i++;
      continue;
    }
    if (orgRun) break;
    for (const len of [2, 1]) {
      if (i + len > e) continue;
      const country = countryForDemonym(text(ctx, i, i + len));
      if (!country && !(len === 1 && isDemonymWord(tokens[i]!.text))) continue;
      if (len === 2 && !country) continue;
      const parts: Candidate[] = [];
      if (i > s) parts.push(...splitRun(ctx, s, i, demonyms));
      const after = i + len;
      const nextWord = tokens[after] ? lower(tokens[after].text) : '';
      if (country && STATE_NOUNS.has(nextWord)) demonyms.push({ i, e: after, country });
      // "Russian Foreign Ministry": the rest is an organisation on its own only with a head word.
      if (after < e) parts.push(...splitRun(ctx, after, e, demonyms));
      return parts;
    }
  }
  // Roles: "President Volodymyr Zelenskyy", "Bank of England Governor Eddie George".
  for (let p = e - 2; p >= s; p--) {
    if (!isRole(tokens[p]!.text)) continue;
    const name = words(ctx, p + 1, e);
    if (name.length > 4 || name.some((w) => isRole(w) || isHead(w)) || NAME_CONNECTORS.has(name[0]!)) break;
    if (countryFor(name.join(' ')) || isOtherPlace(name.join(' '))) break;
    let q = p;
    while (q > s && isRole(tokens[q - 1]!.text)) q--;
    if (!words(ctx, q, p + 1).some((w) => CORE_ROLES.has(lower(w)))) break;
    const parts: Candidate[] = [];
    if (q > s) parts.push(...splitRun(ctx, s, q, demonyms));
    parts.push({ s: p + 1, e, kind: 'person', strong: true });
    return parts;
  }
  const ws = words(ctx, s, e);
  if (ws.every((w) => isRole(w) || CORE_ROLES.has(lower(w)))) return [];
  if (ws.length === 1 && NON_ENTITY_ACRONYMS.has(lower(ws[0]!)) && ws[0] === ws[0]!.toUpperCase()) return [];
  // A lone letter ("N / A", "Radnicki (N)", "S. Korean") is no name.
  if (ws.length === 1 && /^\p{Lu}\.?$/u.test(ws[0]!)) return [];
  if (MISC_HEADS.has(lower(ws[ws.length - 1]!))) return [];
  return [{ s, e, kind: null, strong: false }];
}

/** "( 2 )" style counts after a name in a results line. */
function isScoreParen(ctx: Ctx, i: number): boolean {
  return /^\d/.test(ctx.tokens[i + 1]?.text ?? '');
}

function isHead(w: string) {
  const l = lower(w);
  return ORG_HEADS.has(l) || PLACE_HEADS.has(l) || MISC_HEADS.has(l);
}

/** Whether the sentence's first word is an ordinary word capitalised by position. */
function isSentenceWord(ctx: Ctx, i: number): boolean {
  const w = ctx.tokens[i]!.text;
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
  const tg = ctx.tags[i]!;
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

function startsKnownName(ctx: Ctx, s: number, e: number): boolean {
  const t = text(ctx, s, e);
  return !!countryFor(t) || isOtherPlace(t) || INSTITUTIONS.has(lower(t));
}

function classify(ctx: Ctx, c: Candidate): undefined {
  if (c.kind) return;
  const { tokens } = ctx;
  const ws = words(ctx, c.s, c.e);
  const surface = text(ctx, c.s, c.e);
  const first = ws[0]!;
  const last = lower(ws[ws.length - 1]!);
  const prev = c.s > 0 ? tokens[c.s - 1]! : undefined;
  const prevW = prev && prev.sentence === tokens[c.s]!.sentence ? lower(prev.text) : '';
  const next = tokens[c.e];
  const nextW = next && next.sentence === tokens[c.s]!.sentence ? lower(next.text) : '';
  const next2W = tokens[c.e + 1] ? lower(tokens[c.e + 1]!.text) : '';
  const set = (kind: Kind, strong = true): undefined => {
    c.kind = kind;
    c.strong = strong;
  };

  // Dateline: "LONDON 1996-08-30", "SALVADOR, Feb 26 -".
  if (
    tokens[c.s]!.first &&
    (/^\d{4}-\d\d-\d\d$/.test(next?.text ?? '') ||
      (next?.text === ',' &&
        /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(tokens[c.e + 1]?.text ?? '')))
  )
    return set('place');
  const inst = INSTITUTIONS.get(lower(surface));
  if (inst) return set(INSTITUTION_PLACES.has(lower(surface)) ? 'place' : 'organization');
  const inPlace = ['in', 'at', 'near', 'from', 'to', 'of'].includes(prevW);
  // "Frank Busemann (Germany)", "Red Star (Yugoslavia) 70": the country in brackets is a place.
  if (prevW === '(' && nextW === ')' && countryFor(surface)) return set('place');
  // Venues in sports copy: "at the Oval", "London (The Oval):", "Bristol: Gloucestershire 183".
  const prev2 =
    c.s > 1 && tokens[c.s - 2]!.sentence === tokens[c.s]!.sentence ? lower(tokens[c.s - 2]!.text) : '';
  if (ctx.sports && !personLikeRun(ws) && (prevW === 'at' || (prevW === 'the' && prev2 === 'at')))
    return set('place');
  if (
    ctx.sports &&
    tokens[c.s]!.first &&
    (nextW === ':' ||
      (nextW === '(' &&
        tokens.slice(c.e, c.e + 6).some((t) => t.text === ')') &&
        /\):/.test(ctx.body.slice(tokens[c.e]!.start, tokens[c.e]!.start + 40)))) &&
    isPlaceName(surface)
  )
    return set('place');
  if (countryFor(surface) || isOtherPlace(surface)) {
    // A US state or a region in a results table is a team; a country is the national side.
    if (ctx.sports && !countryFor(surface) && !NATIONS.has(lower(surface)) && !inPlace)
      return set('organization', false);
    return set('place');
  }
  if (ORG_HEADS.has(last) && ws.length > 1) return set('organization');
  // "Douglas & Lomason", "Procter & Gamble": firms.
  if (ws.length > 2 && ws.includes('&')) return set('organization');
  // Bowling figures "Muralitharan 10-0-41-2": a player.
  if (/^\d+(?:\.\d)?-\d+-\d+-\d+$/.test(next?.text ?? '')) return set('person');
  if (ws.some((w) => ORG_HEADS_BEFORE_OF.has(lower(w))) && ws.includes('of')) return set('organization');
  if ((PLACE_HEADS.has(last) && ws.length > 1) || (PLACE_FIRST.has(lower(first)) && ws.length > 1))
    return set('place');
  if (ORG_FIRST.has(lower(first)) && ws.length > 1) return set('organization');
  // "the town of Arbil", "the capital Dushanbe", "Yunnan province".
  const prev2W =
    c.s > 1 && tokens[c.s - 2]!.sentence === tokens[c.s]!.sentence ? lower(tokens[c.s - 2]!.text) : '';
  if (
    (prevW === 'of' &&
      PLACE_NOUNS_BEFORE_OF.has(prev2W) &&
      !['north', 'south', 'east', 'west', 'centre', 'center', 'heart'].includes(prev2W)) ||
    prevW === 'capital'
  )
    return set('place');
  if (PLACE_NOUNS_AFTER.has(nextW) && !/^\p{Lu}/u.test(next!.text) && !personLikeRun(ws)) return set('place');
  // Teams named after their town: "Florida Marlins", "Boston Red Sox", "Kansas City Royals".
  if (ws.length >= 2 && ws.length <= 4 && isTeamTail(ws[ws.length - 1]!) && !isFirstName(first)) {
    const head = ws.slice(0, -1).join(' ');
    const head2 = ws.slice(0, -2).join(' ');
    if (isPlaceName(head) || (head2 && isPlaceName(head2)) || ctx.sports) return set('organization');
  }
  // "the Orioles", "the Mariners" in a sports report.
  if (
    ctx.sports &&
    ws.length === 1 &&
    prevW === 'the' &&
    isTeamTail(first) &&
    !countryFor(first) &&
    !isOtherPlace(first)
  )
    return set('organization');
  if (ORG_ROLE_AFTER.has(nextW) && !isFirstName(first)) return set('organization', false);
  // "Pirelli shares", "Le Matin newspaper", "Ruch's shares": cue nouns after a name that is no person's.
  const afterPoss = nextW === "'s" || nextW === '’s' ? next2W : nextW;
  if (
    ORG_NOUNS_AFTER.has(afterPoss) &&
    tokens[c.e + (afterPoss === nextW ? 0 : 1)]!.text === afterPoss &&
    !personLikeRun(ws) &&
    !countryFor(surface) &&
    cityPopulation(surface) < 100000
  ) {
    return set('organization', nextW === afterPoss);
  }

  const tg = (i: number) => ctx.tags[i]!;
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
  // "Clinton", "Dole": surnames that are also small towns.
  if (ws.length === 1 && pop < 100000 && PEOPLE_NAMES.has(first) && !isCommonWord(first) && !ctx.sports)
    per += 0.4;
  for (let i = c.s; i < c.e; i++) {
    const t = tg(i);
    if (t.has('Person') || t.has('FirstName') || t.has('LastName')) per += 1 / (c.e - c.s);
    if (t.has('Place') || t.has('City') || t.has('Country') || t.has('Region')) loc += 1 / (c.e - c.s);
    if (t.has('Organization') || t.has('SportsTeam')) org += 1 / (c.e - c.s);
  }
  // Context.
  if (
    [
      'in',
      'near',
      'at',
      'from',
      'to',
      'into',
      'across',
      'outside',
      'inside',
      'throughout',
      'towards',
      'toward',
    ].includes(prevW)
  )
    loc += prevW === 'in' ? 1 : 0.5;
  if (
    next?.text === ',' &&
    (countryFor(tokens[c.e + 1]?.text ?? '') || isOtherPlace(tokens[c.e + 1]?.text ?? ''))
  )
    loc += 2;
  if (['said', 'says', 'told', 'added', 'asked', 'wrote', 'believes', 'thinks'].includes(nextW)) per += 0.6;
  if (next?.text === ',' && /^\d{1,2}$/.test(tokens[c.e + 1]?.text ?? '') && tokens[c.e + 2]?.text === ',')
    per += 2;
  if (prevW === 'the' && ws.length >= 1) org += 0.7;
  if (
    prevW === 'mr' ||
    prevW === 'mr.' ||
    prevW === 'mrs' ||
    prevW === 'mrs.' ||
    prevW === 'ms' ||
    prevW === 'dr' ||
    prevW === 'dr.'
  )
    per += 3;
  if (isRole(prevW) && CORE_ROLES.has(prevW)) per += 1.5;
  if (nextW === '(' && isAcronym(tokens[c.e + 1]?.text ?? '')) org += 1.5;
  if (nextW === 'inc' || nextW === 'inc.' || nextW === 'corp' || nextW === 'ltd') org += 3;
  // Results and tables: "Leicestershire 22 points", "Barcelona 3 Real Madrid 1" — clubs; a
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
    if (ws.length === 1 && isCommonWord(first)) return;
    // A lone word is a surname when name lists know it; otherwise mostly a company or a club.
    const personal =
      PEOPLE_NAMES.has(first) ||
      lexTags(first).some((t) => t === 'LastName' || t === 'Person') ||
      ctx.tags[c.s]!.has('Person');
    set(
      ws.length === 1 && isAcronym(first)
        ? 'organization'
        : ws.length === 1 && personal
          ? 'person'
          : ws.length === 1
            ? 'organization'
            : 'person',
      false,
    );
    c.guess = ws.length === 1 && !isAcronym(first);
    return;
  }
  const strong = best >= 1.5;
  if (best === loc) set('place', strong);
  else if (best === per) set('person', strong);
  else set('organization', strong);
}

/** A run that reads as a person's name: a known first name or an initial first. */
function personLikeRun(ws: string[]): boolean {
  return ws.length >= 2 && (isFirstName(ws[0]!) || /^\p{Lu}\.$/u.test(ws[0]!));
}

/** A capitalised plural that names a team ("Marlins", "Sox", "Blue Jays"): not a place's or a nation's word. */
function isTeamTail(w: string): boolean {
  if (w === 'Sox') return true;
  if (!/^\p{Lu}\p{Ll}{2,}s$/u.test(w) || /(?:ss|us|is)$/.test(w)) return false;
  const l = lower(w);
  return (
    !PLACE_HEADS.has(l) &&
    !ORG_HEADS.has(l) &&
    !isOtherPlace(w) &&
    !countryFor(w) &&
    !isDemonymWord(w.slice(0, -1)) &&
    !PARTY_MEMBERS.has(l) &&
    cityPopulation(w) === 0
  );
}

function isPlaceName(t: string): boolean {
  return !!countryFor(t) || isOtherPlace(t) || cityPopulation(t) >= 100000;
}

/** Make one surface one kind across the article; surnames follow their full names. */
function harmonise(ctx: Ctx, cands: Candidate[]): void {
  const kindOf = new Map<string, Map<Kind, number>>();
  for (const c of cands) {
    if (!c.kind) continue;
    const t = text(ctx, c.s, c.e);
    const m = kindOf.get(t) ?? new Map<Kind, number>();
    m.set(c.kind, (m.get(c.kind) ?? 0) + (c.strong ? 3 : c.guess ? 0.5 : 1));
    kindOf.set(t, m);
  }
  // Multi-word entities lend their kind to their parts ("Zelenskyy" of "Volodymyr Zelenskyy").
  const strongKinds = new Map<string, Set<Kind>>();
  for (const c of cands) {
    if (!c.kind || !c.strong) continue;
    const t = text(ctx, c.s, c.e);
    const k = strongKinds.get(t) ?? new Set<Kind>();
    k.add(c.kind);
    strongKinds.set(t, k);
  }
  // "Pirelli Cables" read as a name without a first name, where "Pirelli" alone is surely an organisation.
  for (const c of cands) {
    if (c.strong || c.kind !== 'person' || c.e - c.s < 2) continue;
    const firstKinds = strongKinds.get(ctx.tokens[c.s]!.text);
    if (firstKinds?.has('organization') && !firstKinds.has('person')) c.kind = 'organization';
  }
  // A weakly typed full name ("OSCE Chechnya") does not override a strong single word.
  const partKind = new Map<string, { kind: Kind; strong: boolean }>();
  for (const c of cands) {
    if (!c.kind || c.e - c.s < 2) continue;
    if (c.kind === 'person') {
      for (const i of [c.e - 1, c.s]) {
        const w = ctx.tokens[i]!.text;
        if (!partKind.get(w)?.strong) partKind.set(w, { kind: 'person', strong: c.strong });
      }
    }
  }
  for (const c of cands) {
    const t = text(ctx, c.s, c.e);
    const part = c.e - c.s === 1 ? partKind.get(t) : undefined;
    const otherStrong = [...(strongKinds.get(t) ?? [])].some((k) => k !== 'person');
    if (
      part &&
      (part.strong || (!c.strong && !otherStrong)) &&
      !(c.strong && c.kind === 'place' && countryFor(t))
    ) {
      c.kind = part.kind;
      c.strong = true;
      continue;
    }
    if (c.strong && c.kind) continue;
    const m = kindOf.get(t);
    if (!m) continue;
    let best: Kind | null = c.kind;
    let n = -1;
    for (const [k, v] of m) if (v > n) [best, n] = [k, v];
    c.kind = best;
  }
}

/** Headlines in capitals: find names the body (or a gazetteer) already knows. */
function capsLineMentions(ctx: Ctx, cands: Candidate[]): Candidate[] {
  const known = new Map<string, Kind>();
  for (const c of cands) if (c.kind) known.set(foldKey(text(ctx, c.s, c.e)), c.kind);
  const out: Candidate[] = [];
  const { tokens } = ctx;
  // "BOSTON AT OAKLAND": a fixture line, both sides clubs.
  const fixture = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.capsLine && tokens[i]!.text === 'AT' && !tokens[i]!.first)
      fixture.add(tokens[i]!.sentence);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.capsLine || ctx.used[i] || !/\p{L}/u.test(tokens[i]!.text)) continue;
    for (let len = 4; len >= 1; len--) {
      const e = i + len;
      if (e > tokens.length || tokens[e - 1]!.sentence !== tokens[i]!.sentence) continue;
      if (
        tokens
          .slice(i, e)
          .some((t) => !/\p{L}/u.test(t.text) && t.text !== '.' && t.text !== '-' && t.text !== '&')
      )
        continue;
      const t = foldKey(text(ctx, i, e)).replace(/^st\.? /, 'saint ');
      let kind: Kind | undefined = known.get(t);
      if (!kind && (COUNTRY_BY_DEMONYM.has(t) || EXTRA_DEMONYMS.has(t))) break;
      if (!kind && (countryFor(t) || isOtherPlace(t))) kind = 'place';
      if (!kind && INSTITUTIONS.has(t)) kind = INSTITUTION_PLACES.has(t) ? 'place' : 'organization';
      if (!kind && t.length > 3 && cityPopulation(t) >= 100000 && (len > 1 || !isCommonWord(t)))
        kind = 'place';
      if (!kind) continue;
      const numberNext = /^\d+$/.test(tokens[e]?.text ?? '') && tokens[e]!.sentence === tokens[i]!.sentence;
      if (
        kind === 'place' &&
        (numberNext || ctx.sports || fixture.has(tokens[i]!.sentence)) &&
        !countryFor(t) &&
        !NATIONS.has(t)
      )
        kind = 'organization';
      out.push({ s: i, e, kind, strong: true });
      i = e - 1;
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Alias merging

interface Draft {
  name: string;
  kind: Kind;
  aliases: Set<string>;
  mentions: Array<[number, number]>;
}

function initials(words: string[]): string {
  return words
    .filter((w) => !['of', 'and', 'for', 'the', '&', 'de', 'la'].includes(lower(w)))
    .map((w) => w[0]!)
    .join('')
    .toUpperCase();
}

function buildEntities(
  ctx: Ctx,
  cands: Candidate[],
  demonyms: Array<{ i: number; e: number; country: string }>,
  title?: string,
): ArticleEntity[] {
  const { tokens, body } = ctx;
  cands.sort((a, b) => a.s - b.s);
  const drafts = new Map<string, Draft>();
  const get = (kind: Kind, name: string) => {
    const key = `${kind}:${name}`;
    let d = drafts.get(key);
    if (!d) {
      d = { name, kind, aliases: new Set(), mentions: [] };
      drafts.set(key, d);
    }
    return d;
  };
  const add = (kind: Kind, name: string, s: number, e: number, alias?: string) => {
    const d = get(kind, name);
    const start = tokens[s]!.start;
    const end = tokens[e - 1]!.end;
    if (!d.mentions.some(([a, b]) => a === start && b === end)) d.mentions.push([start, end]);
    const written = alias ?? body.slice(start, end);
    if (written !== name) d.aliases.add(written);
  };

  // Full names for surname resolution: this article's multi-word persons, then the headline's.
  const fullByLast = new Map<string, Set<string>>();
  const noteFull = (full: string) => {
    const parts = full.split(/\s+/);
    if (parts.length < 2) return;
    const last = parts[parts.length - 1]!;
    const s = fullByLast.get(last) ?? new Set<string>();
    s.add(full);
    fullByLast.set(last, s);
  };
  for (const c of cands) if (c.kind === 'person' && c.e - c.s >= 2) noteFull(text(ctx, c.s, c.e));
  if (title) {
    for (const m of title.matchAll(/\b(\p{Lu}\p{Ll}+)\s+(\p{Lu}[\p{L}'’-]+)\b/gu))
      if (isFirstName(m[1]!)) noteFull(`${m[1]} ${m[2]}`);
  }

  // Organisations: acronyms defined in parentheses and shorter forms inside longer ones.
  const orgNames = new Map<string, string>(); // surface → canonical
  const acronyms = new Map<string, string>();
  const orgCands = cands.filter((c) => c.kind === 'organization');
  const orgSurfaces = new Set(orgCands.map((c) => text(ctx, c.s, c.e)));
  const nested: Candidate[] = [];
  for (const c of orgCands) {
    const ws = words(ctx, c.s, c.e);
    let canonical = canonicalCase(text(ctx, c.s, c.e));
    const acr = tokens[c.e]?.text === '(' ? tokens[c.e + 1] : undefined;
    const acronym = acr && isAcronym(acr.text) && tokens[c.e + 2]?.text === ')' ? acr.text : undefined;
    // "White House National Security Council (NSC)": the acronym, or the shorter form written
    // elsewhere, names the organisation; the known prefix is an entity of its own.
    for (let k = 1; k < ws.length - 1; k++) {
      const rest = ws.slice(k);
      const restText = rest.join(' ');
      const prefix = ws.slice(0, k).join(' ');
      const prefixKind: Kind | null = INSTITUTIONS.has(lower(prefix))
        ? INSTITUTION_PLACES.has(lower(prefix))
          ? 'place'
          : 'organization'
        : orgSurfaces.has(prefix)
          ? 'organization'
          : countryFor(prefix) || isOtherPlace(prefix)
            ? 'place'
            : null;
      if (
        prefixKind &&
        ((acronym && initials(rest) === acronym.replace(/\./g, '')) || orgSurfaces.has(restText))
      ) {
        canonical = restText;
        nested.push({ s: c.s, e: c.s + k, kind: prefixKind, strong: true });
        break;
      }
    }
    orgNames.set(text(ctx, c.s, c.e), canonical);
    if (acronym) acronyms.set(acronym, canonical);
  }
  for (const [a, canonical] of acronyms) orgNames.set(a, canonical);
  // Short forms: "Athletic" for "Northfield Athletic", "Haedong" for "Haedong Marine Engineering",
  // when exactly one longer organisation in the article starts or ends with the word.
  const longer = [...new Set(orgNames.values())].filter((n) => n.includes(' '));
  for (const surface of orgSurfaces) {
    if (surface.includes(' ') || isAcronym(surface) || orgNames.get(surface) !== surface) continue;
    const hits = longer.filter((n) => n.startsWith(`${surface} `) || n.endsWith(` ${surface}`));
    if (hits.length === 1) orgNames.set(surface, hits[0]!);
  }
  cands.push(...nested);
  cands.sort((a, b) => a.s - b.s);
  // Acronyms written without a definition but matching a longer organisation's initials.
  const byInitials = new Map<string, Set<string>>();
  for (const canonical of new Set(orgNames.values())) {
    const ws = canonical.split(/\s+/);
    if (ws.length >= 2) {
      const k = initials(ws);
      const s = byInitials.get(k) ?? new Set<string>();
      s.add(canonical);
      byInitials.set(k, s);
    }
  }

  for (const c of cands) {
    const kind = c.kind!;
    const surface = text(ctx, c.s, c.e);
    if (kind === 'place') {
      add(
        'place',
        countryFor(surface) ?? INSTITUTIONS.get(lower(surface)) ?? canonicalCase(surface),
        c.s,
        c.e,
      );
      continue;
    }
    if (kind === 'organization') {
      let name = orgNames.get(surface);
      if (!name && isAcronym(surface)) {
        const hits = byInitials.get(surface.replace(/\./g, ''));
        if (hits?.size === 1) name = [...hits][0]!;
      }
      add('organization', name ?? INSTITUTIONS.get(lower(surface)) ?? canonicalCase(surface), c.s, c.e);
      continue;
    }
    // Person.
    let name = surface;
    if (c.e - c.s === 1) {
      const fulls = fullByLast.get(surface);
      if (fulls?.size === 1) name = [...fulls][0]!;
    }
    const role = rolePrefix(ctx, c.s);
    add('person', name, c.s, c.e);
    if (role !== null) get('person', name).aliases.add(body.slice(tokens[role]!.start, tokens[c.e - 1]!.end));
  }
  for (const d of demonyms) {
    add('place', d.country, d.i, d.e);
  }

  return [...drafts.values()]
    .map((d) => ({
      name: d.name,
      kind: d.kind,
      aliases: [...d.aliases].filter((a) => a !== d.name),
      mentions: d.mentions.sort((a, b) => a[0] - b[0] || a[1] - b[1]),
    }))
    .sort((a, b) => a.mentions[0]![0] - b.mentions[0]![0]);
}

/** Capitals-only surfaces ("LONDON") get a readable name; mixed case is kept as written. */
function canonicalCase(surface: string): string {
  if (surface.length > 4 && surface === surface.toUpperCase() && /\p{L}/u.test(surface)) {
    return surface
      .toLowerCase()
      .replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
  }
  return surface;
}

/**
 * Start token of the role written before a person's name ("Kremlin spokesman", "Ukrainian
 * President"), or null. The prefix holds at least one role word and may start with capitalised
 * words (an organisation, a place, a nationality) or a possessive.
 */
function rolePrefix(ctx: Ctx, s: number): number | null {
  const { tokens } = ctx;
  let i = s - 1;
  let sawRole = false;
  let start: number | null = null;
  while (i >= 0 && tokens[i]!.sentence === tokens[s]!.sentence) {
    const w = tokens[i]!.text;
    if (isRole(w)) {
      sawRole = true;
      start = i;
      i--;
      continue;
    }
    break;
  }
  if (!sawRole || start === null) return null;
  // Capitalised words (organisation, place, nationality) and possessives before the role.
  let j = start - 1;
  while (j >= 0 && tokens[j]!.sentence === tokens[s]!.sentence) {
    const w = tokens[j]!.text;
    if ((w === "'s" || w === '’s') && j > 0 && isCap(tokens[j - 1]!.text)) {
      j--;
      continue;
    }
    if (isCap(w) && !tokens[j]!.first) {
      start = j;
      j--;
      continue;
    }
    // A sentence may open with the organisation: "Ministry spokesman Oskar Lepp".
    const tg = ctx.tags[j]!;
    if (
      isCap(w) &&
      !NON_NAME_WORDS.has(lower(w)) &&
      !['Verb', 'Adverb', 'Pronoun', 'Determiner', 'Preposition', 'Conjunction'].some((t) => tg.has(t))
    )
      start = j;
    break;
  }
  return start;
}
