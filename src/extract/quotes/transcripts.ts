/**
 * Quotations that carry no quotation marks: interviews printed as transcripts and posts embedded
 * as block quotes.
 *
 * - `Q:`/`A:` paragraphs, or turns each opened by a dash (`— Did you vote?` then `— No.`): an
 *   answer is a quotation of the interviewee, the person the introduction names; a question is
 *   the publication's own words and no quotation (searching what someone said should not find
 *   what they were asked).
 * - A paragraph signed with a dash, a name and a handle (`— Ann Lee (@annlee) May 3, 2025`, as
 *   embedded posts print once their markup is gone) is that person's quotation.
 */
import { nth } from '../text/nth.js';
import type { Paragraph } from './marks.js';

export interface MarklessQuote {
  start: number;
  end: number;
  speaker: string | null;
  speakerSpan: [number, number] | null;
  rule: string;
}

const QA_LABEL = /^(Q|A)[:.]\s+(?=\S)/;
const DASH_TURN = /^[\u2014\u2015\u2013]\s*(?=\S)/;
/** A dash, a name of up to five words, a handle in brackets, and maybe a date. */
const POST_SIGNATURE =
  /(?:^|\s)[\u2014\u2015\u2013-]{1,2}\s?(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,4}) \(@\w{1,30}\)[^\n]{0,40}$/u;
/**
 * A transcript has at least this many questions each answered in turn: one `Q:`/`A:` pair (a
 * reader's question in a box, a label in a list) is no interview.
 */
const MIN_EXCHANGES = 2;
/** Where the introduction may name the interviewee: this many paragraphs before the first turn. */
const INTRODUCTION_PARAGRAPHS = 3;

/** Transcript answers and signed posts in the body, in body order. */
export function marklessQuotes(body: string, paragraphs: Paragraph[]): MarklessQuote[] {
  return [...transcriptAnswers(body, paragraphs), ...signedPosts(body, paragraphs)].sort(
    (a, b) => a.start - b.start,
  );
}

interface Turn {
  para: number;
  /** Where the words start, after the label or dash. */
  start: number;
  question: boolean;
}

/** The turns of a transcript, or none when the body has no run of at least two. */
function turns(body: string, paragraphs: Paragraph[]): Turn[] {
  const qa: Turn[] = [];
  const dash: Turn[][] = [];
  let run: Turn[] = [];
  paragraphs.forEach((p, i) => {
    const text = body.slice(p.start, p.end);
    const label = QA_LABEL.exec(text);
    if (label) qa.push({ para: i, start: p.start + label[0].length, question: label[1] === 'Q' });
    const d = DASH_TURN.exec(text);
    if (d) {
      // Turns alternate, question first.
      run.push({ para: i, start: p.start + d[0].length, question: run.length % 2 === 0 });
    } else if (run.length) {
      dash.push(run);
      run = [];
    }
  });
  if (run.length) dash.push(run);
  const out: Turn[] = [];
  if (exchanges(qa) >= MIN_EXCHANGES) out.push(...qa);
  // A run of dash paragraphs is an interview when its questions ask, the first one included: a
  // list set with dashes is not.
  for (const r of dash)
    if (r.length >= 2 && r.filter((t) => t.question).every((t) => asks(body, paragraphs, t))) out.push(...r);
  return out.sort((a, b) => a.para - b.para);
}

/** Questions answered by the next labelled paragraph. */
function exchanges(qa: Turn[]): number {
  return qa.filter((t, i) => i > 0 && !t.question && nth(qa, i - 1).question).length;
}

function asks(body: string, paragraphs: Paragraph[], t: Turn): boolean {
  return /\?['"”’]?\s*$/.test(body.slice(t.start, nth(paragraphs, t.para).end));
}

function transcriptAnswers(body: string, paragraphs: Paragraph[]): MarklessQuote[] {
  const all = turns(body, paragraphs);
  if (!all.length) return [];
  const firstPara = nth(all, 0).para;
  const intro = nth(paragraphs, Math.max(0, firstPara - INTRODUCTION_PARAGRAPHS));
  const who = firstPersonName(body, intro.start, firstPara > 0 ? nth(paragraphs, firstPara - 1).end : 0);
  return all
    .filter((t) => !t.question)
    .map((t) => ({
      start: t.start,
      end: nth(paragraphs, t.para).end,
      speaker: who ? body.slice(who[0], who[1]) : null,
      speakerSpan: who,
      rule: 'transcript',
    }));
}

const NAME_RUN = /\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}[\p{Ll}'’-]+){1,3}/gu;

/**
 * The first run of two to four capitalised words in body[from, to) that does not open a
 * sentence: introductions name the interviewee in full (`We spoke with the novelist Ilse
 * Marrow`, `The harbour master, Tove Brandt, retires`).
 */
function firstPersonName(body: string, from: number, to: number): [number, number] | null {
  NAME_RUN.lastIndex = from;
  for (let m = NAME_RUN.exec(body); m && m.index < to; m = NAME_RUN.exec(body)) {
    const before = body.slice(Math.max(from, m.index - 3), m.index);
    if (m.index === from || /(?:[.!?]['"”’]?\s+|\n)$/.test(before)) {
      // A sentence opener may still begin a name two words on: "The Harbour Gazette …".
      NAME_RUN.lastIndex = m.index + m[0].indexOf(' ') + 1;
      continue;
    }
    if (m.index + m[0].length > to) break;
    return [m.index, m.index + m[0].length];
  }
  return null;
}

/** A post embedded as a block quote: its paragraph, signed in it or by the next one. */
function signedPosts(body: string, paragraphs: Paragraph[]): MarklessQuote[] {
  const out: MarklessQuote[] = [];
  paragraphs.forEach((p, i) => {
    const text = body.slice(p.start, p.end);
    // Markup left in the text (`<tweet author=…>`) is an embed the normaliser did not read.
    if (text.startsWith('<')) return;
    const own = text.includes('(@') ? POST_SIGNATURE.exec(text) : null;
    if (own && own.index > 0) {
      const end = p.start + own.index;
      const nameAt = p.start + own.index + own[0].indexOf(own[1]!);
      out.push(post(p.start, end, body, nameAt, own[1]!));
      return;
    }
    const next = paragraphs[i + 1];
    if (!next || own || !/\S/.test(text)) return;
    const nextText = body.slice(next.start, next.end);
    const sig = nextText.includes('(@') ? POST_SIGNATURE.exec(nextText) : null;
    if (!sig || sig.index > 0) return;
    const nameAt = next.start + sig[0].indexOf(sig[1]!);
    out.push(post(p.start, p.end, body, nameAt, sig[1]!));
  });
  return out;
}

function post(start: number, end: number, body: string, nameAt: number, name: string): MarklessQuote {
  let e = end;
  while (e > start && /\s/.test(body[e - 1]!)) e--;
  return { start, end: e, speaker: name, speakerSpan: [nameAt, nameAt + name.length], rule: 'signed-post' };
}
