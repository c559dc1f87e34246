/**
 * Direct quotations and their speakers in an article body. Pure: no I/O, linear in the body.
 *
 * A quoted piece is kept when an attribution sits next to it, or when it stands as a
 * sentence of its own (then it continues the previous speaker). Pieces inside a sentence
 * with no cue next to them are scare quotes, titles or fragments of indirect speech, unless
 * they sit in a paragraph already quoting someone (see units.ts). A quotation that runs
 * over paragraphs, each reopening it, is one quote from its first to its last mark, unless the
 * reopened paragraph names another speaker. Where the speaker's sentence goes on past the
 * closing mark (`"…" with the vote, she said.`, `She said "…" would change.`), the quotation
 * takes in the rest of that sentence (mixed.ts), as annotated news corpora mark it.
 *
 * The stages, one file each: marks.ts pairs quotation marks into pieces; groups.ts groups the
 * pieces of one sentence and finds each group's attribution (attribution-before.ts,
 * attribution-after.ts, signature.ts; the speaker phrase from speaker-phrase.ts and
 * subjects.ts; cues.ts recognises speech verbs); paragraph-join.ts joins quotations that run
 * over paragraphs; this file keeps or drops each group and carries speakers forward
 * (prose-speakers.ts, speaker-names.ts); units.ts joins the kept pieces of a paragraph.
 */

import type { ExtractedQuote } from '../../model/documents.js';
import { nth } from '../text/nth.js';
import type { Attribution } from './attribution.js';
import { WEAK_CUES } from './cues.js';
import { describedPerson } from './descriptions.js';
import {
  type Gender,
  honorificMentions,
  type Mention,
  nameGender,
  pronounGender,
  surnameGenders,
} from './gender.js';
import { type Group, groupPieces } from './groups.js';
import { findQuotedPieces, splitParagraphs } from './marks.js';
import { exampleSink, on, type QuoteOptions, speakerWeights, withOptions } from './options.js';
import { joinParagraphs } from './paragraph-join.js';
import { lastNamedSpeaker } from './prose-speakers.js';
import {
  candidateFeatures,
  chooseSpeaker,
  type SpeakerCandidate,
  type SpeakerExample,
  type SpeakerWeights,
} from './speaker-choice.js';
import { coreSpeaker, isAnaphoric, isPronoun, speakerNameSpan } from './speaker-names.js';
import { marklessQuotes } from './transcripts.js';
import { joinUnits, type UnitPiece } from './units.js';

const MIN_STANDALONE_WORDS = 4;

/**
 * The direct quotations of one article body, with speaker and cue as written; `weights` are the
 * speaker scorer's as the build estimated them for the archive (archive-weights.ts), or the defaults.
 */
export function extractQuotes(body: string, weights?: SpeakerWeights): ExtractedQuote[] {
  return extractQuotesWithRules(body, weights ? { weights } : undefined).map(({ rule: _rule, ...q }) => q);
}

/**
 * extractQuotes plus the rule that kept each quote (for the evaluation's error report), with
 * mechanisms switched off or weights set as the evaluation asks.
 */
export function extractQuotesWithRules(
  body: string,
  options?: QuoteOptions,
): Array<ExtractedQuote & { rule: string }> {
  return withOptions(options, () => extractWithRules(body));
}

