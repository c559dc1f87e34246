import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mojibakeEdits, repairMojibake } from '../../src/pipeline/mojibake.js';
import { toArticle } from '../../src/pipeline/normalize.js';
import { normalizeBody, normalizeLine } from '../../src/pipeline/normalize-text.js';

/** UTF-8 read as Windows-1252; its five undefined bytes become C1 controls, as browsers do. */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const asCp1252 = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) => (b >= 0x80 && b < 0xa0 ? CP1252_80_9F[b - 0x80] : String.fromCharCode(b)))
    .join('');
/** UTF-8 read as ISO-8859-1. */
const asLatin1 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

const codePoint = (lo: number, hi: number) =>
  fc.integer({ min: lo, max: hi }).map((cp) => String.fromCodePoint(cp));
/** Characters news text carries that mojibake mangles: accented Latin, punctuation, Greek, Cyrillic, CJK, emoji. */
const nonAscii = fc.oneof(
  codePoint(0xc0, 0xff),
  codePoint(0x100, 0x17f),
  fc.constantFrom('‘', '’', '“', '”', '–', '—', '…', '•', '€', '™', '£', '©', '°', '½'),
  codePoint(0x391, 0x3a1),
  codePoint(0x3b1, 0x3c9),
  codePoint(0x410, 0x44f),
  codePoint(0x4e00, 0x4e80),
  codePoint(0x1f600, 0x1f64f),
);
/** Words with non-ASCII letters inside lower-case ASCII, as in "Guantánamo". */
const words = (letters: fc.Arbitrary<string>) =>
  fc
    .array(
      fc
        .tuple(fc.constantFrom('a', 'pe', 'gu'), letters, fc.constantFrom('n', 'os', 'e'))
        .map((p) => p.join('')),
      { minLength: 1, maxLength: 6 },
    )
    .map((w) => w.join(' '));

describe('normalizeLine', () => {
  it('composes to NFC and collapses all whitespace onto one trimmed line', () => {
    expect(normalizeLine('  Ame\u0301lie\t\tPoulain \r\n and  Zoe\u0308  ')).toBe('Amélie Poulain and Zoë');
    expect(normalizeLine('\u00a0Harbor\u2003vote\u2028delayed ')).toBe('Harbor vote delayed');
  });

  it('removes invisible and control characters but keeps joiners inside emoji', () => {
    expect(normalizeLine('\ufeffHar\u200bbor\u00adside \u202aCouncil\u202c\u0007 vote\u0085')).toBe(
      'Harborside Council vote',
    );
    expect(normalizeLine('family 👩\u200d👧 and a\u200dpart')).toBe('family 👩\u200d👧 and apart');
  });
});

describe('normalizeBody', () => {
  it('keeps paragraphs, separated by exactly one blank line', () => {
    const raw = '\n\n  First  paragraph,\twith a\nwrapped line.  \r\n \r\n\r\n\tSecond one.\u2029Third.\n \n';
    expect(normalizeBody(raw).text).toBe('First paragraph, with a wrapped line.\n\nSecond one.\n\nThird.');
  });

  it('collapses runs of spaces and line breaks as the rule says, at the ends and inside', () => {
    // The rule, run by run: gone at either end, a blank line where the run holds one, else a space.
    const rule = (raw: string, paragraphs: boolean) =>
      raw.replace(/[ \n]+/g, (run: string, at: number) =>
        at === 0 || at + run.length === raw.length ? '' : paragraphs && /\n *\n/.test(run) ? '\n\n' : ' ',
      );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'bc', ' ', '\n'), { maxLength: 24 }), (pieces) => {
        const raw = pieces.join('');
        expect(normalizeBody(raw).text).toBe(rule(raw, true));
        expect(normalizeLine(raw)).toBe(rule(raw, false));
      }),
      { numRuns: 1000 },
    );
    expect([' ', ' a', 'a ', ' a b ', 'a\nb', 'a \n\n b'].map((raw) => normalizeBody(raw).text)).toEqual([
      '',
      'a',
      'a',
      'a b',
      'a b',
      'a\n\nb',
    ]);
  });

  it('leaves text that is already normal exactly as it is', () => {
    const clean = 'Mayor Inês Sørensen said “no”.\n\nThe vote — 7 to 2 — passed.';
    expect(normalizeBody(clean).text).toBe(clean);
  });
});

