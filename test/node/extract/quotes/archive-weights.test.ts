import { describe, expect, it } from 'vitest';
import {
  describeEstimate,
  estimateSpeakerWeights,
  fitSpeakerWeights,
  MIN_EXAMPLES,
  speakerExamples,
} from '../../../../src/extract/quotes/archive-weights.js';
import { extractQuotesWithRules } from '../../../../src/extract/quotes/extract.js';
import { SPEAKER_WEIGHTS, type SpeakerExample } from '../../../../src/extract/quotes/speaker-choice.js';

// The speaker weights the build estimates from an archive's own text. Names and sentences invented.

/** A quote by Ann Lee, a prose speaker in between, then a quote Lee's name answers. */
const BACK_REFERENCE = [
  '“We open at dawn,” said Ann Lee, the harbour master.',
  'Carl Ostrander told reporters the gate would stay shut.',
  '“The tide decides,” Lee said.',
].join('\n\n');

/** Two candidates: the nearest one, and one further back that spoke last. */
const lastSpeakerWins = (right: 'near' | 'last'): SpeakerExample => ({
  candidates: [
    { distance: 0.1, lastSpeaker: false, prose: true, agreement: 0, right: right === 'near' },
    { distance: 0.3, lastSpeaker: true, prose: false, agreement: 0, right: right === 'last' },
  ],
});

describe('speakerExamples', () => {
  it('poses the choice a pronoun would have, answered by the name the reporter wrote', () => {
    const [example, ...rest] = speakerExamples(BACK_REFERENCE);
    expect(rest).toEqual([]);
    expect(example!.candidates.map((c) => c.right)).toEqual([false, true]);
    // Ostrander is nearer; Lee spoke the last quote.
    expect(example!.candidates[0]!.distance).toBeLessThan(example!.candidates[1]!.distance);
    expect(example!.candidates[1]!.lastSpeaker).toBe(true);
  });

  it('poses none for a name the article introduces there, or a quote with nobody before it', () => {
    expect(speakerExamples('“The tide decides,” said Ann Lee, the harbour master.')).toEqual([]);
    expect(speakerExamples('Rain fell all night on the quay.')).toEqual([]);
  });

  it('does not change what is extracted', () => {
    const sink: SpeakerExample[] = [];
    expect(extractQuotesWithRules(BACK_REFERENCE, { examples: (e) => sink.push(e) })).toEqual(
      extractQuotesWithRules(BACK_REFERENCE),
    );
    expect(sink).toHaveLength(1);
  });
});

describe('fitSpeakerWeights', () => {
  it('keeps the defaults when the examples are too few to say anything', () => {
    const few = Array.from({ length: MIN_EXAMPLES - 1 }, () => lastSpeakerWins('last'));
    const fit = fitSpeakerWeights(few, few.length);
    expect(fit.adopted).toBe(false);
    expect(fit.weights).toEqual(SPEAKER_WEIGHTS);
    expect(fit.right).toBe(few.length);
    expect(fit.rightWithDefaults).toBe(0);
  });

  it('adopts another point when the archive clearly favours it', () => {
    const examples = [
      ...Array.from({ length: 90 }, () => lastSpeakerWins('last')),
      ...Array.from({ length: 30 }, () => lastSpeakerWins('near')),
    ];
    const fit = fitSpeakerWeights(examples, 60);
    expect(fit.adopted).toBe(true);
    expect(fit.weights.lastSpeaker).toBeGreaterThan(0);
    expect(fit.right).toBe(90);
    expect(fit.rightWithDefaults).toBe(30);
    expect(fit.z).toBeGreaterThan(2);
    expect(describeEstimate(fit)).toContain('estimated from the archive');
  });

  it('keeps the defaults when the difference is within noise', () => {
    const examples = [
      ...Array.from({ length: 64 }, () => lastSpeakerWins('last')),
      ...Array.from({ length: 56 }, () => lastSpeakerWins('near')),
    ];
    const fit = fitSpeakerWeights(examples, 60);
    expect(fit.right).toBe(64);
    expect(fit.z).toBeLessThan(2);
    expect(fit.adopted).toBe(false);
    expect(fit.weights).toEqual(SPEAKER_WEIGHTS);
    expect(describeEstimate(fit)).toContain('favour no other point');
  });
});

describe('estimateSpeakerWeights', () => {
  it('reads at most the sample, evenly spaced', () => {
    const bodies = Array.from({ length: 10 }, (_, i) => (i % 2 ? BACK_REFERENCE : 'No quotes here.'));
    expect(estimateSpeakerWeights(bodies)).toMatchObject({ articles: 10, examples: 5, adopted: false });
    // Every other article: the odd ones, each with its back-reference, are all skipped.
    expect(estimateSpeakerWeights(bodies, 5)).toMatchObject({ articles: 5, examples: 0 });
  });
});