function extractWithRules(body: string): Array<ExtractedQuote & { rule: string }> {
  const paragraphs = splitParagraphs(body);
  const pieces = findQuotedPieces(body, paragraphs);
  const groups = joinParagraphs(body, groupPieces(body, pieces, paragraphs), paragraphs);
  const units: Array<UnitPiece & Speaker & { cue: string | null }> = [];
  let lastNamed: Speaker | null = null;
  // Pronouns follow the reporter's prose too ("…, said Tom Reyes." then "…," he said);
  // descriptions ("the senator") point back to a quoted speaker.
  let lastMentioned: Speaker | null = null;
  let lastSpeaker: Speaker | null = null;
  let lastKept: Group | null = null;
  // Every named speaker so far, for a pronoun that does not agree with the last one.
  const named: Speaker[] = [];
  let genders: ArticleGenders | undefined;
  // The reporter's prose between quotations since lastMentioned was set, read back only when a
  // pronoun needs it.
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
        speakerSpan: null,
        cue: null,
        rule: '',
      });
      continue;
    }
    const prevKeptEnd = lastKept?.end ?? 0;
    if (!g.attribution) {
      const follows = lastKept?.attribution && lastKept.lastPara >= g.para - 1;
      g.rule = `${g.rule}${follows ? '-follow' : '-far'}${g.wholePara ? '-para' : ''}`;
    }
    lastKept = g;
    let speaker: Speaker | null = null;
    if (g.attribution) {
      const { speakerStart, speakerEnd } = g.attribution;
      const written = body.slice(speakerStart, speakerEnd);
      if (isPronoun(written)) {
        // The scored choice among the people named before the quote (speaker-choice.ts).
        const prose = on('prose-speakers') ? mentionedSince(body, gaps) : null;
        gaps.length = 0;
        genders ??= articleGenders(body);
        const bySurname = genders.bySurname;
        const chosen: SpeakerCandidate | null = chooseSpeaker(
          pronounCandidates(g.start, prevKeptEnd, prose, lastMentioned, lastSpeaker, named, genders),
          pronounGender(written),
          (name) => nameGender(name, bySurname),
          g.start,
          speakerWeights(),
        );
        if (chosen) lastMentioned = { speaker: chosen.speaker, speakerSpan: chosen.speakerSpan };
        speaker = lastMentioned;
      } else if (isAnaphoric(written)) {
        // A description says who as written ("the Vermont senator"); the name it points to is
        // the span's business: the person the article gave that role, else the last one named.
        const described = on('described-roles')
          ? describedPerson(
              body,
              written,
              Math.min(g.start, speakerStart),
              lastNamed?.speakerSpan ? surname(body.slice(...lastNamed.speakerSpan)) : null,
            )
          : null;
        speaker = { speaker: written, speakerSpan: described ?? lastNamed?.speakerSpan ?? null };
      } else {
        speaker = { speaker: written, speakerSpan: nameSpanIn(body, speakerStart, speakerEnd) };
        const sink = exampleSink();
        if (sink && speaker.speakerSpan && !g.attributedBefore) {
          genders ??= articleGenders(body);
          const example = backReference(
            body,
            speaker.speakerSpan,
            g.start,
            pronounCandidates(
              g.start,
              prevKeptEnd,
              on('prose-speakers') ? mentionedSince(body, gaps) : null,
              lastMentioned,
              lastSpeaker,
              named,
              genders,
            ),
            genders.bySurname,
          );
          if (example) sink(example);
        }
        if (speaker.speakerSpan) {
          lastNamed = lastMentioned = { speaker: coreSpeaker(written), speakerSpan: speaker.speakerSpan };
          named.push(lastNamed);
          gaps.length = 0;
        }
      }
    } else speaker = lastSpeaker;
    lastSpeaker =
      speaker?.speakerSpan && speaker.speaker
        ? { ...speaker, speaker: coreSpeaker(speaker.speaker) }
        : speaker;
    units.push({
      start: g.start,
      end: g.end,
      para: g.para,
      lastPara: g.lastPara,
      attributed: !!g.attribution,
      kept: true,
      followsPara: !g.attribution && g.wholePara,
      endsOnAttribution:
        !!g.attribution && !g.attributedBefore && nth(paragraphs, g.lastPara).end - g.attribution.end <= 1,
      speaker: speaker?.speaker ?? null,
      speakerSpan: speaker?.speakerSpan ?? null,
      cue: g.attribution?.cue ?? null,
      rule: (g.rule ?? '?') + (g.attribution?.object ? '-obj' : ''),
    });
  }
  const quotes = joinUnits(units).map(({ start, end, speaker, speakerSpan, cue, rule }) => ({
    text: body.slice(start, end),
    start,
    end,
    speaker,
    speakerSpan,
    cue,
    rule,
  }));
  const markless = on('markless') ? marklessQuotes(body, paragraphs) : [];
  if (!markless.length) return quotes;
  // A transcript answer or a post is one quotation whatever it quotes inside.
  const inside = (q: { start: number; end: number }) =>
    markless.some((m) => q.start < m.end && m.start < q.end);
  return [
    ...quotes.filter((q) => !inside(q)),
    ...markless.map((m) => ({ ...m, text: body.slice(m.start, m.end), cue: null })),
  ].sort((a, b) => a.start - b.start);
}

/** Who spoke as the quote reports it, and where in the body the name it resolves to is written. */
interface Speaker {
  speaker: string | null;
  speakerSpan: [number, number] | null;
}

/** Body offsets of the name in the speaker phrase body[start, end), or null when it names no one. */
function nameSpanIn(body: string, start: number, end: number): [number, number] | null {
  const span = speakerNameSpan(body.slice(start, end));
  return span ? [start + span[0], start + span[1]] : null;
}

interface ArticleGenders {
  mentions: Mention[];
  bySurname: Map<string, Gender | null>;
}