describe('mojibake repair', () => {
  it.each([
    ['GuantÃ¡namo Bay', 'Guantánamo Bay'],
    ['her rÃ©sumÃ©', 'her résumé'],
    ['â€œWe won,â€\u009d she said. Itâ€™s over.', '“We won,” she said. It’s over.'],
    ['ÃƒÂ©tÃƒÂ©', 'été'],
    ['Ã¢â‚¬Å“Yes.Ã¢â‚¬Â\u009d', '“Yes.”'],
    ['Price: Â£5', 'Price: £5'],
    ['ðŸ˜€ fine', '😀 fine'],
  ])('repairs %j', (broken, fixed) => {
    expect(repairMojibake(broken)).toBe(fixed);
  });

  it('repairs copies that were later decomposed (NFD or NFKD)', () => {
    expect(normalizeLine('FranA\u0303\u0083A\u0302§ois Hollande')).toBe('François Hollande');
    expect(normalizeLine('SA\u0303©golA\u0303 \u0308ne')).toBe('Ségolène');
    expect(normalizeLine('Fethullah GA\u03031\u20444len')).toBe('Fethullah Gülen');
    expect(normalizeLine('RaA\u0303ol')).toBe('Raúl');
    expect(normalizeLine("raison d'A\u0303atre")).toBe("raison d'être");
    expect(normalizeLine('RaA\u0303\u0083A\u0302ol')).toBe('Raúl');
    expect(normalizeLine('naA\u0303 \u0304vetA\u0303©')).toBe('naïveté');
  });

  it.each([
    'SÃO PAULO',
    'NÃO, IRMÃ” said the sign',
    'Straße”',
    'CAFÉ… and CAFÉ—',
    'São Tomé, Ærø, Þórshöfn, Łódź, Ñuñoa',
    'Copyright © 2016, 20 °C, ½ cup, «quoted»',
    'ROMÂNIA and CHÂTEAU',
    'Москва, Αθήνα, 東京, 😀',
    // A lossy copy: the byte that would complete the sequence is gone, so nothing is guessed.
    'the realÃ¢€world concerns',
    'an Ã alone',
  ])('leaves %j alone', (text) => {
    expect(mojibakeEdits(text)).toEqual([]);
  });

  it('does not guess at a letter whose bytes were lost', () => {
    expect(normalizeLine('Stefan KÃ\u0083 rner')).toBe('Stefan KÃ rner');
  });

  it('repairs any text read once or twice as Windows-1252 or Latin-1', () => {
    fc.assert(
      fc.property(words(nonAscii), (text) => {
        expect(repairMojibake(asCp1252(text))).toBe(text);
        expect(repairMojibake(asLatin1(text))).toBe(text);
        expect(repairMojibake(asCp1252(asCp1252(text)))).toBe(text);
        expect(normalizeLine(asLatin1(asLatin1(text)).normalize('NFD'))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('repairs Latin-1 letters and quotes whose mojibake went through NFKD', () => {
    const letters = fc.oneof(
      codePoint(0xc0, 0xff).filter((c) => c !== '×' && c !== '÷'),
      fc.constantFrom('’', '“', '”', '–', '—', '€', '™'),
    );
    fc.assert(
      fc.property(words(letters), (text) => {
        expect(normalizeLine(asCp1252(text).normalize('NFKD'))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves correct text alone', () => {
    const real = fc.constantFrom(
      'São',
      'Ségolène',
      'naïve',
      'Straße',
      'Ærø',
      'Þór',
      'Łódź',
      'Ñandú',
      'ÉCOLE',
      'IRMÃ',
      'SÃO',
      'Ÿ',
      '€5',
      '½',
      '©',
      '«x»',
      'Москва',
      'Αθήνα',
      '東京',
      '😀',
      'NÃO',
      'ROMÂNIA',
      'CHÂTEAU',
    );
    const sep = fc.constantFrom(' ', ', ', '. ', ' — ', '—', '… ', '’ ', '” ', ' “', '» ', ' «');
    fc.assert(
      fc.property(fc.array(fc.tuple(real, sep), { minLength: 1, maxLength: 8 }), (parts) => {
        const text = parts.flat().join('');
        expect(mojibakeEdits(text)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('normalizeBody().toInput', () => {
  /**
   * Raw input pieces that normalization rewrites, mixed with plain words. Mojibake repair looks
   * at the character before a sequence, so those pieces bring their own.
   */
  const piece = fc.oneof(
    fc.constantFrom('council', 'vote', '“Yes,”', 'said', 'Ortiz.', 'x'),
    fc.constantFrom(' ', '  ', '\t', '\n', '\n\n', '\r\n\r\n', ' \n \n ', '\u00a0', '\u2003'),
    fc.constantFrom('\u200b', '\ufeff', '\u00ad', '\u0007', '\u202a'),
    fc.constantFrom('ke\u0301', 'A\u030ak', 'o\u0308\u0301n'),
    fc.constantFrom('rÃ©', 'GuantÃ¡n', 'itâ€™s', 'Ã©tÃ©', 'ÃƒÂ©t', 'FranA\u0303\u0083A\u0302§'),
    fc.constantFrom('😀', 'é', '—'),
  );
  const raws = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

  it('maps every character back to the input it came from', () => {
    fc.assert(
      fc.property(raws, (raw) => {
        const { text, toInput } = normalizeBody(raw);
        expect(toInput(0, 'end')).toBe(0);
        expect(toInput(text.length)).toBe(raw.length);
        for (let i = 0; i < text.length; i++) {
          expect(toInput(i + 1)).toBeGreaterThanOrEqual(toInput(i));
          if (/[\ud800-\udfff]/.test(text[i]!) || /\s/.test(text[i]!)) continue;
          const from = toInput(i);
          const to = toInput(i + 1, 'end');
          // The input stretch of one output character normalizes to that character…
          expect(normalizeLine(raw.slice(from, to))).toBe(text[i]);
          // …and an unchanged character maps onto itself.
          if (/[!-~]/.test(text[i]!)) expect(raw.slice(from, to)).toBe(text[i]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('maps spans so that the input span normalizes to the output span', () => {
    fc.assert(
      fc.property(raws, fc.nat(), fc.nat(), (raw, a, b) => {
        const { text, toInput } = normalizeBody(raw);
        const visible = [...text.matchAll(/\S/gu)].map((m) => m.index);
        fc.pre(visible.length > 0);
        const [s, e] = [visible[a % visible.length]!, visible[b % visible.length]!].sort((x, y) => x - y) as [
          number,
          number,
        ];
        const end = e + (text.codePointAt(e)! > 0xffff ? 2 : 1);
        expect(normalizeBody(raw.slice(toInput(s), toInput(end, 'end'))).text).toBe(text.slice(s, end));
      }),
      { numRuns: 400 },
    );
  });

  it('gives extraction offsets into the body as given', () => {
    const raw = 'The  mayor\u200b said:\n\n\n  â€œThe bridge  waits for GuantÃ¡namo.â€\u009d  ';
    const { text, toInput } = normalizeBody(raw);
    expect(text).toBe('The mayor said:\n\n“The bridge waits for Guantánamo.”');
    const start = text.indexOf('“');
    const end = text.indexOf('”') + 1;
    expect(raw.slice(toInput(start), toInput(end, 'end'))).toBe(
      'â€œThe bridge  waits for GuantÃ¡namo.â€\u009d',
    );
    // A removed character lies between the two sides of a boundary.
    expect(toInput(text.indexOf(' said'), 'end')).toBe(raw.indexOf('\u200b'));
    expect(toInput(text.indexOf(' said'), 'start')).toBe(raw.indexOf(' said'));
    expect(() => toInput(text.length + 1)).toThrow(RangeError);
  });
});

describe('toArticle', () => {
  it('normalizes title, subtitle, body, authors and tags', () => {
    const article = toArticle({
      id: 'a1',
      title: ' Vote  in GuantÃ¡namo ',
      subtitle: 'Re\u0301sume\u0301\u200b',
      body: 'One.\n\n\n\nTwo  words.',
      author: 'By  JosÃ© Ortiz and Ida\u00a0Holm',
      tags: [' harbor ', 'harbor', 'Ã©lection'],
    });
    expect(article).toMatchObject({
      title: 'Vote in Guantánamo',
      subtitle: 'Résumé',
      body: 'One.\n\nTwo words.',
      authors: ['José Ortiz', 'Ida Holm'],
      tags: ['harbor', 'élection'],
    });
  });

  it('keeps a body whose given quotes point into it as given', () => {
    const body = 'He said  “yes”.';
    const article = toArticle({ id: 'a2', body, quotes: [{ text: '“yes”', start: 9, end: 14 }] });
    expect(article.body).toBe(body);
  });
});
