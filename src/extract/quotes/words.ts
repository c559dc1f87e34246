/**
 * Closed classes of English words that quote attribution reads: pronouns, determiners, clause
 * openers, and the words that end or continue a speaker phrase. General vocabulary, written by
 * hand; the role words are in text/roles.ts and the speech verbs in cues.ts.
 */
import { wordSet } from '../text/vocabulary.js';

export const PRONOUNS = wordSet('he she they i we it you');

/** Pronouns that stand for a person or group named earlier. */
export const ANAPHORIC_PRONOUNS = wordSet('he she they');

/** Lower-case words inside names ("Ana de Souza", "Omar bin Said", "Bill de Blasio"). */
export const NAME_PARTICLES = wordSet('de da del van von der la le al bin ibn el di du');

export const DETERMINERS = wordSet(`
  the a an one another his her their its our my this that these those some many several two three
  both each
`);

/** Sentence-initial words that do not start a speaker noun phrase. */
export const CLAUSE_OPENERS = wordSet(`
  and but so yet or then still later now instead meanwhile however also when as while after before
  since because if though although here there again finally today yesterday
`);

/** Words after "said X" that end the speaker phrase ("said Smith on Monday"). */
export const PHRASE_ENDERS = wordSet(`
  at on in during to after before while when as last this yesterday today tonight earlier later
  recently via through from about with into over outside inside and but because than then monday
  tuesday wednesday thursday friday saturday sunday who whose which that referring adding noting
  pointing
`);

/** What may stand between a cue and an unpunctuated quote: "told reporters", "called it", "chants of". */
export const OBJECT_WORDS = wordSet(`
  it them him her us me this as reporters crowd audience supporters journalists voters out of simply
  back aloud loudly
`);

/** Past forms that end a subject phrase but are not speech verbs ("Ann Lee shared the news, writing"). */
export const OTHER_VERBS = wordSet(`
  held took made gave spoke went got came sent led ran sat stood kept left brought thought felt met
  won lost drew saw has had is was were are will would can could did does
`);

/** Words after a verb that leave its clause closed: a time or a place follows. */
export const FRAME_FOLLOWERS = wordSet(`
  on at in to as during after before while with from back later again
`);

/**
 * Words that open an adjunct of the verb after a comma (`said Ann Lee, a lawyer, on Thursday`,
 * `, in an interview`, `, after the vote`): where a speaker's appositive has ended. `of` is not
 * one (`Ann Lee, 83, of Riverton`).
 */
export const ADJUNCT_OPENERS = wordSet(`
  on in at about after before during with from following since while when prior last earlier later
  yesterday today tonight monday tuesday wednesday thursday friday saturday sunday
`);

/** Works that carry a title: `her memoir, "…"`, `a radio ad, "…"`. */
export const WORK_NOUNS = wordSet(`
  book memoir novel column essay ad advertisement commercial film movie documentary song album
  podcast slogan headline title sheet newsletter poem painting exhibit
`);

/** Words that open an adverbial phrase rather than a subject ("In a statement, …", "Speaking to …"). */
export const NOT_SUBJECT_START = wordSet(`
  in on at after before during for with from by to of speaking asked appearing just last earlier
  hours days weeks months minutes moments ever meanwhile however instead still
`);

/** Small words inside a speaker phrase: "Sen. Ann Lee of Ohio", "the party's top aide". */
export const NOMINAL_LINKS = new Set([
  'of',
  'for',
  'at',
  'and',
  'top',
  'new',
  'longtime',
  'other',
  '’s',
  "'s",
]);
