import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../../src/extract/quotes/extract.js';
import { speakerName } from '../../../../src/extract/quotes/speaker-names.js';
import { expectExactOffsets, only } from './helpers.js';

// Where a quote's attribution is and how far its speaker phrase runs (quotes/attribution-*.ts,
// speaker-phrase.ts, subjects.ts, signature.ts). All sentences below are invented for these tests.

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
