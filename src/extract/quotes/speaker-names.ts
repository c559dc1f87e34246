/**
 * Speaker phrases as written ("Kremlin spokesman Oleg Marin", "he", "the Chilean leader")
 * reduced to what the entity stage can link: the bare person name.
 */
import { nth } from '../text/nth.js';

import { NAME_TITLES, SPEAKER_ROLES } from '../text/roles.js';
import { ANAPHORIC_PRONOUNS, DETERMINERS } from './words.js';

/** Lower-case particles inside names ("Ana de Souza", "Omar bin Said"). */
const PARTICLE_WORDS = 'de|da|del|van|von|der|la|le|al|bin|ibn|el|di|du';
/** A word of a written name: capitalised, an initial, a particle, or a generational suffix. */
const NAME_WORD = new RegExp(
  String.raw`^(?:[A-Z\u00C0-\u00DE][\p{L}'’.-]*|[A-Z]\.|(?:${PARTICLE_WORDS})|Jr\.?|Sr\.?|II|III|IV)$`,
  'u',
);
const PARTICLES = new RegExp(`^(?:${PARTICLE_WORDS})$`);

/** The speaker phrase without a trailing appositive or relative clause. */
export function coreSpeaker(speaker: string): string {
  const parts = speaker.split(/,\s+/);
  const first = nth(parts, 0).trim();
  // "Lee's deputy campaign manager, Bo Chen, who ..." names the person second.
  if (!hasName(first) && parts[1] && hasName(parts[1])) return `${first}, ${parts[1].trim()}`;
  return first;
}

function hasName(phrase: string): boolean {
  return nameRuns(phrase).length > 0;
}

function words(phrase: string): string[] {
  return phrase.split(/\s+/).filter(Boolean);
}

function nameRuns(phrase: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const raw of words(phrase)) {
    const w = raw.replace(/[,;:()]+$/, '');
    if (NAME_WORD.test(w) && !/[’']s$/.test(w) && !(run.length === 0 && PARTICLES.test(w))) {
      run.push(w);
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
  return runs.filter((r) => !(r.length === 1 && DETERMINERS.has(r[0]!.toLowerCase())));
}

/**
 * The bare person name in a speaker phrase, roles and titles stripped:
 * "Kremlin spokesman Oleg Marin" -> "Oleg Marin", "Mr. Okafor" -> "Okafor".
 * Null when the phrase names nobody ("he", "the statement").
 */
export function speakerName(speaker: string | null): string | null {
  if (!speaker) return null;
  for (const part of coreSpeaker(speaker).split(/,\s+/).reverse()) {
    const runs = nameRuns(part.replace(/\s+(?:of|for|at|from)\s+.*$/, ''));
    const run = runs.at(-1);
    if (!run) continue;
    let i = 0;
    // Titles and the adjectives before them ("Chilean President") are not the name.
    for (let j = 0; j < run.length - 1; j++) {
      if (NAME_TITLES.has(nth(run, j).toLowerCase())) i = j + 1;
    }
    const name = run.slice(i).join(' ');
    if (name) return name;
  }
  return null;
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
