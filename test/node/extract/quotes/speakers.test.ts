import { describe, expect, it } from 'vitest';
import { extractQuotes, extractQuotesWithRules } from '../../../../src/extract/quotes/extract.js';
import { speakerName } from '../../../../src/extract/quotes/speaker-names.js';
import { expectExactOffsets, only } from './helpers.js';

// Who spoke a quotation without a speaker of its own, and the bare name in a speaker phrase
// (quotes/extract.ts, prose-speakers.ts, speaker-names.ts). All sentences below are invented for these tests.

/** A pronoun speaker after a quotation with a named one: speaker and speakerSpan tests share it. */
const PRONOUN_AFTER_NAME = [
  '“The library will open late,” said Director Hana Kowalczyk.',
  'Visitors lined up outside.',
  '“We had a burst pipe in the basement,” she said.',
].join('\n\n');
/** … and after a name the reporter gave in indirect speech. */
const PRONOUN_AFTER_INDIRECT = [
  '“The library will open late,” said Director Hana Kowalczyk.',
  'The repairs will take a week, said plumber Jake Horowitz.',
  '“The pipes are older than the building,” he said.',
].join('\n\n');

describe('extractQuotes: speakers carried forward', () => {
  it('resolves he/she/they to the last named speaker', () => {
    const body = PRONOUN_AFTER_NAME;
    const quotes = extractQuotes(body);
    expect(quotes.map((q) => q.speaker)).toEqual(['Director Hana Kowalczyk', 'Director Hana Kowalczyk']);
    expect(quotes[1]!.cue).toBe('said');
    expectExactOffsets(body, quotes);
  });

  it('sends he or she past a candidate the article gives an honorific of the other gender', () => {
    const body = [
      '“The budget is sound,” said Ms. Oduya, the board’s chairwoman.',
      'Mr. Tamsin, who voted against it, called the plan “a fine idea we cannot afford.”',
      '“I will keep asking where the money comes from,” he said.',
      '“We will answer him at the next meeting,” she said.',
    ].join('\n\n');
    const quotes = extractQuotes(body);
    expect(quotes.map((q) => q.speaker)).toEqual([
      'Ms. Oduya, the board’s chairwoman',
      'Mr. Tamsin',
      'Ms. Oduya',
    ]);
    expect(body.slice(...quotes[1]!.speakerSpan!)).toBe('Tamsin');
    expect(body.slice(...quotes[2]!.speakerSpan!)).toBe('Oduya');
  });

  it('ends the speaker phrase where a time or a prepositional phrase of the verb begins', () => {
    const speaker = (body: string) => extractQuotes(body)[0]!.speaker;
    expect(speaker('“We will appeal,” said Ann Lee, a lawyer for the union, on Thursday.')).toBe(
      'Ann Lee, a lawyer for the union',
    );
    expect(speaker('“We will appeal,” said Ann Lee, a lawyer for the union, in an interview.')).toBe(
      'Ann Lee, a lawyer for the union',
    );
    expect(speaker('“We waited,” said Ann Lee, 83, of Riverton.')).toBe('Ann Lee, 83, of Riverton');
    expect(
      extractQuotesWithRules('“We will appeal,” said Ann Lee, a lawyer for the union, on Thursday.', {
        off: new Set(['speaker-adjuncts']),
      })[0]!.speaker,
    ).toBe('Ann Lee, a lawyer for the union, on Thursday');
  });

  it('keeps a role description ("the mayor") as written and points it at the last named speaker', () => {
    const body =
      '“Taxes will not rise,” Mayor Odile Franck said.\n\n“Not this year, not next year,” the mayor said.';
    const quotes = extractQuotes(body);
    expect(quotes.map((q) => q.speaker)).toEqual(['Mayor Odile Franck', 'the mayor']);
    expect(quotes[1]!.speakerSpan).toEqual(quotes[0]!.speakerSpan);
  });

  it('lets a follow-up quote with no attribution inherit the previous speaker', () => {
    const body = [
      '“The harvest was the best in a decade,” farmer Joel Ambrose said.',
      '“Prices held up, and the rain came at the right time.”',
    ].join('\n\n');
    const quotes = extractQuotes(body);
    expect(quotes).toHaveLength(2);
    expect(quotes[1]).toMatchObject({ speaker: 'farmer Joel Ambrose', cue: null });
    expect(quotes[1]!.text).toBe('“Prices held up, and the rain came at the right time.”');
  });

  it('does not invent a speaker for a quote when nobody was named', () => {
    const q = extractQuotes('“Nothing works on this train line anymore,” he said.')[0];
    expect(q?.speaker).toBeNull();
    expect(q?.cue).toBe('said');
  });

  it('resolves a pronoun to a name the reporter gave in indirect speech', () => {
    const body = PRONOUN_AFTER_INDIRECT;
    expect(extractQuotes(body).map((q) => q.speaker)).toEqual(['Director Hana Kowalczyk', 'Jake Horowitz']);
    const reported =
      'The plumber, Jake Horowitz, said little. Later Horowitz told the board the pipes had burst twice.\n\n“We replaced all of them,” he said.';
    expect(only(reported).speaker).toBe('Horowitz');
  });

  it('does not take a capitalized cue form ("United States") or a sentence opener for a name', () => {
    const body =
      'The United States said nothing. But Ortiz told the panel it was over.\n\n“We are done here,” he said.';
    expect(only(body).speaker).toBe('Ortiz');
  });
});

