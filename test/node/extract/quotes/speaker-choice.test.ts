import { describe, expect, it } from 'vitest';
import { extractQuotes, extractQuotesWithRules } from '../../../../src/extract/quotes/extract.js';
import { chooseSpeaker, SPEAKER_WEIGHTS } from '../../../../src/extract/quotes/speaker-choice.js';

// The scored choice of whom `he` or `she` stands for. Names and sentences invented for these tests.

describe('chooseSpeaker', () => {
  const lee = {
    speaker: 'Mr. Lee',
    speakerSpan: [100, 103] as [number, number],
    lastSpeaker: true,
    prose: false,
  };
  const ruiz = {
    speaker: 'Ms. Ruiz',
    speakerSpan: [400, 404] as [number, number],
    lastSpeaker: false,
    prose: true,
  };
  const gender = (name: string) => (name.startsWith('Mr.') ? 'm' : name.startsWith('Ms.') ? 'f' : null);

  it('takes the nearest person when nothing else tells them apart', () => {
    expect(chooseSpeaker([lee, ruiz], null, gender, 500, SPEAKER_WEIGHTS)).toBe(ruiz);
  });

  it('skips a nearer person whose gender contradicts the pronoun', () => {
    expect(chooseSpeaker([lee, ruiz], 'm', gender, 500, SPEAKER_WEIGHTS)).toBe(lee);
  });

  it('weighs the last speaker and the prose as the weights say', () => {
    const w = { distance: 1, lastSpeaker: 2, prose: 0, gender: 1 };
    expect(chooseSpeaker([lee, ruiz], null, gender, 500, w)).toBe(lee);
    expect(chooseSpeaker([], 'm', gender, 500, w)).toBeNull();
  });
});

describe('pronoun speakers through the scorer', () => {
  const body = [
    '“The bridge will open in May,” said Tomas Brenner, the county engineer.',
    'Mrs. Odile Farrant, who chairs the transport board, disagreed with the date.',
    '“Nothing will open before the autumn,” he said.',
    '“We have not even signed the contract,” she said.',
  ].join('\n\n');

  it('gives he and she to the nearest person of their gender, with the name’s span', () => {
    const qs = extractQuotes(body);
    expect(qs.map((q) => q.speaker)).toEqual([
      'Tomas Brenner, the county engineer',
      'Tomas Brenner',
      'Mrs. Odile Farrant',
    ]);
    const she = qs[2]!;
    expect(body.slice(she.speakerSpan![0], she.speakerSpan![1])).toBe('Odile Farrant');
  });

  it('follows weights the evaluation passes in', () => {
    const w = { distance: 1, lastSpeaker: 0, prose: 0, gender: 0 };
    const qs = extractQuotesWithRules(body, { weights: w });
    // With gender ignored, he goes to the nearest person, the one the prose names.
    expect(qs[1]!.speaker).toBe('Mrs. Odile Farrant');
    expect(extractQuotes(body)[1]!.speaker).toBe('Tomas Brenner');
  });
});
