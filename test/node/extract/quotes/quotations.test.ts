import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../../src/extract/quotes/extract.js';
import { speakerName } from '../../../../src/extract/quotes/speaker-names.js';
import type { ExtractedQuote } from '../../../../src/model/documents.js';
import { hasCorpora, readCorpus } from '../../../corpora.js';
import { expectExactOffsets, only } from './helpers.js';

// What a quotation is and where it starts and ends (quotes/extract.ts, groups.ts, units.ts,
// mixed.ts, paragraph-join.ts). All sentences below are invented for these tests.

describe('extractQuotes: quote shapes', () => {
  it('handles a quote running over two paragraphs as one quotation', () => {
    const body = [
      'The architect described the plan at length.',
      '“The first phase rebuilds the seawall and the promenade along the old docks.',
      '“The second phase adds housing, and we hope to finish by the end of the decade,” said architect Rosa Delacroix.',
    ].join('\n\n');
    const q = only(body);
    expect(q.start).toBe(body.indexOf('“The first'));
    expect(q.end).toBe(body.indexOf(' said architect'));
    expect(q.text).toBe(body.slice(q.start, q.end));
    expect(q).toMatchObject({ speaker: 'architect Rosa Delacroix', cue: 'said' });
  });

  it('joins a quotation over three paragraphs, attributed in the first', () => {
    const body = [
      'Harbor Master Ines Varga said: “The channel will close on Monday.',
      '“Dredging starts the same day.',
      '“We expect to reopen it within a month.”',
      'The port handles forty ships a week.',
    ].join('\n\n');
    const q = only(body);
    expect(q.text).toBe(body.slice(body.indexOf('“The channel'), body.indexOf('\n\nThe port')));
    expect(q.speaker).toBe('Harbor Master Ines Varga');
  });

  it('continues a quotation that closes its paragraph into a quote paragraph that follows', () => {
    const body = [
      '“The tide gauge failed twice,” harbor engineer Mira Castell said. “We replaced it in June.”',
      '“The new one reports every minute.”',
    ].join('\n\n');
    const q = only(body);
    expect(q).toMatchObject({ start: 0, end: body.length, speaker: 'harbor engineer Mira Castell' });
  });

  it('reads a quote paragraph signed by the next one (`- Name.`)', () => {
    const body =
      'We checked one claim this week.\n\n“Ferry fares have doubled since the spring.”\n\n- Lena Ostrova.\n\nFares rose by a third.';
    expect(only(body)).toMatchObject({
      text: '“Ferry fares have doubled since the spring.”',
      speaker: 'Lena Ostrova',
      cue: null,
    });
  });

  it('keeps a quote interrupted by its attribution as one attributed span', () => {
    const body = '“We will rebuild the pier,” Mayor Odile Franck said, “and we will do it this year.”';
    const q = only(body);
    expect(q.start).toBe(0);
    expect(q.end).toBe(body.length);
    expect(q.speaker).toBe('Mayor Odile Franck');
    expect(q.cue).toBe('said');
  });

  it('does not merge a second quote that has its own attribution', () => {
    const body =
      '“The vote is final,” said Senator Ruth Abara. “We will appeal,” replied Councillor Ben Ito.';
    const quotes = extractQuotes(body);
    expect(quotes.map((q) => q.speaker)).toEqual(['Senator Ruth Abara', 'Councillor Ben Ito']);
    expect(quotes[1]!.cue).toBe('replied');
  });

  it('finds a partial quote inside a sentence when a speech cue introduces it', () => {
    const body =
      '“We lost,” Governor Ilse Navarro said on Tuesday.\n\nShe told reporters “the count was fair” and left.';
    const quotes = extractQuotes(body);
    expect(quotes).toHaveLength(2);
    const q = quotes[1]!;
    expect(q.text).toBe('“the count was fair”');
    expect(q.cue).toBe('told');
    expect(q.speaker).toBe('Governor Ilse Navarro');
  });

  it('finds a partial quote after `, adding,` when an earlier piece sits in the same sentence', () => {
    const q = only(
      'Mayor Odile Franck called the plan “premature” for the town, adding, “We will wait another year.”',
    );
    expect(q).toMatchObject({
      text: '“We will wait another year.”',
      speaker: 'Mayor Odile Franck',
      cue: 'adding',
    });
  });

  it('does not count a naming verb inside the sentence as quoting: called it “…”', () => {
    expect(extractQuotes('She called it “a disaster” for the party.')).toEqual([]);
    expect(extractQuotes('The mayor praised what she described as “a careful budget.”')).toEqual([]);
  });
});