describe('extractQuotes: the name right before the cue', () => {
  const speakers = (body: string) => extractQuotes(body).map((q) => q.speaker);

  it('takes the name before the cue over the clause the sentence opened with', () => {
    expect(speakers('The debate grew so heated that Governor Ann Lee said, "I need a translator."')).toEqual([
      'Governor Ann Lee',
    ]);
  });

  it('takes the speaker of `X said, adding,` rather than the subject of the reported clause', () => {
    const body =
      'The two rivals will meet next week, Bo Chen said, adding, "They need to sit down and talk."';
    expect(speakers(body)).toEqual(['Bo Chen']);
    expect(
      extractQuotesWithRules(body, { off: new Set(['adjacent-name']) }).map((q) => q.speaker),
    ).not.toEqual(['Bo Chen']);
  });

  it('leaves a name inside a prepositional phrase to the subject it belongs to', () => {
    expect(speakers('A spokesman for Ann Lee said, "The governor will not attend."')).toEqual([
      'A spokesman for Ann Lee',
    ]);
  });
});

describe('speakerName', () => {
  it.each([
    ['Harbour Board spokesman Oleg Marin', 'Oleg Marin'],
    ['Chilean President Ana Ruiz', 'Ana Ruiz'],
    ['Mr. Okafor', 'Okafor'],
    ['Sen. Ruth Abara of Ohio', 'Ruth Abara'],
    ['Tomas Brennick, who grows pears near the river', 'Tomas Brennick'],
    ['the mayor’s chief of staff, Lena Ostrova', 'Lena Ostrova'],
    ['FBI General Counsel Tomas R. Vell', 'Tomas R. Vell'],
  ])('%s -> %s', (written, name) => {
    expect(speakerName(written)).toBe(name);
  });

  it('gives null when no one is named', () => {
    expect(speakerName('he')).toBeNull();
    expect(speakerName('the statement')).toBeNull();
    expect(speakerName(null)).toBeNull();
  });
});

describe('speakerSpan: where the name the speaker resolves to is written', () => {
  const at = (body: string, q: { speakerSpan: [number, number] | null }) =>
    q.speakerSpan && body.slice(...q.speakerSpan);

  it('points at the name inside a written speaker phrase, not at its title or appositive', () => {
    const body = '“The pier opens in May,” said Senator Ruth Abara, who chairs the harbor committee.';
    const q = only(body);
    expect(q.speakerSpan).toEqual([body.indexOf('Ruth Abara'), body.indexOf(', who')]);
    const named = 'Harbour Board spokesman Oleg Marin told reporters: “The cranes stay idle.”';
    expect(at(named, only(named))).toBe('Oleg Marin');
    const second = '“We are ready,” said the mayor’s chief of staff, Lena Ostrova.';
    expect(at(second, only(second))).toBe('Lena Ostrova');
  });

  it('points a pronoun at the named mention it resolves to', () => {
    const body = PRONOUN_AFTER_NAME;
    const quotes = extractQuotes(body);
    expect(quotes.map((q) => q.speakerSpan)).toEqual([
      [body.indexOf('Hana'), body.indexOf('.\n\nVisitors')],
      [body.indexOf('Hana'), body.indexOf('.\n\nVisitors')],
    ]);
  });

  it('points a pronoun at a name the reporter gave in indirect speech', () => {
    const body = PRONOUN_AFTER_INDIRECT;
    const quotes = extractQuotes(body);
    expect(quotes[1]!.speakerSpan).toEqual([body.indexOf('Jake'), body.indexOf('.\n\n“The pipes')]);
  });

  it('points a description and a follow-up quotation at the antecedent name', () => {
    const body = [
      '“Taxes will not rise,” Mayor Odile Franck said.',
      '“Not this year, not next year,” the mayor said.',
      '“And we will balance the budget.”',
    ].join('\n\n');
    const quotes = extractQuotes(body);
    expect(quotes).toHaveLength(3);
    for (const q of quotes) expect(at(body, q)).toBe('Odile Franck');
    expect(quotes.every((q) => q.speakerSpan?.[0] === body.indexOf('Odile'))).toBe(true);
  });

  it('is null when the speaker names no one or cannot be resolved', () => {
    expect(only('“Nothing works on this train line anymore,” he said.').speakerSpan).toBeNull();
    expect(only('“The rail plan is dead,” officials said on Monday.').speakerSpan).toBeNull();
    expect(only('“The budget is balanced,” the senator said.').speakerSpan).toBeNull();
  });

  it('strips a capitalised article from an organisation speaker', () => {
    const body = '“The figures are wrong,” The Harbour Gazette wrote in an editorial.';
    expect(at(body, only(body))).toBe('Harbour Gazette');
  });
});
