/**
 * Speaker phrases as written ("Kremlin spokesman Oleg Marin", "he", "the Chilean leader")
 * reduced to what the entity stage can link: the bare person name.
 */
import { nth } from '../text/nth.js';

import { NAME_TITLES, SPEAKER_ROLES } from '../text/roles.js';
import { ANAPHORIC_PRONOUNS, DETERMINERS, NAME_PARTICLES } from './words.js';

/** Lower-case particles inside names ("Ana de Souza", "Omar bin Said"). */
const PARTICLE_WORDS = [...NAME_PARTICLES].join('|');
/** A word of a written name: capitalised, an initial, a particle, or a generational suffix. */
const NAME_WORD = new RegExp(
  String.raw`^(?:[A-Z\u00C0-\u00DE][\p{L}'’.-]*|[A-Z]\.|(?:${PARTICLE_WORDS})|Jr\.?|Sr\.?|II|III|IV)$`,
  'u',
);
const PARTICLES = new RegExp(`^(?:${PARTICLE_WORDS})$`);

/** The speaker phrase without a trailing appositive or relative clause. */
export function coreSpeaker(speaker: string): string {
  const [a, b] = coreSpan(speaker);
  return speaker.slice(a, b).trim();
}

/** Comma-separated parts of a phrase, as [start, end) offsets into it. */
function commaParts(phrase: string): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  const re = /,\s+/g;
  let from = 0;
  for (let m = re.exec(phrase); m; m = re.exec(phrase)) {
    parts.push([from, m.index]);
    from = m.index + m[0].length;
  }
  parts.push([from, phrase.length]);
  return parts;
}

/** Offsets of coreSpeaker in the phrase. */
function coreSpan(speaker: string): [number, number] {
  const parts = commaParts(speaker);
  const first = nth(parts, 0);
  const second = parts[1];
  // "Lee's deputy campaign manager, Bo Chen, who ..." names the person second.
  if (!nameRuns(speaker, first).length && second && nameRuns(speaker, second).length)
    return [first[0], second[1]];
  return first;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Runs of name words in phrase[from, to), each word with its offsets in the phrase. */
function nameRuns(phrase: string, [from, to]: [number, number]): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  for (let m = re.exec(phrase); m && m.index < to; m = re.exec(phrase)) {
    const raw = m[0].slice(0, to - m.index);
    const w = raw.replace(/[,;:()]+$/, '');
    if (NAME_WORD.test(w) && !/[’']s$/.test(w) && !(run.length === 0 && PARTICLES.test(w))) {
      run.push({ text: w, start: m.index, end: m.index + w.length });
      if (raw !== w) {
        runs.push(run);
        run = [];
      }
    } else {
      if (run.length) runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs.filter((r) => !(r.length === 1 && DETERMINERS.has(nth(r, 0).text.toLowerCase())));
}

/**
 * Offsets, in the phrase, of the bare person name it holds, roles and titles stripped:
 * "Kremlin spokesman Oleg Marin" -> the span of "Oleg Marin", "Mr. Okafor" -> "Okafor".
 * Null when the phrase names nobody ("he", "the statement").
 */
export function speakerNameSpan(speaker: string): [number, number] | null {
  const [cs, ce] = coreSpan(speaker);
  for (const [ps, pe] of commaParts(speaker.slice(0, ce))
    .filter(([, e]) => e > cs)
    .reverse()) {
    const start = Math.max(ps, cs);
    // A place or organisation after the name ("Ruth Abara of Ohio") is not part of it.
    const tail = / +(?:of|for|at|from) +/.exec(speaker.slice(start, pe));
    const run = nameRuns(speaker, [start, tail ? start + tail.index : pe]).at(-1);
    if (!run) continue;
    let i = 0;
    // Titles and the adjectives before them ("Chilean President") are not the name, nor is a
    // capitalised article ("The Harbour Gazette").
    for (let j = 0; j < run.length - 1; j++) {
      const w = nth(run, j).text.toLowerCase();
      if (NAME_TITLES.has(w) || (j === i && DETERMINERS.has(w))) i = j + 1;
    }
    return [nth(run, i).start, nth(run, run.length - 1).end];
  }
  return null;
}

/** The bare person name in a speaker phrase (the text at speakerNameSpan), or null. */
export function speakerName(speaker: string | null): string | null {
  if (!speaker) return null;
  const span = speakerNameSpan(speaker);
  return span ? speaker.slice(span[0], span[1]).replace(/\s+/g, ' ') : null;
}

function words(phrase: string): string[] {
  return phrase.split(/\s+/).filter(Boolean);
}

/**
 * True for speakers that point back to someone named earlier: "he", "they", and
 * role descriptions without a name ("the Chilean leader", "the senator").
 */
export function isAnaphoric(speaker: string): boolean {
  const ws = words(speaker.toLowerCase().replace(/,.*$/, ''));
  if (ws.length === 1 && ANAPHORIC_PRONOUNS.has(nth(ws, 0))) return true;
  if (ws[0] !== 'the' || ws.length < 2) return false;
  const head = ws.at(-1)!;
  if (!SPEAKER_ROLES.has(head)) return false;
  // "the Chilean leader" is a description; "the Port Lorne Herald" or "the Senate Majority
  // Leader Ann Lee" is not.
  const caps = words(speaker.replace(/,.*$/, ''))
    .slice(1, -1)
    .filter((w) => /^[A-Z]/.test(w));
  return caps.length <= 1;
}

/** "he", "she", "they": says nothing about who spoke until resolved to a name. */
export function isPronoun(speaker: string): boolean {
  return ANAPHORIC_PRONOUNS.has(speaker.trim().toLowerCase());
}
