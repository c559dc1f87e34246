/**
 * What every step of entity extraction reads about one article: its tokens and their tags, the
 * words it writes in lower case, whether it is a sports report, and the candidate mentions the
 * steps hand on. Built once per article, so that each step is a plain function of (ctx, …).
 */

import type { EntityKind } from '../../model/documents.js';
import { type Token, tokenize } from '../text/article-tokens.js';
import { nth } from '../text/nth.js';
import { type Tags, tagTokens } from './tagger.js';

export type Kind = EntityKind;

export interface Candidate {
  /** Token range [s, e). */
  s: number;
  e: number;
  kind: Kind | null;
  /** How sure the local evidence is; weak ones take the article-wide majority. */
  strong: boolean;
  /** A guess from no evidence at all (an unknown lone word): counts least in the majority. */
  guess?: boolean;
  /** The kind was decided by what the text writes (a rule, a title before the name), not weighed. */
  decided?: boolean;
}

/** A demonym standing for its state ("Chilean forces"): a mention of the country, token range [i, e). */
export interface DemonymMention {
  i: number;
  e: number;
  country: string;
}

export interface ArticleContext {
  body: string;
  tokens: Token[];
  tags: Tags[];
  lowerSeen: Set<string>;
  /** Results and tables: places there are mostly clubs named after their town. */
  sports: boolean;
  /** Tokens already taken by a dateline. */
  used: Uint8Array;
}

const LOWER_FIRST = /^\p{Ll}/u;

/** Tokens, tags and article-wide facts of one body, for every step to read. */
export function articleContext(body: string, useTagger: boolean): ArticleContext {
  const tokens = tokenize(body);
  const tags = tagTokens(body, tokens, useTagger);
  const lowerSeen = new Set<string>();
  for (const t of tokens) if (LOWER_FIRST.test(t.text)) lowerSeen.add(t.text);
  return {
    body,
    tokens,
    tags,
    lowerSeen,
    sports: isSportsReport(body),
    used: new Uint8Array(tokens.length),
  };
}

/** The text of tokens [s, e) as written in the body. */
export const spanText = (ctx: ArticleContext, s: number, e: number) =>
  ctx.body.slice(nth(ctx.tokens, s).start, nth(ctx.tokens, e - 1).end);
/** The tokens [s, e) as words. */
export const spanWords = (ctx: ArticleContext, s: number, e: number) =>
  ctx.tokens.slice(s, e).map((t) => t.text);

/** A report with several score-like lines ("3-1", "Northshire 72-0", "Eastwick 2 Union Sella 1"). */
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

/** Words only sport uses, as regular-expression alternatives. */
const SPORT_WORD_FORMS = `
  innings wickets? batting bowled bowler batsman homer(?:ed|s)? inning pitcher pitched striker
  goalkeeper midfielder halftime half-time referee unbeaten touchdowns? quarterback play-?offs?
  semi-?finals? quarter-?finals? scored equaliser equalised penalty hat-trick runs-up seeded
  birdies? bogeys? par
`;
const SPORT_WORDS = new RegExp(`\\b(?:${SPORT_WORD_FORMS.trim().split(/\s+/).join('|')})\\b`, 'gi');
