/**
 * Direct quotations and their speakers in an article body. Pure: no I/O, linear in the body.
 *
 * A quoted piece is kept when an attribution sits next to it, or when it stands as a
 * sentence of its own (then it continues the previous speaker). Pieces inside a sentence
 * with no cue next to them are scare quotes, titles or fragments of indirect speech, unless
 * they sit in a paragraph already quoting someone (see quotes-units). A quotation that runs
 * over paragraphs, each reopening it, is one quote from its first to its last mark, unless the
 * reopened paragraph names another speaker. Where the speaker's sentence goes on past the
 * closing mark (`"…" with the vote, she said.`, `She said "…" would change.`), the quotation
 * takes in the rest of that sentence (quotes-mixed), as annotated news corpora mark it.
 */

import type { ExtractedQuote } from '../../model/documents.js';
import { endsSentence, tokenizeWords } from '../text/word-tokens.js';
import {
  type Attribution,
  attributionAfter,
  attributionAtSentenceEnd,
  attributionBefore,
  isCueAt,
  sentenceStart,
} from './attribution.js';
import { WEAK_CUES } from './lexicon.js';
import {
  endsWithPeriod,
  findQuotedPieces,
  type Paragraph,
  type QuotedPiece,
  splitParagraphs,
} from './marks.js';
import { sentenceEndAfter, spokenIntoSentence } from './mixed.js';
import { lastNamedSpeaker } from './prose-speakers.js';
import { signature, signedParagraph } from './signature.js';
import { coreSpeaker, isAnaphoric, isPronoun, speakerName } from './speaker-names.js';
import { joinUnits, type UnitPiece } from './units.js';

export { speakerName } from './speaker-names.js';

