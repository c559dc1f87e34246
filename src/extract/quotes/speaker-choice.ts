/**
 * The scored choice of whom a pronoun speaker (`he said`) stands for, among the people named
 * before the quote: the last person the reporter's prose names, the speakers of earlier quotes,
 * and the people the article gives an honorific. Each candidate gets a linear score over a few
 * features (how far back it is, whether it spoke last, whether the prose names it since, whether
 * its gender agrees with the pronoun) and the best one wins; the build estimates the weights from
 * the archive it indexes (archive-weights.ts), SPEAKER_WEIGHTS are the defaults.
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
 * The defaults: the nearest person whose gender does not contradict the pronoun. The build
 * estimates weights from each archive and keeps these unless the archive says otherwise
 * (archive-weights.ts); on PolNeAR's training split the estimate, made from the text alone, and a
 * fit to the annotated speakers (`npm run eval:quotes -- --cv 5 --fit-weights`) both choose this
 * point. Being the last speaker or named in the prose since the last quote earned nothing beyond
 * nearness there; the features stay so that another archive can weigh them.
 */
export const SPEAKER_WEIGHTS: SpeakerWeights = { distance: 1, lastSpeaker: 0, prose: 0, gender: 1 };

/**
 * The points weights are fitted over, whether to an archive's back-references (archive-weights.ts)
 * or to annotated speakers (the evaluation's --fit-weights). Only the ratios matter, so distance
 * stays at 1.
 */
function* weightGrid(): Generator<SpeakerWeights> {
  for (const gender of [0, 0.5, 1, 2, 4])
    for (const lastSpeaker of [0, 0.25, 0.5, 1, 2])
      for (const prose of [0, 0.25, 0.5, 1, 2]) yield { distance: 1, lastSpeaker, prose, gender };
}

/** The grid point that `right` counts highest, with its count; `prior` wins ties. */
export function bestOnGrid(
  right: (w: SpeakerWeights) => number,
  prior: SpeakerWeights = SPEAKER_WEIGHTS,
): { weights: SpeakerWeights; right: number } {
  let best = { weights: prior, right: right(prior) };
  for (const w of weightGrid()) {
    const c = right(w);
    if (c > best.right) best = { weights: w, right: c };
  }
  return best;
}

export interface SpeakerCandidate {
  speaker: string;
  speakerSpan: [number, number];
  lastSpeaker: boolean;
  prose: boolean;
}

/** What the score reads of one candidate. */
export interface CandidateFeatures {
  /** Thousands of characters between the candidate's name and the quote. */
  distance: number;
  lastSpeaker: boolean;
  prose: boolean;
  /** +1 when the candidate's gender agrees with the pronoun's, −1 when not, 0 when either is unknown. */
  agreement: number;
}

/**
 * One choice whose answer is known: the candidates a pronoun at that point would weigh, and
 * which of them is the speaker. The extraction emits one for each quote whose speaker is written
 * as a name the article named before (`"…," Lee said` after `Ann Lee`): the same choice a
 * pronoun would pose, answered by the name.
 */
export interface SpeakerExample {
  candidates: Array<CandidateFeatures & { right: boolean }>;
}

export function candidateFeatures(
  c: SpeakerCandidate,
  pronounGender: Gender | null,
  genders: (name: string) => Gender | null,
  at: number,
): CandidateFeatures {
  const has = pronounGender ? genders(c.speaker) : null;
  return {
    distance: (at - c.speakerSpan[0]) / 1000,
    lastSpeaker: c.lastSpeaker,
    prose: c.prose,
    agreement: !has || !pronounGender ? 0 : has === pronounGender ? 1 : -1,
  };
}

export function scoreCandidate(f: CandidateFeatures, w: SpeakerWeights): number {
  return (
    -w.distance * f.distance +
    (f.lastSpeaker ? w.lastSpeaker : 0) +
    (f.prose ? w.prose : 0) +
    f.agreement * w.gender
  );
}

/** The index of the best-scoring candidate (the first of equals), or −1 when there is none. */
export function bestCandidate(features: CandidateFeatures[], w: SpeakerWeights): number {
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  features.forEach((f, i) => {
    const score = scoreCandidate(f, w);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/** The best-scoring candidate for the pronoun at `at`, or null when there is none. */
export function chooseSpeaker<C extends SpeakerCandidate>(
  candidates: C[],
  pronounGender: Gender | null,
  genders: (name: string) => Gender | null,
  at: number,
  w: SpeakerWeights,
): C | null {
  const i = bestCandidate(
    candidates.map((c) => candidateFeatures(c, pronounGender, genders, at)),
    w,
  );
  return i < 0 ? null : candidates[i]!;
}
