/**
 * The speaker scorer's weights estimated from the publisher's own archive at build time, with no
 * annotation: wherever a reporter wrote a name the article had already introduced (`"…," Lee
 * said` after `Ann Lee`), a pronoun would have posed the same choice among the people named
 * before, and the name answers it (extract.ts emits these as SpeakerExamples). The grid point that
 * answers most of them wins, but only when it beats SPEAKER_WEIGHTS by a sign test over the
 * examples where the two disagree: a handful of examples, or a difference of one or two, leaves
 * the defaults in place, so a rebuild does not flip weights (and re-extract every article) on noise.
 *
 * Writers reach for the name where a pronoun would be ambiguous, so these examples are harder
 * than real pronouns (about 2 in 3 are answered right against ~0.94 for pronouns); what they
 * estimate is which features separate the candidates, not how often the choice is right.
 */
import { extractQuotesWithRules } from './extract.js';
import {
  bestCandidate,
  bestOnGrid,
  SPEAKER_WEIGHTS,
  type SpeakerExample,
  type SpeakerWeights,
} from './speaker-choice.js';

/** Fewer examples than this estimate nothing: the defaults stay. */
export const MIN_EXAMPLES = 100;
/** The sign test's bar: wins minus losses against the defaults, over the root of their sum. */
export const MIN_Z = 2;
/** Articles read for examples: evenly spaced through the archive, so the estimate costs at most ~1 s. */
export const SAMPLE_ARTICLES = 2000;

export interface WeightsEstimate {
  /** What extraction uses: the best grid point when it passed the test, else the defaults. */
  weights: SpeakerWeights;
  /** The grid point answering most examples (the defaults among equals). */
  best: SpeakerWeights;
  adopted: boolean;
  articles: number;
  examples: number;
  /** Examples the best grid point answers right, and those the defaults do. */
  right: number;
  rightWithDefaults: number;
  /** The sign test's statistic for the best grid point against the defaults (0 when they agree). */
  z: number;
}

/** The back-reference examples of one article body. */
export function speakerExamples(body: string): SpeakerExample[] {
  const out: SpeakerExample[] = [];
  extractQuotesWithRules(body, { examples: (e) => out.push(e) });
  return out;
}

function answers(example: SpeakerExample, w: SpeakerWeights): boolean {
  return example.candidates[bestCandidate(example.candidates, w)]?.right ?? false;
}

/** The grid point answering most examples, adopted over `prior` only when the sign test says so. */
export function fitSpeakerWeights(
  examples: SpeakerExample[],
  articles: number,
  prior: SpeakerWeights = SPEAKER_WEIGHTS,
): WeightsEstimate {
  const count = (w: SpeakerWeights) => examples.filter((e) => answers(e, w)).length;
  const rightWithDefaults = count(prior);
  const { weights: best, right } = bestOnGrid(count, prior);
  let wins = 0;
  let losses = 0;
  for (const e of examples) {
    const a = answers(e, best);
    const b = answers(e, prior);
    if (a && !b) wins++;
    else if (b && !a) losses++;
  }
  const z = wins + losses === 0 ? 0 : (wins - losses) / Math.sqrt(wins + losses);
  const adopted = examples.length >= MIN_EXAMPLES && z >= MIN_Z;
  return {
    weights: adopted ? best : prior,
    best,
    adopted,
    articles,
    examples: examples.length,
    right,
    rightWithDefaults,
    z,
  };
}

/** Estimates the weights from up to SAMPLE_ARTICLES of the bodies, evenly spaced. */
export function estimateSpeakerWeights(bodies: string[], sample = SAMPLE_ARTICLES): WeightsEstimate {
  const articles = Math.min(bodies.length, sample);
  const examples: SpeakerExample[] = [];
  for (let k = 0; k < articles; k++)
    examples.push(...speakerExamples(bodies[Math.floor((k * bodies.length) / articles)]!));
  return fitSpeakerWeights(examples, articles);
}

/** One line for the build's report. */
export function describeEstimate(e: WeightsEstimate): string {
  const show = (w: SpeakerWeights) =>
    `distance ${w.distance}, last speaker ${w.lastSpeaker}, prose ${w.prose}, gender ${w.gender}`;
  const from = `${e.examples} back-references in ${e.articles} articles`;
  if (e.adopted)
    return `speaker weights estimated from the archive (${show(e.weights)}): ${from}, ${e.right} answered right against ${e.rightWithDefaults} with the defaults (z ${e.z.toFixed(1)})`;
  const why =
    e.examples < MIN_EXAMPLES
      ? `are fewer than ${MIN_EXAMPLES}`
      : `favour no other point clearly (best: ${show(e.best)}, ${e.right} answered right against ${e.rightWithDefaults}, z ${e.z.toFixed(1)} < ${MIN_Z})`;
  return `speaker weights: the defaults (${show(e.weights)}); the archive's ${from} ${why}`;
}