interface Group {
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

const MIN_STANDALONE_WORDS = 4;

export function extractQuotes(body: string): ExtractedQuote[] {
  return extractQuotesWithRules(body).map(({ rule: _rule, ...q }) => q);
}

/** extractQuotes plus the rule that kept each quote (for the evaluation's error report). */
export function extractQuotesWithRules(body: string): Array<ExtractedQuote & { rule: string }> {
  const paragraphs = splitParagraphs(body);
  const pieces = findQuotedPieces(body, paragraphs);
  const groups = groupPieces(body, pieces, paragraphs);
  const units: Array<UnitPiece & { speaker: string | null; cue: string | null }> = [];
  let lastNamed: string | null = null;
  // Pronouns follow the reporter's prose too ("…, said Jake Horowitz." then "…," he said);
  // descriptions ("the senator") point back to a quoted speaker.
  let lastMentioned: string | null = null;
  let lastSpeaker: string | null = null;
  let lastKept: Group | null = null;
  // The reporter's prose between quotations since lastMentioned was set, read back only when a pronoun needs it.
  const gaps: Array<[number, number]> = [];
  let prevEnd = 0;
  for (const g of groups) {
    gaps.push([prevEnd, g.start]);
    prevEnd = g.end;
    if (!keep(g, body, lastKept)) {
      units.push({
        start: g.start,
        end: g.end,
        para: g.para,
        lastPara: g.lastPara,
        attributed: !!g.attribution,
        kept: false,
        speaker: null,
        cue: null,
        rule: '',
      });
      continue;
    }
    if (!g.attribution) {
      const follows = lastKept?.attribution && lastKept.lastPara >= g.para - 1;
      g.rule = `${g.rule}${follows ? '-follow' : '-far'}${g.wholePara ? '-para' : ''}`;
    }
    lastKept = g;
    let speaker: string | null = null;
    if (g.attribution) {
      const written = body.slice(g.attribution.speakerStart, g.attribution.speakerEnd);
      if (isPronoun(written)) {
        lastMentioned = mentionedSince(body, gaps) ?? lastMentioned;
        gaps.length = 0;
        speaker = lastMentioned;
      } else if (isAnaphoric(written)) speaker = lastNamed ?? written;
      else {
        speaker = written;
        if (speakerName(written)) {
          lastNamed = lastMentioned = coreSpeaker(written);
          gaps.length = 0;
        }
      }
    } else speaker = lastSpeaker;
    lastSpeaker = speaker && speakerName(speaker) ? coreSpeaker(speaker) : speaker;
    units.push({
      start: g.start,
      end: g.end,
      para: g.para,
      lastPara: g.lastPara,
      attributed: !!g.attribution,
      kept: true,
      followsPara: !g.attribution && g.wholePara,
      endsOnAttribution:
        !!g.attribution && !g.attributedBefore && paragraphs[g.lastPara]!.end - g.attribution.end <= 1,
      speaker,
      cue: g.attribution?.cue ?? null,
      rule: (g.rule ?? '?') + (g.attribution?.object ? '-obj' : ''),
    });
  }
  return joinUnits(units).map(({ start, end, speaker, cue, rule }) => ({
    text: body.slice(start, end),
    start,
    end,
    speaker,
    cue,
    rule,
  }));
}

function mentionedSince(body: string, gaps: Array<[number, number]>): string | null {
  for (let i = gaps.length - 1; i >= 0; i--) {
    const found = lastNamedSpeaker(body, gaps[i]![0], gaps[i]![1]);
    if (found && speakerName(found)) return found;
  }
  return null;
}

function keep(g: Group, body: string, lastKept: Group | null): boolean {
  if (g.attribution) {
    if (g.standalone || g.runsToSentenceEnd) return true;
    if (!g.attributedBefore) return false;
    // Inside a sentence, "says "…"" quotes only when the quote ends the sentence; "called it "…"" always.
    const endsSentence =
      /[.!?]['"”’]*$/.test(body.slice(g.end - 4, g.end)) || /^[.!?]/.test(body.slice(g.end, g.end + 1));
    if (completesReportersSentence(body, g)) return false;
    if (g.position === 'W' && namesRatherThanQuotes(body, g, g.attribution)) return false;
    return g.position === 'C' || !!g.attribution.object || endsSentence;
  }
  // A follow-up: a sentence of its own after an attributed quote, in the same paragraph, or
  // filling the next paragraph. A quote opening a paragraph that goes on in the reporter's
  // words is more often someone else's or a title.
  if (!g.standalone || g.words < MIN_STANDALONE_WORDS || !lastKept?.attribution) return false;
  return lastKept.lastPara === g.para || (lastKept.lastPara === g.para - 1 && g.wholePara);
}

/**
 * A quote opening in lower case that completes a sentence the reporter began is a mixed
 * quotation, reported speech with quoted words: `He said Obama "knows full well…"` (the name
 * after the cue is the subject of the reported clause) or `A downturn, he said, "could be…"`
 * (the attribution interrupts the reporter's sentence). Naming cues (`called Smith "…"`)
 * do quote what follows.
 */
function completesReportersSentence(body: string, g: Group): boolean {
  const a = g.attribution;
  if (!a || (g.position !== 'W' && g.position !== 'C') || !/^\P{L}*\p{Ll}/u.test(body.slice(g.start, g.end)))
    return false;
  if (a.objectNamed && !WEAK_CUES.has(a.cue ?? '')) return true;
  return g.parenthetical && g.position === 'C';
}

/**
 * Inside the reporter's sentence, `called it "a disaster"`, `what she described as "…"` and
 * `urged "…"` label or paraphrase; a speech verb with at most its listener (`told reporters "…"`)
 * hands over to the speaker.
 */
function namesRatherThanQuotes(body: string, g: Group, a: Attribution): boolean {
  if (WEAK_CUES.has(a.cue ?? '')) return true;
  if (!a.object) return false;
  return !LISTENER.test(body.slice(Math.max(0, g.start - 30), g.start));
}

const LISTENER = /\b(?:reporters|journalists|crowds?|audiences?|supporters|voters|listeners|viewers)\s*$/i;

function groupPieces(body: string, pieces: QuotedPiece[], paragraphs: Paragraph[]): Group[] {
  const groups: Group[] = [];
  let prevEnd = 0;
  // An attribution that belongs to the next piece rather than the one it follows.
  let handed = null as { at: number; attribution: Attribution } | null;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const para = paragraphs[p.para]!;
    const signed = p.start === para.start ? signedParagraph(body, para) : null;
    if (signed) {
      // A signed comment is one quotation whatever marks it quotes inside: skip its inner pieces.
      while (pieces[i + 1]?.para === p.para && pieces[i + 1]!.start < signed.end) i++;
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
      pieces[i - 1]?.para === p.para && !pieces[i - 1]!.closed && !body.slice(prevEnd, p.start).trim();
    const floor = cut ? para.start : Math.max(para.start, prevEnd);
    const sStart = sentenceStart(body, floor, p.start);
    const lead = body.slice(sStart, p.start).trimEnd();
    const position = positionOf(lead);
    const standalone = position === 'S' || position === 'P';
    let attribution = position === 'S' ? null : attributionBefore(body, sStart, p.start);
    if (
      !attribution &&
      (position === 'C' || position === 'W') &&
      floor > para.start &&
      !endsWithPeriod(body, floor)
    ) {
      // An earlier piece inside the same sentence (`Gore called it "premature" ..., adding, "…"`).
      attribution = attributionBefore(body, sentenceStart(body, para.start, p.start), p.start);
    }
    let rule = attribution ? 'before' : '';
    if (!attribution && handed?.at === i) {
      attribution = handed.attribution;
      rule = 'handed';
    }
    if (!attribution && standalone && p.start === para.start && p.para > 0) {
      attribution = colonIntro(body, paragraphs[p.para - 1]!, prevEnd);
      if (attribution) rule = 'colon-para';
    }
    let end = p.end;
    let last = p;
    // Merge `"…," he said, "…"` into one quote, and run the attribution after the last piece.
    for (;;) {
      const next = pieces[i + 1];
      const limit = next && next.para === last.para ? next.start : paragraphs[last.para]!.end;
      let after =
        last.closed && !(last === p && !standalone && endsWithPeriod(body, p.end))
          ? attributionAfter(body, last.end, limit, endsWithComma(body, last.end))
          : null;
      // `"…." She said, "…"`: after a quote that closed its sentence, a cue ending on a comma or colon introduces the next one.
      if (
        after &&
        next &&
        next.para === last.para &&
        endsWithPeriod(body, last.end) &&
        /^[,:]\s*$/.test(body.slice(after.end, next.start))
      )
        after = null;
      // `Praising her "patience," Ann Lee said, "We…"`: a piece inside the reporter's sentence is
      // a title or scare quote, and the attribution after it introduces the new sentence quoted next
      // (one going on in lower case, `"he must…," she says, "but…"`, is the same quotation).
      // A cue running straight into the next piece (`labeled "urgent," a nurse wrote "no visitors."`) introduces it.
      if (
        after &&
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
      if (rule.startsWith('before') && !rule.includes('+merge')) {
        // `X scolded him: "…," she said. "…"`: the first piece has its attribution, so the one
        // after it introduces the next piece, a quotation of its own.
        handed = { at: i + 1, attribution: after };
        break;
      }
      i++;
      rule += '+merge';
      last = next;
      end = next.end;
    }
    let runsToSentenceEnd = false;
    if (
      rule === 'before' &&
      position === 'W' &&
      last === p &&
      p.closed &&
      spokenIntoSentence(body, attribution!, p.end)
    ) {
      const stop = sentenceEndAfter(body, p.end, paragraphs[p.para]!.end);
      if (stop) {
        // The quotation is the speaker's sentence from the opening mark on, with any pieces quoted further in it.
        end = stop;
        while (pieces[i + 1] && pieces[i + 1]!.start < end) last = pieces[++i]!;
        runsToSentenceEnd = true;
        rule = 'before-mixed';
      }
    }
    if (!attribution && standalone && last.closed) {
      const limit = pieces[i + 1]?.para === last.para ? pieces[i + 1]!.start : paragraphs[last.para]!.end;
      const closing = attributionAtSentenceEnd(body, last.end, limit, true);
      if (closing) {
        // The sentence is all the speaker's: `"We are pleased" with the vote, she said.`
        attribution = closing;
        end = closing.contentEnd;
        rule = 'sentence-end';
        if (closing.interrupts && pieces[i + 1]?.start === closing.contentEnd) {
          last = pieces[++i]!;
          end = last.end;
          rule += '+merge';
        }
      }
    }
    if (!attribution && standalone && p.start === para.start && paragraphs[last.para]!.end - end <= 1) {
      attribution = signature(body, paragraphs[last.para + 1]);
      if (attribution) rule = 'signed';
    }
    if (!attribution && standalone && p.start === para.start && last.closed) {
      attribution = signature(body, { start: end, end: paragraphs[last.para]!.end });
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
      wholePara: para.start === p.start && paragraphs[last.para]!.end - end <= 1,
      parenthetical: !!attribution && /\S,$/.test(body.slice(sStart, attribution.speakerStart).trim()),
      runsToSentenceEnd,
    });
    prevEnd = end;
  }
  return joinParagraphs(body, groups, paragraphs);
}

/**
 * A quotation that runs over paragraphs leaves each one unclosed and reopens the next:
 * one quotation from the first opening mark to the final closing mark, attributed wherever
 * its attribution sits.
 */
function joinParagraphs(body: string, groups: Group[], paragraphs: Paragraph[]): Group[] {
  const out: Group[] = [];
  for (const g of groups) {
    const prev = out.at(-1);
    if (
      prev?.runsOn &&
      g.para === prev.lastPara + 1 &&
      g.start === paragraphs[g.para]!.start &&
      !newSpeaker(body, prev, g) &&
      !strayOpening(body, prev)
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

/** `Trump said:` closing the previous paragraph introduces a quote paragraph. */
function colonIntro(body: string, prev: { start: number; end: number }, prevEnd: number): Attribution | null {
  if (body[prev.end - 1] !== ':') return null;
  const floor = Math.max(prev.start, prevEnd);
  const s = sentenceStart(body, floor, prev.end);
  return attributionBefore(body, s, prev.end);
}

/** Where a quote opens: S sentence start, P after a colon, dash or bracket, C after a comma, W after a word. */
function positionOf(lead: string): 'S' | 'P' | 'C' | 'W' {
  if (lead === '') return 'S';
  const last = lead.at(-1)!;
  if (
    last === ':' ||
    last === '(' ||
    last === '[' ||
    (/[\u2014\u2013-]$/.test(lead) && /\s[\u2014\u2013-]+$|[\u2014\u2013]$/.test(lead))
  )
    return 'P';
  if (last === ',') return 'C';
  return 'W';
}

/**
 * After `"…," he said`, the next quoted piece of the paragraph continues the same quotation
 * unless something else is said in between or it carries an attribution of its own.
 */
function continuesQuote(
  body: string,
  from: number,
  next: QuotedPiece,
  after: QuotedPiece | undefined,
  paragraphs: Paragraph[],
): boolean {
  // `…," said Ann Lee. Bo Chen replied: "…"`: a new sentence introducing the next piece with a colon.
  if (/[.!?]['"”’)]*\s+[^.!?]+:\s*$/.test(body.slice(from, next.start))) return false;
  const toks = tokenizeWords(body, from, next.start);
  if (toks.length > 60) return false;
  if (toks.some((_, k) => isCueAt(toks, k))) return false;
  const short = toks.length <= 12 && toks.every((t, k) => k === toks.length - 1 || !endsSentence(t));
  const atSentenceStart = toks.length === 0 || /[.!?,:;]['"”’)]*$/.test(toks.at(-1)!.post);
  if (!short && !atSentenceStart) return false;
  if (!next.closed) return true;
  const limit = after && after.para === next.para ? after.start : paragraphs[next.para]!.end;
  // `"…" to cut costs, she said.` carries an attribution of its own at its sentence's end.
  return !attributionAfter(body, next.end, limit) && !attributionAtSentenceEnd(body, next.end, limit, true);
}

/** The quote closes on a comma, question or exclamation mark: its sentence goes on. */
function endsWithComma(body: string, end: number): boolean {
  return /[,?!\u2014-]['"”’]*$/.test(body.slice(Math.max(0, end - 4), end));
}

/** The quoted words open with a capital: a sentence of their own rather than a continuation. */
function opensCapitalized(body: string, piece: QuotedPiece): boolean {
  return /^\P{L}*\p{Lu}/u.test(body.slice(piece.start, piece.end));
}

function countWords(body: string, start: number, end: number): number {
  return body
    .slice(start, end)
    .split(/\s+/)
    .filter((w) => /\w/.test(w)).length;
}