function articleGenders(body: string): ArticleGenders {
  const mentions = honorificMentions(body);
  return { mentions, bySurname: surnameGenders(mentions) };
}

/** How far back a pronoun looks for earlier speakers and honorific mentions. */
const AGREEMENT_WINDOW = 1500;

/**
 * Whom a pronoun at `at` may stand for: the person the prose names since the previous quote, the
 * last person mentioned, earlier named speakers and honorific mentions within AGREEMENT_WINDOW.
 */
function pronounCandidates(
  at: number,
  sinceQuote: number,
  prose: Speaker | null,
  lastMentioned: Speaker | null,
  lastSpeaker: Speaker | null,
  named: Speaker[],
  genders: ArticleGenders,
): SpeakerCandidate[] {
  const out: SpeakerCandidate[] = [];
  const seen = new Set<number>();
  const add = (speaker: string | null, span: [number, number] | null) => {
    if (!speaker || !span || span[0] >= at || seen.has(span[0])) return;
    seen.add(span[0]);
    out.push({
      speaker,
      speakerSpan: span,
      prose: span[0] >= sinceQuote,
      lastSpeaker: !!lastSpeaker?.speakerSpan && lastSpeaker.speakerSpan[0] === span[0],
    });
  };
  add(prose?.speaker ?? null, prose?.speakerSpan ?? null);
  add(lastMentioned?.speaker ?? null, lastMentioned?.speakerSpan ?? null);
  for (const s of named)
    if (s.speakerSpan && s.speakerSpan[0] > at - AGREEMENT_WINDOW) add(s.speaker, s.speakerSpan);
  for (const m of genders.mentions) {
    if (m.span[0] >= at) break;
    if (m.span[0] > at - AGREEMENT_WINDOW) add(m.text, m.span);
  }
  return out;
}

/** The last word of a name as written, without trailing punctuation: its surname. */
function surname(name: string): string | null {
  return (
    name
      .trim()
      .split(/\s+/)
      .at(-1)
      ?.replace(/[^\p{L}'’-]+$/u, '') || null
  );
}

/**
 * The choice a pronoun would have posed here, answered by the name the reporter wrote instead:
 * the candidates before the quote, the right ones those with the name's surname. Null when the
 * name is new to the article or there is nothing to choose between.
 */
function backReference(
  body: string,
  nameSpan: [number, number],
  at: number,
  candidates: SpeakerCandidate[],
  bySurname: Map<string, Gender | null>,
): SpeakerExample | null {
  const name = body.slice(nameSpan[0], nameSpan[1]);
  const wanted = surname(name);
  if (candidates.length < 2 || !wanted) return null;
  const gender = nameGender(name, bySurname);
  const out = candidates.map((c) => ({
    ...candidateFeatures(c, gender, (n) => nameGender(n, bySurname), at),
    right: surname(c.speaker) === wanted,
  }));
  return out.some((c) => c.right) && out.some((c) => !c.right) ? { candidates: out } : null;
}

function mentionedSince(body: string, gaps: Array<[number, number]>): Speaker | null {
  for (let i = gaps.length - 1; i >= 0; i--) {
    const found = lastNamedSpeaker(body, nth(gaps, i)[0], nth(gaps, i)[1]);
    const name = found && nameSpanIn(body, found[0], found[1]);
    if (found && name) return { speaker: body.slice(found[0], found[1]), speakerSpan: name };
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
    if (on('mixed-is-reported') && completesReportersSentence(body, g)) return false;
    if (on('naming-cues') && g.position === 'W' && namesRatherThanQuotes(body, g, g.attribution))
      return false;
    return g.position === 'C' || !!g.attribution.object || endsSentence;
  }
  // A follow-up: a sentence of its own after an attributed quote, in the same paragraph, or
  // filling the next paragraph. A quote opening a paragraph that goes on in the reporter's
  // words is more often someone else's or a title.
  if (!on('follow-ups') || !g.standalone || g.words < MIN_STANDALONE_WORDS || !lastKept?.attribution)
    return false;
  return lastKept.lastPara === g.para || (lastKept.lastPara === g.para - 1 && g.wholePara);
}

/**
 * A quote opening in lower case that completes a sentence the reporter began is a mixed
 * quotation, reported speech with quoted words: `He said Lee "knows full well…"` (the name
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
  return !on('listener') || !LISTENER.test(body.slice(Math.max(0, g.start - 30), g.start));
}

const LISTENER = /\b(?:reporters|journalists|crowds?|audiences?|supporters|voters|listeners|viewers)\s*$/i;
