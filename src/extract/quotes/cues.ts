/**
 * Speech verbs ("said", "tells", "adding", "according to") and how a token is read as one: the
 * cue that ties a quotation to its speaker. Small hand-written English lists: the stems are
 * inflected here, with the irregular forms written out.
 */

import { wordSet } from '../text/vocabulary.js';
import { isCapitalized, type WordToken } from '../text/word-tokens.js';
import { opensQuote } from './marks.js';

const CUE_STEMS = [
  ...wordSet(`
  say tell add ask write explain note argue continue declare insist recall state tweet post reply
  respond answer warn claim acknowledge admit joke quip remark concede counter conclude observe
  suggest emphasize stress shout yell announce predict promise vow complain lament boast caution
  urge assert confirm deny mock scoff muse chime interject exclaim chant tout proclaim scream cry
  repeat reiterate demand plead pledge retort testify charge allege begin wonder sigh laugh agree
  describe call recount report read elaborate email text message opine concur object protest fume
  thunder inform assure advise offer put quote cite bark snap shoot fire point gush rail interrupt
  marvel sneer grumble mutter whisper crack start speculate theorize surmise reason recollect relate
  underscore highlight specify clarify summarize sum counsel chide scold taunt tease gloat brag
  bristle huff groan rant preach react question press confess rebut jab query sing type
`),
];

const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'say', 'saying'],
  tell: ['told', 'tells', 'tell', 'telling'],
  write: ['wrote', 'writes', 'write', 'writing', 'written'],
  begin: ['began', 'begins', 'begin', 'beginning'],
  cry: ['cried', 'cries', 'crying'],
  read: ['read', 'reads', 'reading'],
  put: ['put', 'puts', 'putting'],
  reply: ['replied', 'replies', 'replying'],
  deny: ['denied', 'denies', 'denying'],
  testify: ['testified', 'testifies', 'testifying'],
  stress: ['stressed', 'stresses', 'stressing'],
  email: ['emailed', 'emails', 'emailing', 'e-mailed'],
  shoot: ['shot', 'shoots'],
  fire: ['fired', 'fires'],
  point: ['pointed', 'points'],
  start: ['started', 'starts'],
  sum: ['summed', 'sums'],
  snap: ['snapped', 'snaps'],
  admit: ['admitted', 'admits', 'admitting'],
  quip: ['quipped', 'quips'],
  rebut: ['rebutted', 'rebuts'],
  jab: ['jabbed', 'jabs'],
  query: ['queried', 'queries'],
  sing: ['sang', 'sings', 'singing', 'sung'],
  press: ['pressed', 'presses'],
  type: ['typed', 'typing'],
};

function inflect(stem: string): string[] {
  const fixed = IRREGULAR[stem];
  if (fixed) return fixed;
  const base = stem.endsWith('e') ? stem.slice(0, -1) : stem;
  const past = stem.endsWith('e') ? `${stem}d` : `${stem}ed`;
  const third = /(s|sh|ch|x)$/.test(stem) ? `${stem}es` : `${stem}s`;
  return [past, third, `${base}ing`];
}

/** Base forms ("they conclude"), which count only right after a quote (see attribution-after.ts). */
export const CUE_BASES: ReadonlySet<string> = new Set(CUE_STEMS);

/** Inflected forms of speech verbs ("said", "tells", "adding"), lower case. */
export const CUE_WORDS: ReadonlySet<string> = new Set(CUE_STEMS.flatMap(inflect));

/** Cue forms that only count when they introduce speech in a clause of their own. */
export const WEAK_CUES = wordSet(`
  call called calls calling describe described describes describing put puts putting offer offered
  offers offering quote quoted cite cited cites citing read reading post posted text texted message
  messaged charge charged object objected state states report reported reports continue continues
  continued begin began begins agree agreed agrees demand demanded laugh laughed
`);

/** Words that may sit between a speaker and the cue: "he later said", "she has told". */
export const CUE_AUX = wordSet(`
  has had have will would also later then again once further recently previously quickly simply just
  often repeatedly publicly privately flatly bluntly finally frequently earlier famously reportedly
  went on to could might may did does is was were are be been being even still only now added not
  never always told jokingly angrily softly quietly loudly proudly sarcastically
`);

/** The number of tokens of the cue at toks[i] ("said" 1, "according to" 2), or 0 when there is none. */
export function isCueAt(toks: WordToken[], i: number): number {
  const t = toks[i];
  // Words in capitals belong to a headline ("RED STATES GAIN"), not to a clause reporting speech.
  if (!t || opensQuote(t) || /^[^a-z]*[A-Z]{2}[^a-z]*$/.test(t.text)) return 0;
  // A capitalized cue form right after a capitalized word is part of a name: "the United States Mint".
  const prev = toks[i - 1];
  if (prev && t.text !== t.lower && !prev.post && isCapitalized(prev)) return 0;
  if (t.lower === 'according' && toks[i + 1]?.lower === 'to') return 2;
  if (t.lower === 'went' && toks[i + 1]?.lower === 'on' && !t.post) return 2;
  return CUE_WORDS.has(t.lower) ? 1 : 0;
}

/** "will", "has", "later" between speaker and cue; "Will" is a name. */
export function isAux(t: WordToken): boolean {
  return t.text === t.lower && CUE_AUX.has(t.lower);
}

export function cueText(toks: WordToken[], i: number, n: number): string {
  return toks
    .slice(i, i + n)
    .map((t) => t.lower)
    .join(' ');
}
