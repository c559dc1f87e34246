/**
 * The scored choice of whom a pronoun speaker (`he said`) stands for, among the people named
 * before the quote: the last person the reporter's prose names, the speakers of earlier quotes,
 * and the people the article gives an honorific. Each candidate gets a linear score over a few
 * features (how far back it is, whether it spoke last, whether the prose names it since, whether
 * its gender agrees with the pronoun) and the best one wins; the weights are numbers the
 * evaluation fits by cross-validation on training articles (QuoteOptions.weights overrides them).
 */
import type { Gender } from './gender.js';

export interface SpeakerWeights {
  /** Per 1,000 characters between the candidate's name and the quote. */
  distance: number;
  /** The candidate is the speaker of the previous attributed quote. */
  lastSpeaker: number;
  /** The reporter's prose names the candidate since the previous quote. */
  prose: number;
  /** The candidate's gender, where the article shows it, agrees (+1) or not (−1) with the pronoun. */
  gender: number;
}

/**
 * Fitted by `npm run eval:quotes -- --cv 5 --fit-weights` on PolNeAR's training split (four of
 * five folds chose the same point): the nearest person whose gender does not contradict the
 * pronoun. Being the last speaker or named in the prose since the last quote earned nothing
 * beyond nearness there; the features stay so that another archive can be fitted.
 */
export const SPEAKER_WEIGHTS: SpeakerWeights = { distance: 1, lastSpeaker: 0, prose: 0, gender: 1 };

export interface SpeakerCandidate {
  speaker: string;
  speakerSpan: [number, number];
  lastSpeaker: boolean;
  prose: boolean;
}

/** The best-scoring candidate for the pronoun at `at`, or null when there is none. */
export function chooseSpeaker<C extends SpeakerCandidate>(
  candidates: C[],
  pronounGender: Gender | null,
  genders: (name: string) => Gender | null,
  at: number,
  w: SpeakerWeights,
): C | null {
  let best: C | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const c of candidates) {
    const has = pronounGender ? genders(c.speaker) : null;
    const agreement = !has || !pronounGender ? 0 : has === pronounGender ? 1 : -1;
    const score =
      -w.distance * ((at - c.speakerSpan[0]) / 1000) +
      (c.lastSpeaker ? w.lastSpeaker : 0) +
      (c.prose ? w.prose : 0) +
      agreement * w.gender;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
