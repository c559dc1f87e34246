/**
 * What the kind rules read around one mention (its words, the words before and after it in its
 * sentence), worked out once for classify.ts and evidence.ts, and the verdict both give.
 */
import type { Token } from '../text/article-tokens.js';
import { nth } from '../text/nth.js';
import { type ArticleContext, type Candidate, type Kind, spanText, spanWords } from './context.js';
import { lower } from './word-classes.js';

/** A mention's words and the words around it in its sentence, as classify and weighEvidence read them. */
export interface Surroundings {
  /** The mention's words, its text as written, its first word and its last in lower case. */
  ws: string[];
  surface: string;
  first: string;
  last: string;
  /** Lower-case word before the mention and the one before that, in the same sentence, or ''. */
  prevW: string;
  prev2W: string;
  /** The token after the mention, its lower-case word if in the same sentence, and the next one's. */
  next: Token | undefined;
  nextW: string;
  next2W: string;
  /** After a preposition of place ("in", "at", "near", ...). */
  inPlace: boolean;
}

export interface Verdict {
  kind: Kind;
  strong: boolean;
  /** A guess from no evidence at all. */
  guess?: boolean;
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'to', 'of']);

export function surroundings(ctx: ArticleContext, c: Candidate): Surroundings {
  const { tokens } = ctx;
  const ws = spanWords(ctx, c.s, c.e);
  const sentence = nth(tokens, c.s).sentence;
  const prev = c.s > 0 ? nth(tokens, c.s - 1) : undefined;
  const prevW = prev && prev.sentence === sentence ? lower(prev.text) : '';
  const next = tokens[c.e];
  return {
    ws,
    surface: spanText(ctx, c.s, c.e),
    first: nth(ws, 0),
    last: lower(nth(ws, ws.length - 1)),
    prevW,
    prev2W: c.s > 1 && nth(tokens, c.s - 2).sentence === sentence ? lower(nth(tokens, c.s - 2).text) : '',
    next,
    nextW: next && next.sentence === sentence ? lower(next.text) : '',
    next2W: tokens[c.e + 1] ? lower(nth(tokens, c.e + 1).text) : '',
    inPlace: PLACE_PREPOSITIONS.has(prevW),
  };
}
