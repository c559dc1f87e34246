import { describe, expect, it } from 'vitest';
import { mergeCorpusEntities } from '../../../../src/extract/entities/corpus/merge.js';
import { extractEntities } from '../../../../src/extract/entities/extract.js';
import { describedPerson } from '../../../../src/extract/quotes/descriptions.js';
import { extractQuotes, extractQuotesWithRules } from '../../../../src/extract/quotes/extract.js';
import { speakerId } from '../../../../src/pipeline/corpus.js';

// Whom `the senator` stands for. Names, places and sentences invented for these tests.

const TWO_SENATORS = [
  'Velmora Sen. Ines Daltrey and Carrow Sen. Tomas Gault met the port workers on Monday.',
  '“We will not close the docks,” Daltrey said.',
  '“Nor will we sell them,” the Carrow senator said.',
].join('\n\n');

/** The name the description speaker of the quote opening with `opening` resolves to, as written. */
function resolved(body: string, opening: string, off: string[] = []): string | null {
  const q = extractQuotesWithRules(body, { off: new Set(off) }).find((x) => x.text.startsWith(opening));
  if (!q) throw new Error(`no quote opens with ${opening}`);
  return q.speakerSpan ? body.slice(...q.speakerSpan) : null;
}

describe('a description speaker', () => {
  it('is the person the article gave that role, chosen by the description’s other words', () => {
    const body = TWO_SENATORS;
    expect(resolved(body, '“Nor')).toBe('Tomas Gault');
    // Without the mechanism: the last person named.
    expect(resolved(body, '“Nor', ['described-roles'])).toBe('Daltrey');
  });

  it('is not a former holder of the role, but may be a holder the article titles without `former`', () => {
    const governor = [
      'Former Gov. Ruth Ambler campaigned beside Gov. Hale Okonjo, and former Gov. Ivo Penn sent a letter.',
      '“The budget is balanced,” the governor said.',
    ].join('\n\n');
    expect(resolved(governor, '“The budget')).toBe('Hale Okonjo');
    const president = [
      'President Ana Quell spoke at the library that bears her name, ten years after leaving office.',
      '“Libraries outlast us,” the former president said.',
    ].join('\n\n');
    expect(resolved(president, '“Libraries')).toBe('Ana Quell');
  });

  it('prefers the title as the description says it, with a qualified one when it is the only one', () => {
    const both = [
      'World Bank President Oren Vask met President Lydia Marr in the capital.',
      '“The loan is signed,” the president said.',
    ].join('\n\n');
    expect(resolved(both, '“The loan')).toBe('Lydia Marr');
    const only = [
      'Velmoran President Lydia Marr landed on Monday.',
      '“We came to trade,” the president said.',
    ].join('\n\n');
    expect(resolved(only, '“We came')).toBe('Lydia Marr');
  });

  it('reads an appositive, and names with particles, but not a place or an institution', () => {
    const body = [
      'Ann Lee, the city’s mayor, opened the bridge with Mayor Tom van Roos of the next town.',
      'At the ribbon, in Portmore, the mayor smiled.',
      '“It took nine years,” the mayor said.',
    ].join('\n\n');
    expect(resolved(body, '“It took')).toBe('Tom van Roos');
    expect(describedPerson('Ann Lee, the city’s mayor, spoke.', 'the mayor', 31)).toEqual([0, 7]);
    expect(describedPerson('Rain fell in Portmore, the mayor said.', 'the mayor', 38)).toBeNull();
    expect(
      describedPerson('Money came from the Port Authority, the agency said.', 'the agency', 51),
    ).toBeNull();
  });

  it('gives the quote the speaker id of that person', () => {
    const body = TWO_SENATORS;
    const merged = mergeCorpusEntities([
      { articleId: 'a', entities: extractEntities(body, { tagger: false }) },
    ]);
    const quote = extractQuotes(body).find((q) => q.text.startsWith('“Nor'))!;
    expect(speakerId(merged, 'a', quote)).toBe('person-tomas-gault');
  });

  it('leaves the speaker as written, and falls back to the last person named', () => {
    const body = [
      '“We open at dawn,” said Carl Ostrander, who runs the ferry.',
      '“And we close at dusk,” the spokesman said.',
    ].join('\n\n');
    const q = extractQuotes(body).find((x) => x.text.startsWith('“And'))!;
    expect(q.speaker).toBe('the spokesman');
    expect(resolved(body, '“And')).toBe('Carl Ostrander');
  });
});
