/**
 * Joins the quoted pieces of one paragraph into a single quotation, from the first opening
 * mark to the last closing mark: `"…," X said in an interview. "…"`. News style keeps one
 * speaker per paragraph, so a piece there with no attribution of its own continues the
 * quotation before it, even a fragment inside the reporter's sentence (`But "…"`); a piece
 * with its own ("He added, "…"") starts a new one. A paragraph that is all quotation, with no
 * attribution, goes on with the quotation of the paragraph before when that paragraph ends on
 * the quotation, or on more of the reporter's words after the attribution (`"…," Ann Lee said
 * at a rally in Ohio.`): PolNeAR's annotators join these as one quotation. A paragraph that
 * ends on its attribution (`"…," Ann Lee said.`) closes the quotation, and the quote paragraph
 * after it is a new quotation by the same speaker, as the seed article's annotation has it
 * (PolNeAR joins some of those too).
 */

import { on } from './options.js';

export interface UnitPiece {
  start: number;
  end: number;
  para: number;
  /** Paragraph where the quotation closes. */
  lastPara: number;
  attributed: boolean;
  /** Fills its paragraph, continuing the quotation of the paragraph before. */
  followsPara?: boolean;
  /** Quoted on its own merits; other pieces only ever extend a quotation. */
  kept: boolean;
  /** Its paragraph ends on its attribution: `"…," Ann Lee said.` */
  endsOnAttribution?: boolean;
  rule: string;
}

/** The kept pieces joined into quotations, one per speaker and paragraph run. */
export function joinUnits<T extends UnitPiece>(pieces: T[]): T[] {
  const out: T[] = [];
  let open: T | null = null;
  for (const p of pieces) {
    if (
      open &&
      on('unit-join') &&
      (open.lastPara === p.para ||
        (on('follow-paragraph') &&
          p.kept &&
          p.followsPara &&
          open.lastPara === p.para - 1 &&
          !open.endsOnAttribution)) &&
      !p.attributed
    ) {
      open.endsOnAttribution = p.endsOnAttribution;
      open.lastPara = p.lastPara;
      open.end = p.end;
      open.rule = `${open.rule}+unit`;
      continue;
    }
    if (!p.kept) {
      // Someone else's words, or a paragraph we never entered, close the quotation.
      if (p.attributed || open?.lastPara !== p.para) open = null;
      continue;
    }
    open = { ...p };
    out.push(open);
  }
  return out;
}