describe('extractQuotes: one quotation per speaker and paragraph', () => {
  it('joins the pieces of a paragraph that carry no attribution of their own', () => {
    const body =
      '“The tide gauge failed twice,” harbor engineer Mira Castell said when asked about the outage. “We replaced it in June.”';
    const q = only(body);
    expect(q).toMatchObject({
      start: 0,
      end: body.length,
      speaker: 'harbor engineer Mira Castell',
      cue: 'said',
    });
  });

  it('swallows a fragment inside the reporter’s sentence between or after the pieces', () => {
    const body =
      '“The ferry is safe,” Captain Joan Pell said on Friday. But “the schedule needs work” before winter, she added later.';
    const q = only(body);
    expect(body.slice(q.start, q.end)).toBe(
      '“The ferry is safe,” Captain Joan Pell said on Friday. But “the schedule needs work”',
    );
  });

  it('starts a new quotation at a piece with its own attribution, even by the same speaker', () => {
    const body = '“We will vote on Monday,” Senator Ruth Abara said. She added, “The count will be public.”';
    expect(extractQuotes(body).map((q) => q.text)).toEqual([
      '“We will vote on Monday,”',
      '“The count will be public.”',
    ]);
  });

  it('does not attach an attribution across the end of the sentence an inline quote closes', () => {
    const body =
      'The rule says buses must stop “at every marked shelter.” Director Ana Ruiz says, “We will enforce it.”';
    const quotes = extractQuotes(body);
    expect(quotes.map((q) => q.text)).toEqual(['“We will enforce it.”']);
    expect(quotes[0]!.speaker).toBe('Director Ana Ruiz');
  });
});

describe('extractQuotes: follow-up paragraphs', () => {
  it('does not carry a speaker into a paragraph that opens with a quote and goes on in the reporter’s words', () => {
    const body = [
      '“The harvest was the best in a decade,” farmer Joel Ambrose said.',
      '“The Long Valley Harvest Song,” a film about the farm, opens in the town hall next week.',
    ].join('\n\n');
    expect(extractQuotes(body).map((q) => q.speaker)).toEqual(['farmer Joel Ambrose']);
  });
});

describe('extractQuotes: mixed quotations are reported speech', () => {
  it('rejects a lower-case quote that completes a clause about a named subject', () => {
    expect(extractQuotes('The mayor said Councillor Ben Ito “knows the harbor better than anyone.”')).toEqual(
      [],
    );
  });

  it('rejects a lower-case quote after an attribution that interrupts the reporter’s sentence', () => {
    expect(
      extractQuotes('The new terminal, Director Ana Ruiz said, “will open before the summer season.”'),
    ).toEqual([]);
  });

  it('keeps a lower-case quote when only a connective precedes the attribution: `But, she said, “…”`', () => {
    const body = 'The levy passed. But, Mayor Odile Franck said, “we will review it in the spring.”';
    expect(only(body)).toMatchObject({
      speaker: 'Mayor Odile Franck',
      text: '“we will review it in the spring.”',
    });
    const after = 'The levy passed.\n\nYet, “nobody is happy with it,” added Councillor Ben Ito.';
    expect(only(after)).toMatchObject({ speaker: 'Councillor Ben Ito' });
  });

  it('treats a naming cue with its object as a label, not a quotation', () => {
    expect(
      extractQuotes('Mayor Odile Franck called Councillor Ben Ito “a tireless builder of bridges.”'),
    ).toEqual([]);
  });
});

describe('extractQuotes: what is not a quotation', () => {
  it('rejects scare quotes and titles with no speaker nearby', () => {
    expect(extractQuotes('The two firms signed a “strategic partnership” agreement in June.')).toEqual([]);
    expect(extractQuotes('She starred in “The Long Harbor” before moving to the stage.')).toEqual([]);
    expect(extractQuotes('Critics called the bill "reckless" and the vote was delayed.')).toEqual([]);
  });

  it('rejects a quoted fragment of indirect speech', () => {
    expect(extractQuotes('The minister said that the deal was “a step forward” for both ports.')).toEqual([]);
  });

  it('returns nothing for a body without quotation marks', () => {
    expect(extractQuotes('The council met on Tuesday. No decision was taken.')).toEqual([]);
    expect(extractQuotes('')).toEqual([]);
  });
});

describe('extractQuotes: how far a quotation reaches', () => {
  it('runs a sentence-opening quote on to the comma before an attribution that closes the sentence', () => {
    const body =
      '“We are pleased” with the outcome of the harbor vote, said Hana Oduya, a spokeswoman for the port authority, which runs the terminal.';
    const q = only(body);
    expect(q.text).toBe('“We are pleased” with the outcome of the harbor vote');
    expect(speakerName(q.speaker)).toBe('Hana Oduya');
    expect(q.cue).toBe('said');
  });

  it('runs a quote a speech verb introduces mid-sentence on to the end of that sentence', () => {
    const body =
      'The ferry schedule will change in spring. Director Lena Ostrova said “the early crossing” would move to half past six. Fares stay the same.';
    const q = only(body);
    expect(q.text).toBe('“the early crossing” would move to half past six');
    expect(q).toMatchObject({ speaker: 'Director Lena Ostrova', cue: 'said' });
    expectExactOffsets(body, [q]);
  });

  it('does not run on a quote that names a source or a label', () => {
    expect(
      extractQuotes('The levy rises by a tenth, according to the “Blue Harbor” report released on Friday.'),
    ).toEqual([]);
    expect(extractQuotes('Councillor Ben Ito called the levy “a burden” for small shops.')).toEqual([]);
  });
});

