/**
 * Quoted pieces grouped into candidate quotations, each with the attribution found next to it
 * and the evidence extract.ts weighs to keep it: where it opens (sentence start, after a colon,
 * a comma or a word), whether it fills its paragraph, which rule found its speaker. Pieces of
 * one sentence interrupted by their attribution (`"…," she said, "…"`) become one group; a
 * signed paragraph is one group whatever it quotes inside.
 */

import { nth } from '../text/nth.js';
import type { Attribution } from './attribution.js';
import { attributionAfter, attributionAtSentenceEnd } from './attribution-after.js';
import { attributionBefore, sentenceStart } from './attribution-before.js';
import { endsWithPeriod, type Paragraph, type QuotedPiece } from './marks.js';
import { sentenceEndAfter, spokenIntoSentence } from './mixed.js';
import { on } from './options.js';
import {
  colonIntro,
  continuesQuote,
  countWords,
  endsWithComma,
  opensCapitalized,
  positionOf,
} from './piece-context.js';
import { signature, signedParagraph } from './signature.js';
import { speakerName } from './speaker-names.js';
import { CLAUSE_OPENERS } from './words.js';

export interface Group {
  /** Which evidence kept the quote; for diagnostics. */
  rule?: string;
  start: number;
  end: number;
  attribution: Attribution | null;
  /** Starts its own sentence (or paragraph), rather than sitting inside one. */
  standalone: boolean;
  position: 'S' | 'P' | 'C' | 'W';
  /** The attribution comes before the quote in its sentence ("X said, "…""). */
  attributedBefore: boolean;
  words: number;
  para: number;
  /** Paragraph of the closing mark: later than para for a multi-paragraph quotation. */
  lastPara: number;
  /** The last piece reached its paragraph end unclosed. */
  runsOn: boolean;
  /** The quote is the whole paragraph. */
  wholePara: boolean;
  /** The attribution interrupts a sentence begun before it: `An economic downturn, he said, "could…"`. */
  parenthetical: boolean;
  /** A quote the speaker's sentence runs on from: `Ann Lee said "the rules" were unclear.` */
  runsToSentenceEnd?: boolean;
}

