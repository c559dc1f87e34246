/**
 * Text normalization for titles and bodies: NFC, mojibake repair, invisible characters removed,
 * whitespace collapsed, paragraphs separated by exactly one blank line.
 *
 * Extraction runs on the normalized body but reports offsets into the body as given, so every
 * step is a list of edits and `toInput` maps offsets back through all of them.
 */
import { type Edit, mojibakeEdits } from './mojibake.js';

/**
 * Which input offset an output boundary stands for: seen from the character after it ('start',
 * for span starts) or from the character before it ('end', for exclusive span ends). The two
 * differ only next to removed or replaced text: a removed stretch lies after 'end' and before
 * 'start', and a boundary inside a replacement widens to the whole replaced stretch.
 */
export type Side = 'start' | 'end';

export interface NormalizedBody {
  text: string;
  toInput(offset: number, side?: Side): number;
}

/** For each output character, the input stretch it came from; null while nothing has changed. */
interface Step {
  text: string;
  from: Int32Array | null;
  to: Int32Array | null;
  inputLength: number;
}

/** Applies `edits` (sorted, non-overlapping) to the previous step's text and composes the maps. */
function apply(prev: Step, edits: Edit[]): Step {
  if (edits.length === 0) return prev;
  const src = prev.text;
  let length = src.length;
  for (const e of edits) length += e.text.length - (e.end - e.start);
  const from = new Int32Array(length);
  const to = new Int32Array(length);
  let n = 0;
  let out = '';
  const keep = (start: number, end: number) => {
    out += src.slice(start, end);
    if (prev.from && prev.to) {
      from.set(prev.from.subarray(start, end), n);
      to.set(prev.to.subarray(start, end), n);
      n += end - start;
    } else {
      for (let k = start; k < end; k++, n++) {
        from[n] = k;
        to[n] = k + 1;
      }
    }
  };
  const prevFrom = (k: number) => (prev.from ? prev.from[k]! : k);
  const prevTo = (k: number) => (prev.to ? prev.to[k]! : k + 1);
  let at = 0;
  for (const e of edits) {
    keep(at, e.start);
    // A replacement covers everything the replaced characters came from.
    const first = e.start < src.length ? prevFrom(e.start) : prev.inputLength;
    const last = e.end > e.start ? prevTo(e.end - 1) : first;
    out += e.text;
    from.fill(first, n, n + e.text.length);
    to.fill(last, n, n + e.text.length);
    n += e.text.length;
    at = e.end;
  }
  keep(at, src.length);
  return { text: out, from, to, inputLength: prev.inputLength };
}

/** NFC, edited only where it changes something: a non-ASCII run plus the base character before it. */
function nfcEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(/[\0-\x7f]?[^\0-\x7f]+/g)) {
    const chunk = m[0];
    const nfc = chunk.normalize('NFC');
    if (nfc === chunk) continue;
    let head = 0;
    while (head < chunk.length && head < nfc.length && chunk[head] === nfc[head]) head++;
    let tail = 0;
    while (
      tail < chunk.length - head &&
      tail < nfc.length - head &&
      chunk[chunk.length - 1 - tail] === nfc[nfc.length - 1 - tail]
    )
      tail++;
    if (head > 0 && /[\ud800-\udbff]/.test(chunk[head - 1]!)) head--;
    if (tail > 0 && /[\udc00-\udfff]/.test(chunk[chunk.length - tail]!)) tail--;
    edits.push({
      start: m.index + head,
      end: m.index + chunk.length - tail,
      text: nfc.slice(head, nfc.length - tail),
    });
  }
  return edits;
}

const REMOVED =
  /[\0-\x08\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffc]/;
const JOINERS = /[\u200c\u200d]/;
const SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const BREAKS = /[\v\f\r\u2028]/;

/**
 * Invisible and control characters go; every kind of space becomes " " and every line break
 * "\n" (a paragraph separator "\n\n"). Joiners stay only between non-ASCII characters, where
 * they can matter (emoji sequences, Indic and Persian scripts).
 */
function characterEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x7f && code >= 0x20) || code === 0x0a) continue;
    const ch = text[i]!;
    if (ch === '\r' && text[i + 1] === '\n') {
      edits.push({ start: i, end: i + 2, text: '\n' });
      i++;
    } else if (BREAKS.test(ch)) edits.push({ start: i, end: i + 1, text: '\n' });
    else if (ch === '\u2029') edits.push({ start: i, end: i + 1, text: '\n\n' });
    else if (SPACES.test(ch)) edits.push({ start: i, end: i + 1, text: ' ' });
    else if (REMOVED.test(ch)) edits.push({ start: i, end: i + 1, text: '' });
    else if (
      JOINERS.test(ch) &&
      !(/[^\s\0-\x7f]/.test(text[i - 1] ?? '') && /[^\s\0-\x7f]/.test(text[i + 1] ?? ''))
    ) {
      edits.push({ start: i, end: i + 1, text: '' });
    }
  }
  return edits;
}

/**
 * Runs of spaces and newlines: gone at the ends, "\n\n" where a blank line was, else " ". Only
 * runs that may change are matched (two or more characters, or a line break); a single space
 * changes only at either end of the text.
 */
function whitespaceEdits(text: string, paragraphs: boolean): Edit[] {
  const edits: Edit[] = [];
  const isSpace = (i: number) => text[i] === ' ' || text[i] === '\n';
  if (text[0] === ' ' && !isSpace(1)) edits.push({ start: 0, end: 1, text: '' });
  for (const m of text.matchAll(/[ \n]{2,}|\n/g)) {
    const run = m[0];
    const atEdge = m.index === 0 || m.index + run.length === text.length;
    const wanted = atEdge ? '' : paragraphs && /\n[ ]*\n/.test(run) ? '\n\n' : ' ';
    if (run !== wanted) edits.push({ start: m.index, end: m.index + run.length, text: wanted });
  }
  const last = text.length - 1;
  if (last > 0 && text[last] === ' ' && !isSpace(last - 1))
    edits.push({ start: last, end: last + 1, text: '' });
  return edits;
}

function normalize(raw: string, paragraphs: boolean): Step {
  let step: Step = { text: raw, from: null, to: null, inputLength: raw.length };
  step = apply(step, nfcEdits(step.text));
  const repairs = mojibakeEdits(step.text);
  if (repairs.length > 0) {
    step = apply(step, repairs);
    // A repair can leave characters to compose; without one the text is still NFC.
    step = apply(step, nfcEdits(step.text));
  }
  step = apply(step, characterEdits(step.text));
  return apply(step, whitespaceEdits(step.text, paragraphs));
}

/**
 * The body as indexed: paragraphs (separated in the input by a blank line) joined by exactly one
 * blank line; a single line break inside a paragraph becomes a space.
 */
export function normalizeBody(raw: string): NormalizedBody {
  const { text, from, to } = normalize(raw, true);
  return {
    text,
    toInput(offset, side = 'start') {
      if (!Number.isInteger(offset) || offset < 0 || offset > text.length) {
        throw new RangeError(`offset ${offset} is outside the normalized text (0..${text.length})`);
      }
      if (side === 'start') return offset === text.length ? raw.length : from ? from[offset]! : offset;
      return offset === 0 ? 0 : to ? to[offset - 1]! : offset;
    },
  };
}

/** A title, byline or tag: normalized like a body, all on one line. */
export function normalizeLine(raw: string): string {
  return normalize(raw, false).text;
}