describe('extractQuotes: where one quotation ends and the next begins', () => {
  it('continues a quotation into a quote paragraph after an attribution that goes on past the speaker', () => {
    const body = [
      '“We rebuilt the pier in eight months,” Mayor Odile Franck said at the ribbon cutting on Saturday.',
      '“Next year we will start on the seawall.”',
      'The seawall is older than the town hall.',
    ].join('\n\n');
    const q = only(body);
    expect(q.start).toBe(0);
    expect(q.end).toBe(body.indexOf('\n\nThe seawall'));
    expect(q.speaker).toBe('Mayor Odile Franck');
  });

  it('starts a new quotation when a reopened paragraph names another speaker', () => {
    const body = [
      '“The levy is fair,” Councillor Ada Moreau said on Monday. “Every shop on the quay pays the same share.',
      '“Nobody asked us,” added Councillor Ben Ito. “We would have voted against it.”',
    ].join('\n\n');
    const quotes = extractQuotes(body);
    expect(quotes.map((q) => q.speaker)).toEqual(['Councillor Ada Moreau', 'Councillor Ben Ito']);
    expect(quotes[0]!.end).toBe(body.indexOf('\n\n'));
    expect(quotes[1]!.start).toBe(body.indexOf('“Nobody'));
  });

  it("gives the attribution after a phrase quoted inside the reporter's sentence to the new sentence quoted next", () => {
    const body = 'Turning to the bridge “fiasco,” Mayor Ilse Varga said, “We will rebuild it within a year.”';
    const q = only(body);
    expect(q.text).toBe('“We will rebuild it within a year.”');
    expect(q).toMatchObject({ speaker: 'Mayor Ilse Varga', cue: 'said' });
  });

  it('keeps a phrase and its lower-case continuation around an attribution as one mixed quotation', () => {
    const body = 'The plan “will cost less than the old one,” she said, “but nobody believes that yet.”';
    expect(extractQuotes(body).map((q) => q.text)).not.toContain('“but nobody believes that yet.”');
  });

  it('does not run a quotation on past a new sentence that introduces the next quote with a colon', () => {
    const body =
      'Voters “should stay home if the storm gets worse,” said Pim Adler, the county clerk. Governor Rosa Delacroix disagreed: “Every polling place will stay open until eight.”';
    const quotes = extractQuotes(body);
    const last = quotes.at(-1)!;
    expect(last.text).toBe('“Every polling place will stay open until eight.”');
    expect(last.speaker).toBe('Governor Rosa Delacroix');
  });

  it('reads a signed comment as one quotation even when it quotes someone inside with the same marks', () => {
    const body =
      'Readers wrote in after the vote.\n\n“I would rather walk than ride what they call “the new express” every morning.” ― Marta Quillon\n\nThe council meets again in May.';
    const q = only(body);
    expect(q.text).toBe('“I would rather walk than ride what they call “the new express” every morning.”');
    expect(q).toMatchObject({ speaker: 'Marta Quillon', cue: null });
  });
});

describe.skipIf(!hasCorpora('extractQuotes on the seed article', 'seed/articles.ndjson'))(
  'extractQuotes on the seed article',
  () => {
    // Read when a test runs: a suite skipped for want of the corpus is still collected.
    const article = () => JSON.parse(readCorpus('seed/articles.ndjson').split('\n')[0]!) as { body: string };
    const gold = readCorpus('seed/quotes-gold.ndjson')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { start: number; end: number; speaker: string });

    it('finds exactly the five gold quotations with their speakers', () => {
      const { body } = article();
      const quotes = extractQuotes(body);
      expect(quotes.map((q) => [q.start, q.end])).toEqual(gold.map((g) => [g.start, g.end]));
      // Who spoke is the name the speaker resolves to: a description ("the … leader") stays as
      // written in `speaker` and points at the name through speakerSpan.
      const resolved = (q: ExtractedQuote) => q.speakerSpan && body.slice(...q.speakerSpan);
      const lastName = (s: string | null) => speakerName(s)?.split(' ').at(-1);
      expect(quotes.map((q) => lastName(resolved(q)))).toEqual(gold.map((g) => lastName(g.speaker)));
      expect(quotes.filter((q) => speakerName(q.speaker)?.endsWith('Zelenskyy'))).toHaveLength(3);
      expectExactOffsets(body, quotes);
    });

    it('does not return the scare quote', () => {
      expect(extractQuotes(article().body).some((q) => q.text.includes('strategic partnership'))).toBe(false);
    });
  },
);
