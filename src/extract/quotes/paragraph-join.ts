/**
 * Quotations that run over paragraphs: each paragraph but the last ends unclosed and the next
 * reopens it, so the groups join into one quotation from the first opening mark to the final
 * closing mark, unless the reopened paragraph names another speaker or the unclosed piece was
 * a phrase inside the reporter's sentence that lost its closing mark.
 */

import { nth } from '../text/nth.js';
import type { Attribution } from './attribution.js';
import type { Group } from './groups.js';
import type { Paragraph } from './marks.js';
import { on } from './options.js';
import { speakerName } from './speaker-names.js';

/**
 * A quotation that runs over paragraphs leaves each one unclosed and reopens the next:
 * one quotation from the first opening mark to the final closing mark, attributed wherever
 * its attribution sits.
 */
export function joinParagraphs(body: string, groups: Group[], paragraphs: Paragraph[]): Group[] {
  const out: Group[] = [];
  for (const g of groups) {
    const prev = out.at(-1);
    if (
      on('paragraph-join') &&
      prev?.runsOn &&
      g.para === prev.lastPara + 1 &&
      g.start === nth(paragraphs, g.para).start &&
      !(on('new-speaker') && newSpeaker(body, prev, g)) &&
      !(on('stray-opening') && strayOpening(body, prev))
    ) {
      if (!prev.attribution && g.attribution) {
        prev.attribution = g.attribution;
        prev.attributedBefore = false;
        prev.rule = `continued:${prev.position}`;
      }
      prev.end = g.end;
      prev.lastPara = g.lastPara;
      prev.runsOn = g.runsOn;
      prev.words += g.words;
      prev.wholePara = prev.wholePara && g.wholePara;
      prev.rule = `${prev.rule}+para`;
      continue;
    }
    out.push(g);
  }
  return out;
}

/**
 * `…what she called ''a fair deal.` ending its paragraph: a phrase quoted inside the reporter's
 * sentence that never closes lost its closing mark; it does not run on into the next paragraph.
 */
function strayOpening(body: string, g: Group): boolean {
  return !g.standalone && !g.attribution && /^\P{L}*\p{Ll}/u.test(body.slice(g.start, g.end));
}

/**
 * A paragraph reopened by a quote that names a speaker other than the one already quoting
 * is someone else taking the floor, not the same quotation going on:
 * `"…," Ann Lee said. "…` then `"…," added Bo Chen.`
 */
function newSpeaker(body: string, prev: Group, g: Group): boolean {
  if (!prev.attribution || !g.attribution) return false;
  const name = (a: Attribution) => speakerName(body.slice(a.speakerStart, a.speakerEnd))?.split(' ').at(-1);
  const next = name(g.attribution);
  return !!next && next !== name(prev.attribution);
}
