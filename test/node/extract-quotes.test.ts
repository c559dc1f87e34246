import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/extract/quotes/extract.js';
import { speakerName } from '../../src/extract/quotes/speaker-names.js';
import type { ExtractedQuote } from '../../src/model/documents.js';
import { hasCorpora, readCorpus } from '../corpora.js';

// All sentences below are invented for these tests.

function only(body: string): ExtractedQuote {
  const quotes = extractQuotes(body);
  expect(quotes).toHaveLength(1);
  return quotes[0]!;
}

function expectExactOffsets(body: string, quotes: ExtractedQuote[]): void {
  for (const q of quotes) expect(body.slice(q.start, q.end)).toBe(q.text);
}

describe('extractQuotes: attribution patterns', () => {
  it('reads `"…," X said` with curly marks, marks included in the span', () => {
    const body =
      'The ferry resumed service.\n\n“We expect no further delays,” Harbor Master Ines Varga said on Monday.';
    const q = only(body);
    expect(q.text).toBe('“We expect no further delays,”');
    expect(q.start).toBe(body.indexOf('“'));
    expect(q.speaker).toBe('Harbor Master Ines Varga');
    expect(q.cue).toBe('said');
    expectExactOffsets(body, [q]);
  });

  it('reads `"…," said X` with straight marks', () => {
    const body = '"The orchard survived the frost," said Tomas Brennick, who grows pears near the river.';
    const q = only(body);
    expect(q.text).toBe('"The orchard survived the frost,"');
    expect(q.speaker).toMatch(/^Tomas Brennick/);
    expect(q.cue).toBe('said');
  });

  it('reads `X said: "…"`', () => {
    const body = 'Councillor Ada Moreau said: "The budget will be balanced by spring."';
    const q = only(body);
    expect(q.text).toBe('"The budget will be balanced by spring."');
    expect(q.speaker).toBe('Councillor Ada Moreau');
  });

  it('reads `X told reporters "…"`', () => {
    const body = 'Coach Lena Ostrova told reporters "we played our best game of the season."';
    const q = only(body);
    expect(q.text).toBe('"we played our best game of the season."');
    expect(q.speaker).toBe('Coach Lena Ostrova');
    expect(q.cue).toBe('told');
  });

  it('reads `according to X` before and after the quote', () => {
    const before = 'According to engineer Paulo Reyes, “the bridge needs a new deck within five years.”';
    expect(only(before)).toMatchObject({ speaker: 'engineer Paulo Reyes', cue: 'according to' });
    const after = '“The bridge needs a new deck within five years,” according to engineer Paulo Reyes.';
    expect(only(after)).toMatchObject({ speaker: 'engineer Paulo Reyes', cue: 'according to' });
  });

  it('keeps role-prefixed speakers as written and strips them to the name', () => {
    const body = '“The pipeline is safe,” Harbor Authority spokeswoman Maria Lindqvist told reporters.';
    const q = only(body);
    expect(q.speaker).toBe('Harbor Authority spokeswoman Maria Lindqvist');
    expect(q.cue).toBe('told');
    expect(speakerName(q.speaker)).toBe('Maria Lindqvist');
  });

  it("reads NYT-style '' marks", () => {
    const body = "''We are ready for the storm,'' Mr. Okafor said.";
    const q = only(body);
    expect(q.text).toBe("''We are ready for the storm,''");
    expect(q.speaker).toBe('Mr. Okafor');
  });
});

