import { describe, expect, it } from 'vitest';
import {
  evaluate,
  type GoldQuote,
  hasNamedSpeaker,
  matchSpans,
  sameSpeaker,
} from '../../scripts/eval-quotes.js';
import { crossValidate, evaluateArticles } from '../../scripts/lib/quote-eval/evaluate.js';
import { kFolds } from '../../scripts/lib/quote-eval/folds.js';
import { bestWeights, quoteModel } from '../../scripts/lib/quote-eval/model.js';
import { SPEAKER_WEIGHTS } from '../../src/extract/quotes/speaker-choice.js';
import type { ExtractedQuote } from '../../src/model/documents.js';
import { genderDecides } from '../fixtures/invented-articles.js';

const q = (start: number, end: number, speaker: string | null = null): ExtractedQuote => ({
  text: '',
  start,
  end,
  speaker,
  speakerSpan: null,
  cue: null,
});
const g = (start: number, end: number, speaker: string | null = 'X'): GoldQuote => ({
  article_id: 'a',
  speaker,
  content: '',
  start,
  end,
  direct: true,
});

describe('eval-quotes scoring', () => {
  it('matches when the overlap covers at least half of the gold span, one to one', () => {
    expect(matchSpans([q(0, 5)], [g(0, 10)])).toEqual([[0, 0]]);
    expect(matchSpans([q(0, 4)], [g(0, 10)])).toEqual([]);
    expect(matchSpans([q(0, 10), q(0, 9)], [g(0, 10)])).toEqual([[0, 0]]);
  });

  it('compares speakers by their last capitalized word and skips pronoun-only gold', () => {
    expect(sameSpeaker('Kremlin spokesman Dmitry Peskov', 'Peskov')).toBe(true);
    expect(sameSpeaker('Dmitry Peskov', 'Zelenskyy')).toBe(false);
    expect(sameSpeaker(null, 'Peskov')).toBe(false);
    expect(hasNamedSpeaker('He')).toBe(false);
    expect(hasNamedSpeaker('the Ukrainian leader')).toBe(true);
  });

  it('scores precision, recall and speaker accuracy over direct gold of the split only', () => {
    const body = '“We will win the vote,” Mayor Odile Franck said. The “bold plan” was debated.';
    const articles = [
      { id: 'a', body, split: 'dev' },
      { id: 'b', body, split: 'train' },
    ];
    const end = body.indexOf(' Mayor');
    const gold: GoldQuote[] = [
      g(0, end, 'Franck'),
      { ...g(body.indexOf('“bold'), body.indexOf(' was')), direct: false },
      { ...g(0, end), article_id: 'b' },
    ];
    const { scores } = evaluate(articles, gold, 'dev');
    expect(scores).toMatchObject({
      articles: 1,
      gold: 1,
      predicted: 1,
      goldMatched: 1,
      predictedMatching: 1,
      precision: 1,
      recall: 1,
      speakerScored: 1,
      speakerAccuracy: 1,
    });
  });

  it('counts a quote joining two gold pieces as matching both, and for one of them one to one', () => {
    const body = '“We will win,” Mayor Odile Franck said, “and we will build the bridge next spring.”';
    const split = body.indexOf(' Mayor');
    const second = body.indexOf('“and');
    const gold: GoldQuote[] = [g(0, split, 'Franck'), g(second, body.length, 'Franck')];
    const { scores } = evaluate([{ id: 'a', body, split: 'dev' }], gold, 'dev');
    expect(scores).toMatchObject({
      gold: 2,
      predicted: 1,
      goldMatched: 2,
      predictedMatching: 1,
      precision: 1,
      recall: 1,
    });
    expect(scores.oneToOne).toMatchObject({ matched: 1, precision: 1, recall: 0.5 });
    expect(scores.speakerScored).toBe(1);
  });

  it('counts a prediction that matches no gold quote against precision, and an unmatched gold quote against recall', () => {
    const body = '“We will win,” Mayor Odile Franck said. Later she added: “The bridge comes first.”';
    const gold: GoldQuote[] = [
      g(body.indexOf('“The'), body.length, 'Franck'),
      g(body.indexOf('Later'), body.indexOf(' she'), 'Franck'),
    ];
    const { scores } = evaluate([{ id: 'a', body, split: 'dev' }], gold, 'dev');
    expect(scores).toMatchObject({
      gold: 2,
      predicted: 2,
      goldMatched: 1,
      predictedMatching: 1,
      precision: 0.5,
      recall: 0.5,
    });
  });
});

