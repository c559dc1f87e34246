import { SPEAKER_WEIGHTS, type SpeakerExample, type SpeakerWeights } from './speaker-choice.js';

/**
 * What the quote extractor can be told: mechanisms to switch off (so that the evaluation can
 * measure what each one earns, fold by fold), the speaker scorer's weights (the build's estimate
 * for the archive, archive-weights.ts; SPEAKER_WEIGHTS when absent), and where to send the
 * examples that estimate is made from.
 *
 * The switches are read through `on(name)` from anywhere in the extraction, which runs
 * synchronously: extractQuotesWithRules sets them for the duration of one call and restores
 * them after, so passing them down through every rule is not needed.
 */

/** The mechanisms the evaluation can switch off, with what each does. */
export const MECHANISMS = {
  'follow-ups': 'a sentence or paragraph of quotation with no attribution continues the previous speaker',
  'prose-speakers': "a pronoun resolves to the last speaker the reporter's prose names",
  'paragraph-join': 'a quotation left open at a paragraph end runs on into the paragraph that reopens it',
  'new-speaker': 'a reopened paragraph that names another speaker starts a new quotation',
  'stray-opening': 'a lower-case phrase that lost its closing mark does not run on',
  'unit-join': 'the kept pieces of a paragraph are one quotation',
  'follow-paragraph': 'a quote paragraph continues the quotation of the paragraph before',
  signatures: 'a quotation signed with a dash and a name',
  'earlier-piece': 'an attribution before an earlier piece of the same sentence',
  'colon-paragraph': 'a paragraph ending on a colon introduces the quote paragraph after it',
  'period-handoff':
    'after a quote that closed its sentence, a cue ending on a comma introduces the next piece',
  'title-handoff': "after a phrase inside the reporter's sentence, the attribution introduces the next piece",
  'colon-yields': 'a subject guessed before a colon yields to a speech verb naming the speaker after',
  'mixed-runs-on': 'a quote a speech verb hands the sentence to runs on to the sentence end',
  'sentence-end': 'an attribution closing the sentence a quote opens',
  'inverted-frame': 'a past-tense verb and a full name after a quote',
  'speech-frame': 'a name and any past-tense verb closing the clause after a quote',
  'plural-frame': 'a plural subject and a speech verb base form after a quote',
  'work-nouns': 'a title after the work it names is not a quotation',
  'said-that': 'words quoted after "said that," belong to a reported clause',
  'mixed-is-reported': "a lower-case quote completing the reporter's sentence is reported speech",
  'naming-cues': 'inside a sentence, naming cues (called, described) label rather than quote',
  listener: 'a speech verb with its listener (told reporters "…") hands over to the speaker',
  'connective-lead': 'one word and a comma opening a sentence ("Yet,") leave the quote a sentence of its own',
  'single-marks':
    'an article that opens more quotations with single marks than double ones is paired on single marks',
  'adjacent-name': 'the name written right before the cue is the speaker, whatever the clause opened with',
  'speaker-adjuncts':
    "a time or prepositional phrase after the speaker's appositive (, on Thursday) ends the speaker phrase",
  'described-roles':
    'a description (the Florida senator) stands for the person the article gave that role (Florida Sen. Ann Lee)',
  markless: 'transcript answers (Q:/A:, dash turns) and posts signed with a handle are quotations',
} as const satisfies Record<string, string>;

export type Mechanism = keyof typeof MECHANISMS;

export interface QuoteOptions {
  /** Mechanisms switched off. */
  off?: ReadonlySet<string>;
  /** The speaker scorer's weights, in place of SPEAKER_WEIGHTS. */
  weights?: SpeakerWeights;
  /** Receives a speaker-choice example for each quote a name back-references (see archive-weights.ts). */
  examples?: (example: SpeakerExample) => void;
}

let current: ReadonlySet<string> = new Set();
let currentWeights: SpeakerWeights = SPEAKER_WEIGHTS;
let currentExamples: ((example: SpeakerExample) => void) | undefined;

/** The speaker scorer's weights in the running extraction. */
export function speakerWeights(): SpeakerWeights {
  return currentWeights;
}

/** Where the running extraction sends speaker-choice examples, if anyone asked for them. */
export function exampleSink(): ((example: SpeakerExample) => void) | undefined {
  return currentExamples;
}

/** Whether a mechanism is on in the running extraction. */
export function on(name: Mechanism): boolean {
  return !current.has(name);
}

/** Runs fn with the given mechanisms switched off and weights set. */
export function withOptions<T>(options: QuoteOptions | undefined, fn: () => T): T {
  if (!options?.off?.size && !options?.weights && !options?.examples) return fn();
  const saved = current;
  const savedWeights = currentWeights;
  const savedExamples = currentExamples;
  current = options.off ?? saved;
  currentWeights = options.weights ?? savedWeights;
  currentExamples = options.examples ?? savedExamples;
  try {
    return fn();
  } finally {
    current = saved;
    currentWeights = savedWeights;
    currentExamples = savedExamples;
  }
}