describe('extractQuotes: speakers carried forward', () => {
  it('resolves he/she/they to the last named speaker', () => {
    const body = [
      '“The library will open late,” said Director Hana Kowalczyk.',
      'Visitors lined up outside.',
      '“We had a burst pipe in the basement,” she said.',
    ].join('\n\n');
    const quotes = extractQuotes(body);
    expect(quotes.map((q) => q.speaker)).toEqual(['Director Hana Kowalczyk', 'Director Hana Kowalczyk']);
    expect(quotes[1]!.cue).toBe('said');
    expectExactOffsets(body, quotes);
  });

  it('resolves a role description ("the mayor") to the last named speaker', () => {
    const body =
      '“Taxes will not rise,” Mayor Odile Franck said.\n\n“Not this year, not next year,” the mayor said.';
    expect(extractQuotes(body).map((q) => speakerName(q.speaker))).toEqual(['Odile Franck', 'Odile Franck']);
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
    const body = [
      '“The library will open late,” said Director Hana Kowalczyk.',
      'The repairs will take a week, said plumber Jake Horowitz.',
      '“The pipes are older than the building,” he said.',
    ].join('\n\n');
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

  it('treats a naming cue with its object as a label, not a quotation', () => {
    expect(
      extractQuotes('Mayor Odile Franck called Councillor Ben Ito “a tireless builder of bridges.”'),
    ).toEqual([]);
  });
});

describe('extractQuotes: speaker phrases', () => {
  it('skips a leading adverbial and keeps the name that follows a description', () => {
    const a = only('On Tuesday, Mayor Odile Franck closed the session by saying: “The pier reopens in May.”');
    expect(a.speaker).toBe('Mayor Odile Franck');
    const b = only('In a statement to the paper, her deputy, Jon Sand, said: “We regret the delay.”');
    expect(b.speaker).toBe('her deputy, Jon Sand');
  });

  it('reads a digest line, headline in capitals then `- Name:`', () => {
    const q = only(
      'FERRY RIDERSHIP STATES A NEW RECORD - Lena Ostrova: “Weekend crossings doubled since spring.”',
    );
    expect(q.speaker).toBe('Lena Ostrova');
  });

  it('keeps an appositive that is a bare role, or that follows a party tag', () => {
    const a = only('“The channel is open,” said Ana Ruiz, harbor pilot for the Eastbay ferry line.');
    expect(a.speaker).toBe('Ana Ruiz, harbor pilot for the Eastbay ferry line');
    const b = only('“The bill is dead,” said Sen. Lin Ho (D-Ore.), a member of the budget panel.');
    expect(b.speaker).toBe('Sen. Lin Ho (D-Ore.), a member of the budget panel');
  });

  it('does not cut a long speaker phrase inside a name', () => {
    const q = only('“The channel is open,” said Northfield Port Authority Deputy Harbor Master Ines Varga.');
    expect(q.speaker).toBe('Northfield Port Authority Deputy Harbor Master Ines Varga');
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

describe('extractQuotes: signatures, reopened paragraphs and sung lines', () => {
  it('reads a quotation paragraph signed with a dash and a name after the closing mark', () => {
    const body =
      'Readers wrote in after the vote.\n\n“The new bus routes saved me an hour a day.” ― Marta Quillon\n\n“I still wait too long in the rain.”― Desmond Achebe-Ruiz.';
    const quotes = extractQuotes(body);
    expect(quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['“The new bus routes saved me an hour a day.”', 'Marta Quillon'],
      ['“I still wait too long in the rain.”', 'Desmond Achebe-Ruiz'],
    ]);
    expectExactOffsets(body, quotes);
  });

  it('signs only a quotation that opens its paragraph', () => {
    const body = 'Locals still use the old name “Pier Road” ― Ines Varga';
    expect(extractQuotes(body)).toEqual([]);
  });

  it('opens a quote at a paragraph start even with a right mark and an ellipsis', () => {
    const body =
      'The council met late.\n\n” … and we will rebuild the pier before winter,” Councillor Ada Moreau said.';
    const q = only(body);
    expect(q.start).toBe(body.indexOf('”'));
    expect(q.speaker).toBe('Councillor Ada Moreau');
  });

  it('reads "sings" as a cue, so a second cue in the sentence starts a new quote', () => {
    const body =
      '“Keep the lantern burning,” the choir sings to the mayor before asking her, “Will you stay for the last song?”';
    const quotes = extractQuotes(body);
    expect(quotes.map((q) => q.text)).toEqual([
      '“Keep the lantern burning,”',
      '“Will you stay for the last song?”',
    ]);
    expect(quotes[0]!.speaker).toBe('the choir');
    expectExactOffsets(body, quotes);
  });

  it('gives the cue after a closed sentence to the quote it introduces', () => {
    const body =
      'Mayor Ines Varga said: "The permits are late." Her deputy, Tomas Brennick, said, "Then we will wait for them."';
    const quotes = extractQuotes(body);
    expect(quotes.map((q) => [q.text, speakerName(q.speaker)])).toEqual([
      ['"The permits are late."', 'Ines Varga'],
      ['"Then we will wait for them."', 'Tomas Brennick'],
    ]);
  });
});

describe('extractQuotes: where the speaker phrase ends', () => {
  it('reads a capitalized cue form inside a name as part of the name', () => {
    const body =
      '“Exports will grow next year,” said Lena Ostrova, the director of the United States Trade Office.';
    expect(only(body).speaker).toBe('Lena Ostrova, the director of the United States Trade Office');
  });

  it('stops the subject at the verb of the clause before a participle cue', () => {
    const body =
      'Councillor Ada Moreau returned the favor, telling reporters, “The library stays open all summer.”';
    expect(only(body).speaker).toBe('Councillor Ada Moreau');
  });

  it('leaves a participial phrase between subject and cue out of the speaker', () => {
    const body = 'Ostrova, speaking to farmers in the valley, said: “Rain is coming before the harvest.”';
    expect(only(body).speaker).toBe('Ostrova');
    const appositive = 'Ostrova, a farmer in the valley, said: “Rain is coming before the harvest.”';
    expect(only(appositive).speaker).toBe('Ostrova, a farmer in the valley');
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

  it('gives an attribution after an already introduced quote to the quote that follows it', () => {
    const body =
      'Councillor Ada Moreau told the meeting: “The levy is fair to every shop,” she said. “Nobody pays more than a neighbor.”';
    const quotes = extractQuotes(body);
    expect(quotes.map((q) => q.text)).toEqual([
      '“The levy is fair to every shop,”',
      '“Nobody pays more than a neighbor.”',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Councillor Ada Moreau', 'Councillor Ada Moreau']);
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

describe('extractQuotes: uncommon frames and signatures', () => {
  it('reads a past-tense verb before a full name as the cue: `"…!" beamed Ann Lee`', () => {
    const body =
      'The tide came in early.\n\n“This is wonderful!” beamed Marta Quillon of Port Elsin, who had waited since dawn.';
    expect(only(body)).toMatchObject({ text: '“This is wonderful!”', cue: 'beamed' });
    expect(speakerName(only(body).speaker)).toBe('Marta Quillon');
  });

  it('reads a described speaker before a past-tense verb: `"…," an angry Lee snorted`', () => {
    const body = '“The pier will be rebuilt,” an angry Varga snorted. “It never closes for long.”';
    const q = only(body);
    expect(q.speaker).toBe('an angry Varga');
    expect(q.text).toBe(body);
  });

  it('reads a name that is also a speech verb (`Read said`)', () => {
    const body = 'The board met.\n\n"We looked at every option, and this one is the cheapest," Read said.';
    expect(only(body)).toMatchObject({ speaker: 'Read', cue: 'said' });
  });

  it('reads a dash signature that goes on with a description', () => {
    const body =
      'Overheard.\n\n"The ferry is late again, and nobody tells us why."\n\n-Ines Varga, waiting at the north pier.';
    expect(only(body)).toMatchObject({
      text: '"The ferry is late again, and nobody tells us why."',
      speaker: 'Ines Varga',
    });
  });

  it('starts a new quotation at a piece whose sentence ends on its own attribution', () => {
    const body =
      '“This is not fair,” Varga said. “You closed the pier” to save money, she said, pointing to the fence.';
    const quotes = extractQuotes(body);
    expect(quotes.map((q) => q.text)).toEqual(['“This is not fair,”', '“You closed the pier” to save money']);
    expectExactOffsets(body, quotes);
  });

  it('does not quote a piece of a reported clause after `said … that,`', () => {
    const body = 'The harbor office said by email that, “Of course the pier will reopen” once repairs end.';
    expect(extractQuotes(body)).toEqual([]);
  });

  it('reads a title after the work it names, not a quotation: `in his book, "…"`', () => {
    expect(
      extractQuotes('The mayor wrote in his 2019 memoir, “Tides of Elsin.” He sold few copies.'),
    ).toEqual([]);
    // A statement or a post is speech, not a title.
    expect(extractQuotes('The mayor wrote in a statement, “We will reopen the pier.”')).toHaveLength(1);
  });

  it('opens a quote at a paragraph start behind an invisible direction mark', () => {
    const body = 'Readers replied.\n\n\u202A”Keep the ferry running, we need it!!” wrote Marta Quillon.';
    expect(only(body)).toMatchObject({ speaker: 'Marta Quillon', start: body.indexOf('”') });
  });

  it('reads a plural subject with a cue in its base form: `"…," they conclude.`', () => {
    const body = 'The board published its view.\n\n“The pier cannot wait another winter,” they conclude.';
    expect(only(body)).toMatchObject({ text: '“The pier cannot wait another winter,”', cue: 'conclude' });
  });

  it('does not run a phrase that lost its closing mark into the next paragraph', () => {
    const body =
      "The port counts 40 more ''working boats.\n\n''The count is only as good as the staff,'' Mr. Okafor said.";
    expect(only(body)).toMatchObject({
      text: "''The count is only as good as the staff,''",
      speaker: 'Mr. Okafor',
    });
  });

  it('does not take a label as a sentence-opening quote when an unclosed mark before it was cut off', () => {
    const body =
      '"The pier was quiet that morning, she recalled, after what she called a “rant,” a long post that included one saying the mayor should resign.';
    expect(extractQuotes(body)).toEqual([]);
  });

  it('gives a cue that runs straight into the next piece to that piece, not to the label before it', () => {
    const body = 'On the form, in a box labeled “reason,” a clerk had typed “storm damage.”';
    expect(only(body)).toMatchObject({ text: '“storm damage.”', speaker: 'a clerk', cue: 'typed' });
  });

  it("gives a colon after a clause of its own to that clause's subject, past an earlier cue", () => {
    const body =
      'The mayor started the meeting late, and after the vote failed, I made up my mind: "We will try again in May."';
    expect(only(body)).toMatchObject({ text: '"We will try again in May."', speaker: 'I' });
    const named = 'The board started late, so Ines Varga gave her answer: "We will try again in May."';
    expect(only(named).speaker).toBe('Ines Varga');
  });

  it('lets a speech verb that names the speaker win over a subject guessed before a colon', () => {
    const body =
      'The engineer had bad news for the council: “The pier will not last another winter,” said Tomas Brennick, who inspected it.';
    expect(speakerName(only(body).speaker)).toBe('Tomas Brennick');
  });

  it('keeps a quotation interrupted by an attribution that closes a clause as one', () => {
    const body =
      'The harbor reopened.\n\n“If the storm had not passed” by noon, Varga said at the pier on Monday, “we would have waited another week.”';
    const q = only(body);
    expect(q.start).toBe(body.indexOf('“If'));
    expect(q.end).toBe(body.length);
  });
});

describe('speakerName', () => {
  it.each([
    ['Kremlin spokesman Dmitry Peskov', 'Dmitry Peskov'],
    ['Ukrainian President Volodymyr Zelenskyy', 'Volodymyr Zelenskyy'],
    ['Mr. Okafor', 'Okafor'],
    ['Sen. Ruth Abara of Ohio', 'Ruth Abara'],
    ['Tomas Brennick, who grows pears near the river', 'Tomas Brennick'],
    ['the mayor’s chief of staff, Lena Ostrova', 'Lena Ostrova'],
    ['FBI General Counsel James A. Baker', 'James A. Baker'],
  ])('%s -> %s', (written, name) => {
    expect(speakerName(written)).toBe(name);
  });

  it('gives null when no one is named', () => {
    expect(speakerName('he')).toBeNull();
    expect(speakerName('the statement')).toBeNull();
    expect(speakerName(null)).toBeNull();
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
      const lastName = (s: string | null) => speakerName(s)?.split(' ').at(-1);
      expect(quotes.map((q) => lastName(q.speaker))).toEqual(gold.map((g) => lastName(g.speaker)));
      expect(quotes.filter((q) => speakerName(q.speaker)?.endsWith('Zelenskyy'))).toHaveLength(4);
      expectExactOffsets(body, quotes);
    });

    it('does not return the scare quote', () => {
      expect(extractQuotes(article().body).some((q) => q.text.includes('strategic partnership'))).toBe(false);
    });
  },
);
