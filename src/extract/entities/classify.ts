/**
 * Step 3 of entity extraction: the kind of each mention (person, organisation, place). Decisive
 * rules first, each enough on its own (a dateline, an institution, a head word, "the town of X");
 * where none applies, evidence for each kind is weighed (see evidence.ts). A verdict is strong
 * when the evidence is: weak ones give way to the article-wide majority in step 4.
 */

import { nth } from '../text/nth.js';
import type { ArticleContext, Candidate, Kind } from './context.js';
import { weighEvidence } from './evidence.js';
import { cityPopulation, countryFor, isOtherPlace } from './gazetteer/lookup.js';
import { type Surroundings, surroundings, type Verdict } from './surroundings.js';
import { isFirstName, isPlaceName, isTeamTail, lower, personLikeRun } from './word-classes.js';
import {
  INSTITUTION_PLACES,
  INSTITUTIONS,
  NATIONS,
  ORG_FIRST,
  ORG_HEADS,
  ORG_HEADS_BEFORE_OF,
  ORG_NOUNS_AFTER,
  ORG_ROLE_AFTER,
  PLACE_FIRST,
  PLACE_HEADS,
  PLACE_NOUNS_AFTER,
  PLACE_NOUNS_BEFORE_OF,
} from './words.js';

/** Words before "of" that PLACE_NOUNS_BEFORE_OF shares with directions: "north of X" says nothing of X. */
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'centre', 'center', 'heart']);
const DATE = /^\d{4}-\d\d-\d\d$/;

/** Sets the candidate's kind and strength, unless it has a kind already (a dateline place). */
export function classify(ctx: ArticleContext, c: Candidate): void {
  if (c.kind) return;
  const around = surroundings(ctx, c);
  const rule = byRule(ctx, c, around);
  const verdict = rule ?? weighEvidence(ctx, c, around);
  if (!verdict) return;
  if (rule) c.decided = true;
  c.kind = verdict.kind;
  c.strong = verdict.strong;
  if (verdict.guess !== undefined) c.guess = verdict.guess;
}

const sure = (kind: Kind): Verdict => ({ kind, strong: true });

/** The kind one rule decides alone, or null. */
function byRule(ctx: ArticleContext, c: Candidate, around: Surroundings): Verdict | null {
  const { tokens } = ctx;
  const { ws, surface, first, last, prevW, prev2W, next, nextW, next2W, inPlace } = around;
  // Dateline: "KELMARSH 2001-05-14", "VELTRA, Feb 26 -".
  if (
    nth(tokens, c.s).first &&
    (DATE.test(next?.text ?? '') ||
      (next?.text === ',' &&
        /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(tokens[c.e + 1]?.text ?? '')))
  )
    return sure('place');
  if (INSTITUTIONS.get(lower(surface)))
    return sure(INSTITUTION_PLACES.has(lower(surface)) ? 'place' : 'organization');
  // "Ada Varro (Portugal)", "Union Sella (Chile) 70": the country in brackets is a place.
  if (prevW === '(' && nextW === ')' && countryFor(surface)) return sure('place');
  // Venues in sports copy: "at the Dell", "Kelmarsh (The Dell):", "Eastwick: Northshire 183".
  if (ctx.sports && !personLikeRun(ws) && (prevW === 'at' || (prevW === 'the' && prev2W === 'at')))
    return sure('place');
  if (
    ctx.sports &&
    nth(tokens, c.s).first &&
    (nextW === ':' ||
      (nextW === '(' &&
        tokens.slice(c.e, c.e + 6).some((t) => t.text === ')') &&
        /\):/.test(ctx.body.slice(nth(tokens, c.e).start, nth(tokens, c.e).start + 40)))) &&
    isPlaceName(surface)
  )
    return sure('place');
  if (countryFor(surface) || isOtherPlace(surface)) {
    // A US state or a region in a results table is a team; a country is the national side.
    if (ctx.sports && !countryFor(surface) && !NATIONS.has(lower(surface)) && !inPlace)
      return { kind: 'organization', strong: false };
    return sure('place');
  }
  if (ORG_HEADS.has(last) && ws.length > 1) return sure('organization');
  // "Haddow & Pike", "Brill & Sons Holdings": firms.
  if (ws.length > 2 && ws.includes('&')) return sure('organization');
  // Bowling figures "Okonedo 10-0-41-2": a player.
  if (/^\d+(?:\.\d)?-\d+-\d+-\d+$/.test(next?.text ?? '')) return sure('person');
  if (ws.some((w) => ORG_HEADS_BEFORE_OF.has(lower(w))) && ws.includes('of')) return sure('organization');
  if ((PLACE_HEADS.has(last) && ws.length > 1) || (PLACE_FIRST.has(lower(first)) && ws.length > 1))
    return sure('place');
  if (ORG_FIRST.has(lower(first)) && ws.length > 1) return sure('organization');
  // "the town of Veltra", "the capital Marenza", "Kessel province".
  if ((prevW === 'of' && PLACE_NOUNS_BEFORE_OF.has(prev2W) && !DIRECTIONS.has(prev2W)) || prevW === 'capital')
    return sure('place');
  if (PLACE_NOUNS_AFTER.has(nextW) && !/^\p{Lu}/u.test(next!.text) && !personLikeRun(ws))
    return sure('place');
  // Teams named after their town: "Ohio Herons", "Eastwick Red Sox", "Kansas City Comets".
  if (ws.length >= 2 && ws.length <= 4 && isTeamTail(nth(ws, ws.length - 1)) && !isFirstName(first)) {
    const head = ws.slice(0, -1).join(' ');
    const head2 = ws.slice(0, -2).join(' ');
    if (isPlaceName(head) || (head2 && isPlaceName(head2)) || ctx.sports) return sure('organization');
  }
  // "the Herons", "the Comets" in a sports report.
  if (
    ctx.sports &&
    ws.length === 1 &&
    prevW === 'the' &&
    isTeamTail(first) &&
    !countryFor(first) &&
    !isOtherPlace(first)
  )
    return sure('organization');
  if (ORG_ROLE_AFTER.has(nextW) && !isFirstName(first)) return { kind: 'organization', strong: false };
  // "Brill shares", "Le Veilleur newspaper", "Haddow's shares": cue nouns after a name that is no person's.
  const afterPoss = nextW === "'s" || nextW === '’s' ? next2W : nextW;
  if (
    ORG_NOUNS_AFTER.has(afterPoss) &&
    nth(tokens, c.e + (afterPoss === nextW ? 0 : 1)).text === afterPoss &&
    !personLikeRun(ws) &&
    !countryFor(surface) &&
    cityPopulation(surface) < 100000
  )
    return { kind: 'organization', strong: nextW === afterPoss };
  return null;
}
