import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../../src/extract/quotes/extract.js';
import { expectExactOffsets } from './helpers.js';

// Whole invented articles in house styles other than the double-quote wire style, each with the
// quotations (text and speaker) it must give. Bodies are as the ingest normaliser writes them:
// paragraphs separated by a blank line, markup gone. Every name, place and sentence is invented.

/** Each quotation as [text, speaker, the name its speakerSpan points at]. */
function quotesOf(body: string): Array<[string, string | null, string | null]> {
  const quotes = extractQuotes(body);
  expectExactOffsets(body, quotes);
  return quotes.map((q) => [q.text, q.speaker, q.speakerSpan ? body.slice(...q.speakerSpan) : null]);
}

describe('house styles', () => {
  it('British single quotes, with a double-quoted title inside and apostrophes in the prose', () => {
    const body = [
      "Residents of Marlow Bay voted on Thursday to keep the harbour ferry running through the winter, the town's council said.",
      "'It is the only way most of us get to the mainland,' said Councillor Priya Ashdown, who chairs the transport committee.",
      "The operator had warned of losses. 'We cannot run empty boats for ever,' its director, Colm Reddy, told the meeting. 'But we'll try one more season, as the song \"Keep the Lights On\" has it.'",
      "Ms Ashdown said the vote was 'a relief for everyone who works in town'.",
    ].join('\n\n');
    expect(quotesOf(body)).toEqual([
      [
        "'It is the only way most of us get to the mainland,'",
        'Councillor Priya Ashdown, who chairs the transport committee',
        'Priya Ashdown',
      ],
      [
        "'We cannot run empty boats for ever,' its director, Colm Reddy, told the meeting. 'But we'll try one more season, as the song \"Keep the Lights On\" has it.'",
        'its director, Colm Reddy',
        'Colm Reddy',
      ],
    ]);
  });

  it("NYT style: two apostrophes for double marks, and he/she told apart by the article's honorifics", () => {
    const body = [
      'The Pellham County board approved the new library budget on Monday after a two-hour debate.',
      "''We owe the children of this county a place to read,'' said Ms. Oduya, the board's chairwoman. ''This budget gives them one.''",
      "Mr. Tamsin, who voted against it, called the plan ''a fine idea we cannot afford.''",
      "''I will keep asking where the money comes from,'' he said.",
    ].join('\n\n');
    expect(quotesOf(body)).toEqual([
      [
        "''We owe the children of this county a place to read,'' said Ms. Oduya, the board's chairwoman. ''This budget gives them one.''",
        "Ms. Oduya, the board's chairwoman",
        'Oduya',
      ],
      ["''I will keep asking where the money comes from,''", 'Mr. Tamsin', 'Tamsin'],
    ]);
  });

  it('an interview in dash turns: the answers are the interviewee’s, the questions are no quotes', () => {
    const body = [
      'We spoke with the novelist Ilse Marrow before her reading in Tarnby.',
      '— Did you always want to write about the sea?',
      '— No. I wanted to write about my grandmother, and she happened to live by the sea.',
      '— Will you go back there?',
      '— Every summer, as long as the ferry runs.',
    ].join('\n\n');
    expect(quotesOf(body)).toEqual([
      [
        'No. I wanted to write about my grandmother, and she happened to live by the sea.',
        'Ilse Marrow',
        'Ilse Marrow',
      ],
      ['Every summer, as long as the ferry runs.', 'Ilse Marrow', 'Ilse Marrow'],
    ]);
  });

  it('a Q&A transcript: each A: paragraph is a quotation of the person the introduction names', () => {
    const body = [
      'The harbour master of Kelling, Tove Brandt, retires this month after thirty years. We asked her about the job.',
      'Q: What changed most in thirty years?',
      'A: The boats got bigger and the crews got smaller. As my first skipper said, "Nobody reads the tide tables any more."',
      'Q: What will you miss?',
      'A: The fog horns, believe it or not.',
    ].join('\n\n');
    expect(quotesOf(body)).toEqual([
      [
        'The boats got bigger and the crews got smaller. As my first skipper said, "Nobody reads the tide tables any more."',
        'Tove Brandt',
        'Tove Brandt',
      ],
      ['The fog horns, believe it or not.', 'Tove Brandt', 'Tove Brandt'],
    ]);
  });

  it('one Q:/A: pair in a news story (a reader question box) is no transcript', () => {
    const body = [
      'The ferry timetable changes on Monday, the operator, Kelling Lines, announced.',
      'Q: Will the early boat still run?',
      'A: Only on weekdays until the summer schedule starts.',
      'Tickets bought before Monday remain valid.',
    ].join('\n\n');
    expect(quotesOf(body)).toEqual([]);
  });

  it('posts embedded as block quotes, signed with a name and a handle', () => {
    const body = [
      'The mayor of Orlen, Dara Quist, answered the critics on social media late on Sunday.',
      'The bridge will open in May, on time and on budget. Come and walk across it with me.',
      '— Dara Quist (@daraquist) March 3, 2025',
      'Her opponent replied within minutes.',
      'On time, maybe. On budget, we will see. — Lev Hanno (@levhanno) March 3, 2025',
      '“We have answered every question about the bridge,” Ms. Quist said on Monday.',
    ].join('\n\n');
    expect(quotesOf(body)).toEqual([
      [
        'The bridge will open in May, on time and on budget. Come and walk across it with me.',
        'Dara Quist',
        'Dara Quist',
      ],
      ['On time, maybe. On budget, we will see.', 'Lev Hanno', 'Lev Hanno'],
      ['“We have answered every question about the bridge,”', 'Ms. Quist', 'Quist'],
    ]);
  });

  it('a list set with dashes is no interview, and a dash signature without a handle signs no prose', () => {
    const body = [
      'The council listed its priorities for the year:',
      '— Repair the sea wall before the autumn storms.',
      '— Reopen the library on Saturdays?',
      '— Hire two more lifeguards.',
      'The plan is due in March.',
      '— Marta Lind',
    ].join('\n\n');
    expect(extractQuotes(body)).toEqual([]);
  });
});