/** The candidate quotations of a body, in order, each with its attribution if one was found. */
export function groupPieces(body: string, pieces: QuotedPiece[], paragraphs: Paragraph[]): Group[] {
  const groups: Group[] = [];
  let prevEnd = 0;
  // An attribution that belongs to the next piece rather than the one it follows.
  for (let i = 0; i < pieces.length; i++) {
    const p = nth(pieces, i);
    const para = nth(paragraphs, p.para);
    const signed = on('signatures') && p.start === para.start ? signedParagraph(body, para) : null;
    if (signed) {
      // A signed comment is one quotation whatever marks it quotes inside: skip its inner pieces.
      while (pieces[i + 1]?.para === p.para && nth(pieces, i + 1).start < signed.end) i++;
      groups.push({
        rule: 'signed-inline:S',
        start: p.start,
        end: signed.end,
        attribution: signed.attribution,
        standalone: true,
        position: 'S',
        attributedBefore: false,
        words: countWords(body, p.start, signed.end),
        para: p.para,
        lastPara: p.para,
        runsOn: false,
        wholePara: true,
        parenthetical: false,
      });
      prevEnd = signed.end;
      continue;
    }
    // A quote cut off by this piece's opening mark (it never closed) is no sentence boundary.
    const cut =
      pieces[i - 1]?.para === p.para && !nth(pieces, i - 1).closed && !body.slice(prevEnd, p.start).trim();
    const floor = cut ? para.start : Math.max(para.start, prevEnd);
    const sStart = sentenceStart(body, floor, p.start);
    const lead = body.slice(sStart, p.start).trimEnd();
    const position = on('connective-lead') && isConnective(lead) ? 'S' : positionOf(lead);
    const standalone = position === 'S' || position === 'P';
    let attribution = position === 'S' ? null : attributionBefore(body, sStart, p.start);
    if (
      !attribution &&
      on('earlier-piece') &&
      (position === 'C' || position === 'W') &&
      floor > para.start &&
      !endsWithPeriod(body, floor)
    ) {
      // An earlier piece inside the same sentence (`Lee called it "premature" ..., adding, "…"`).
      attribution = attributionBefore(body, sentenceStart(body, para.start, p.start), p.start);
    }
    let rule = attribution ? 'before' : '';
    if (!attribution && on('colon-paragraph') && standalone && p.start === para.start && p.para > 0) {
      attribution = colonIntro(body, nth(paragraphs, p.para - 1), prevEnd);
      if (attribution) rule = 'colon-para';
    }
    let end = p.end;
    let last = p;
    // Merge `"…," he said, "…"` into one quote, and run the attribution after the last piece.
    for (;;) {
      const next = pieces[i + 1];
      const limit = next && next.para === last.para ? next.start : nth(paragraphs, last.para).end;
      let after =
        last.closed && !(last === p && !standalone && endsWithPeriod(body, p.end))
          ? attributionAfter(body, last.end, limit, endsWithComma(body, last.end))
          : null;
      // `"…." She said, "…"`: after a quote that closed its sentence, a cue ending on a comma or
      // colon introduces the next one.
      if (
        after &&
        on('period-handoff') &&
        next &&
        next.para === last.para &&
        endsWithPeriod(body, last.end) &&
        /^[,:]\s*$/.test(body.slice(after.end, next.start))
      )
        after = null;
      // `Praising her "patience," Ann Lee said, "We…"`: a piece inside the reporter's sentence is
      // a title or scare quote, and the attribution after it introduces the new sentence quoted next
      // (one going on in lower case, `"he must…," she says, "but…"`, is the same quotation).
      // A cue running straight into the next piece (`labeled "urgent," a nurse wrote "no
      // visitors."`) introduces it.
      if (
        after &&
        on('title-handoff') &&
        last === p &&
        !standalone &&
        next?.para === p.para &&
        ((/^[,:]\s*$/.test(body.slice(after.end, next.start)) && opensCapitalized(body, next)) ||
          !body.slice(after.end, next.start).trim())
      )
        after = null;
      // A subject guessed from the clause before a colon yields to a speech verb that names the speaker.
      if (
        after &&
        on('colon-yields') &&
        last === p &&
        rule === 'before' &&
        attribution?.cue === null &&
        /,['"”’]+$/.test(body.slice(p.end - 3, p.end)) &&
        speakerName(body.slice(after.speakerStart, after.speakerEnd))
      )
        attribution = null;
      if (after && !attribution) {
        attribution = after;
        rule = last === p ? 'after' : 'after-merged';
      }
      if (
        !next ||
        next.para !== last.para ||
        !after ||
        !continuesQuote(body, after.end, next, pieces[i + 2], paragraphs)
      )
        break;
      i++;
      rule += '+merge';
      last = next;
      end = next.end;
    }
    let runsToSentenceEnd = false;
    if (
      on('mixed-runs-on') &&
      rule === 'before' &&
      position === 'W' &&
      last === p &&
      p.closed &&
      spokenIntoSentence(body, attribution!, p.end)
    ) {
      const stop = sentenceEndAfter(body, p.end, nth(paragraphs, p.para).end);
      if (stop) {
        // The quotation is the speaker's sentence from the opening mark on, with any pieces
        // quoted further in it.
        end = stop;
        while (pieces[i + 1] && nth(pieces, i + 1).start < end) last = nth(pieces, ++i);
        runsToSentenceEnd = true;
        rule = 'before-mixed';
      }
    }
    if (!attribution && on('sentence-end') && standalone && last.closed) {
      const limit =
        pieces[i + 1]?.para === last.para ? nth(pieces, i + 1).start : nth(paragraphs, last.para).end;
      const closing = attributionAtSentenceEnd(body, last.end, limit, true);
      if (closing) {
        // The sentence is all the speaker's: `"We are pleased" with the vote, she said.`
        attribution = closing;
        end = closing.contentEnd;
        rule = 'sentence-end';
        if (closing.interrupts && pieces[i + 1]?.start === closing.contentEnd) {
          last = nth(pieces, ++i);
          end = last.end;
          rule += '+merge';
        }
      }
    }
    if (
      !attribution &&
      on('signatures') &&
      standalone &&
      p.start === para.start &&
      nth(paragraphs, last.para).end - end <= 1
    ) {
      attribution = signature(body, paragraphs[last.para + 1]);
      if (attribution) rule = 'signed';
    }
    if (!attribution && on('signatures') && standalone && p.start === para.start && last.closed) {
      attribution = signature(body, { start: end, end: nth(paragraphs, last.para).end });
      if (attribution) rule = 'signed-inline';
    }
    if (!attribution) rule = standalone ? 'standalone' : 'inline';
    rule = `${rule}:${position}`;
    groups.push({
      rule,
      start: p.start,
      end,
      attribution,
      standalone,
      position,
      attributedBefore: rule.startsWith('before') || rule.startsWith('colon'),
      words: countWords(body, p.start, end),
      para: p.para,
      lastPara: last.para,
      runsOn: !last.closed,
      wholePara: para.start === p.start && nth(paragraphs, last.para).end - end <= 1,
      parenthetical: !!attribution && interrupts(body.slice(sStart, attribution.speakerStart).trim()),
      runsToSentenceEnd,
    });
    prevEnd = end;
  }
  return groups;
}

/**
 * `Yet, "…"`, `Still, she said, "…"`: a sentence connective and a comma join the sentence to the
 * one before; they start no clause of the reporter's that the quote could complete. `and` and
 * `or` join pieces inside one sentence instead.
 */
function isConnective(lead: string): boolean {
  const word = /^(\p{L}+),$/u.exec(lead)?.[1]?.toLowerCase();
  return !!word && CLAUSE_OPENERS.has(word) && word !== 'and' && word !== 'or';
}

/** The attribution interrupts a clause the reporter began (`A downturn, he said, "…"`). */
function interrupts(before: string): boolean {
  return /\S,$/.test(before) && !(on('connective-lead') && isConnective(before));
}