describe('eval-quotes cross-validation', () => {
  const articles = Array.from({ length: 10 }, (_, i) => ({
    id: `a${i}`,
    body: `“We will open the bridge in spring number ${i},” Mayor Odile Franck said.`,
    split: 'train',
  }));

  it('cuts articles into seeded folds of near-equal size, the same for the same seed', () => {
    const folds = kFolds(articles, 3, 7);
    expect(folds.map((f) => f.length)).toEqual([4, 3, 3]);
    expect(new Set(folds.flat().map((a) => a.id)).size).toBe(10);
    expect(kFolds(articles, 3, 7)).toEqual(folds);
    expect(kFolds(articles, 3, 8)).not.toEqual(folds);
  });

  it('fits on the other folds and scores each held-out fold, reporting mean and spread', () => {
    const gold: GoldQuote[] = articles.map((a) => ({
      ...g(0, a.body.indexOf(' Mayor'), 'Franck'),
      article_id: a.id,
    }));
    const seen: string[][] = [];
    const cv = crossValidate(
      articles,
      gold,
      {
        fit: (train) => {
          seen.push(train.map((a) => a.id));
          return null;
        },
        extractor: () => (body) => [{ ...q(0, body.indexOf(' Mayor'), 'Odile Franck') }],
      },
      5,
      1,
    );
    expect(cv.folds).toHaveLength(5);
    expect(seen.every((ids) => ids.length === 8)).toBe(true);
    cv.folds.forEach((f, i) => {
      for (const m of f.mismatches) expect(seen[i]).not.toContain(m.articleId);
    });
    expect(cv.summary.precision).toEqual({ mean: 1, sd: 0 });
    expect(cv.summary.speakerAccuracy.mean).toBe(1);
  });

  it('fits the speaker weights to the training articles: gender decides where nearness misleads', () => {
    const body = genderDecides();
    const at = body.indexOf('“Not');
    const gold: GoldQuote[] = [
      { ...g(0, body.indexOf(' said'), 'Tomas Brenner'), article_id: 'p' },
      { ...g(at, body.indexOf(' he said'), 'Tomas Brenner'), article_id: 'p' },
    ];
    const w = bestWeights([{ id: 'p', body, split: 'train' }], gold, {});
    expect(w.gender).toBeGreaterThan(0);
    const params = quoteModel({}, true).fit([{ id: 'p', body, split: 'train' }], gold);
    expect(params.weights).toEqual(w);
    // Without fitting to annotations, the weights are estimated from the text as the build does:
    // no back-references, no evidence against the defaults.
    expect(quoteModel({}).fit([{ id: 'p', body, split: 'train' }], gold).weights).toEqual(SPEAKER_WEIGHTS);
  });

  it('puts each miss in a category', () => {
    const body = 'Mayor Odile Franck had a warning: “The bridge stays shut.”\n\nShe called it “a scandal.”';
    const gold: GoldQuote[] = [
      { ...g(body.indexOf('“The'), body.indexOf('\n\n'), 'Mayor Odile Franck') },
      { ...g(body.indexOf('“a'), body.length - 1, 'She') },
    ];
    const { mismatches } = evaluateArticles([{ id: 'a', body }], gold, () => []);
    expect(mismatches.map((m) => m.category)).toEqual(['colon-introduced', 'partial quote']);
  });
});
