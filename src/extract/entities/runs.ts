/**
 * Step 1 of entity extraction: where names are written. Wire datelines ("KELMARSH 2001-05-14"),
 * whose names are all places, and capitalised runs on ordinary lines ("Bank of England",
 * "Transport and Dockworkers' Union"), with the tests that tell a name's capital from a
 * sentence's, a month's or a headline's.
 */
import { nth } from '../text/nth.js';
import type { ArticleContext, Candidate } from './context.js';
import { cityPopulation, countryFor, ENGLISH_WORDS, isOtherPlace } from './gazetteer/lookup.js';
import { isCap, isCommonWord, isDemonymWord, lower } from './word-classes.js';
import {
  NAME_CONNECTORS,
  ORG_HEADS_BEFORE_OF,
  ORG_HEADS_WITH_AND,
  PARTY_MEMBERS,
  PLACE_FIRST,
  PLACE_HEADS,
} from './words.js';

const DATE = /^\d{4}-\d\d-\d\d$/;

/** A line of names and commas ending in an ISO date: a wire dateline. Its names are places. */
export function datelinePlaces(ctx: ArticleContext): Candidate[] {
  const { tokens } = ctx;
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (j < tokens.length && nth(tokens, j).sentence === nth(tokens, i).sentence) j++;
    const last = nth(tokens, j - 1);
    const lineStart = i === 0 || ctx.body.slice(nth(tokens, i - 1).end, nth(tokens, i).start).includes('\n');
    if (j - i >= 2 && j - i <= 8 && lineStart && DATE.test(last.text) && isCap(nth(tokens, i).text)) {
      const ok = tokens
        .slice(i, j - 1)
        .every(
          (t) => t.text === ',' || t.text === '.' || isCap(t.text) || /^\p{Lu}[\p{L}.'’-]*$/u.test(t.text),
        );
      if (ok) {
        let s = i;
        for (let k = i; k <= j - 1; k++) {
          if (k === j - 1 || nth(tokens, k).text === ',') {
            let e = k;
            while (e > s && nth(tokens, e - 1).text === '.') e--;
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

// Patterns of isNameToken, made once: it runs several times for every token.
const PARTICLE_NAME = /^(?:al|el|ul|bin|ibn|abu|van|von|de|da|di|le|la)-\p{Lu}/u;
const HYPHEN_TAIL = /-(\p{Ll}+)$/u;
const DERIVED_TAIL = /(?:ed|ing|born|style|like)$/;
const I_CONTRACTION = /^I['’]/;
const LOWER_THEN_S = /\p{Ll}s$/u;

function isNameToken(ctx: ArticleContext, i: number): boolean {
  const t = nth(ctx.tokens, i);
  if (t.capsLine || ctx.used[i]) return false;
  if (!isCap(t.text) && !PARTICLE_NAME.test(t.text)) return false;
  const tg = nth(ctx.tags, i);
  if (tg.has('Month') || tg.has('WeekDay') || tg.has('Holiday')) return false;
  if (t.text === 'I' || t.text === "'S" || t.text === '’S') return false;
  // "May 22", "in May": the month, unless a name comes before or after ("Ann May").
  if (
    t.text === 'May' &&
    !isCap(ctx.tokens[i + 1]?.text ?? '') &&
    !(i > 0 && isCap(nth(ctx.tokens, i - 1).text) && !nth(ctx.tokens, i).first)
  )
    return false;
  // "Tokyo-based", "Russian-backed", but not "Noor-ul-Amin".
  const hyphenTail = HYPHEN_TAIL.exec(t.text)?.[1];
  if (hyphenTail && hyphenTail.length > 2 && (isCommonWord(hyphenTail) || DERIVED_TAIL.test(hyphenTail)))
    return false;
  if (I_CONTRACTION.test(t.text)) return false;
  // "Attendance:", "Scorers:" — a label opening a line.
  if (
    t.first &&
    ctx.tokens[i + 1]?.text === ':' &&
    !countryFor(t.text) &&
    !isOtherPlace(t.text) &&
    cityPopulation(t.text) < 100000
  )
    return false;
  // "Serbs", "Arabs": a people, not a name.
  if (LOWER_THEN_S.test(t.text) && isDemonymWord(t.text.slice(0, -1)) && !isOtherPlace(t.text)) return false;
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

/**
 * Token ranges [s, e) of the capitalised runs on ordinary lines, joined over the words a name goes
 * on past ("of", "&", "de").
 */
export function capitalisedRuns(ctx: ArticleContext): Array<[number, number]> {
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
      if (e < tokens.length && isNameToken(ctx, e) && nth(tokens, e).sentence === nth(tokens, s).sentence) {
        e++;
        continue;
      }
      const c = tokens[e];
      const next = e + 1;
      if (
        !c ||
        next >= tokens.length ||
        !isNameToken(ctx, next) ||
        nth(tokens, next).sentence !== nth(tokens, s).sentence
      )
        break;
      const w = c.text;
      const prev = lower(nth(tokens, e - 1).text);
      const joins =
        w === '&' ||
        // "Dockworkers' Union": a plural possessive inside a name.
        ((w === "'" || w === '’') &&
          /s$/.test(nth(tokens, e - 1).text) &&
          c.start === nth(tokens, e - 1).end) ||
        // "Transport and Dockworkers' Union": "and" inside an organisation's name.
        (w === 'and' &&
          !countryFor(nth(tokens, e - 1).text) &&
          !isOtherPlace(nth(tokens, e - 1).text) &&
          !isDemonymWord(nth(tokens, e - 1).text) &&
          endsInAndHead(ctx, next)) ||
        (NAME_CONNECTORS.has(w) && !isDemonymWord(nth(tokens, e - 1).text)) ||
        ((w === 'of' || w === 'for') &&
          (ORG_HEADS_BEFORE_OF.has(prev) ||
            PLACE_HEADS.has(prev) ||
            PLACE_FIRST.has(prev) ||
            prev === 'gulf')) ||
        ((w === 'and' || w === 'of') && hadOf && !isDemonymWord(nth(tokens, next).text));
      if (!joins) break;
      if (w === 'of' || w === 'for') hadOf = true;
      e = next + 1;
    }
    // "Port Lorne-based": the name is only part of a modifier the tokeniser keeps whole.
    const after = tokens[e];
    if (
      after &&
      after.start === nth(tokens, e - 1).end + 1 &&
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

/**
 * Whether the capitalised run starting at i (up to four words) ends in an organisation head that
 * takes "and".
 */
function endsInAndHead(ctx: ArticleContext, i: number): boolean {
  const { tokens } = ctx;
  for (
    let k = i;
    k < i + 5 && k < tokens.length && nth(tokens, k).sentence === nth(tokens, i).sentence;
    k++
  ) {
    const w = nth(tokens, k).text;
    if (ORG_HEADS_WITH_AND.has(lower(w)) && isCap(w)) return true;
    if (w === "'" || w === '’') continue;
    if (!isCap(w)) return false;
  }
  return false;
}
