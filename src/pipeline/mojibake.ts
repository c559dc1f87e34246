/**
 * Repair of UTF-8 that was decoded as Latin-1 / Windows-1252 ("GuantÃ¡namo", "â€™"), once or
 * twice, and possibly passed through NFD/NFKD afterwards. Expects NFC input (so that NFD-split
 * "A\u0303" is already "Ã" again).
 *
 * The rule is deliberately narrow, because a false repair damages correct text:
 * - only byte sequences that are valid UTF-8 are decoded, and each decoded character must be
 *   one that plausibly appears in news text (Latin, Greek, Cyrillic, punctuation, currency,
 *   CJK, emoji…) — "ß”" would be valid UTF-8 for an NKo letter and stays as it is;
 * - a run of adjacent sequences is decoded again while it still decodes (double encoding), and
 *   the run is left untouched unless the end result is clean: no C1 control characters and no
 *   half-sequence starting with Â, Ã or â left over (lossy copies such as "realÃ¢€world" are
 *   not guessed at);
 * - NFKD turned some continuation characters into ASCII ("º" → "o", "ª" → "a", "¹²³", "…", NBSP →
 *   space); those are accepted only after "Ã"/"Â" that follows a lower-case letter or an
 *   apostrophe, or inside a run ("RaÃol" → "Raúl", "d'Ãatre" → "d'être"), never after an
 *   upper-case letter, where "Ã"/"Â" are real letters ("SÃO", "IRMÃ O…").
 */

export interface Edit {
  start: number;
  end: number;
  text: string;
}

const CP1252: Record<number, number> = {
  8364: 0x80,
  8218: 0x82,
  402: 0x83,
  8222: 0x84,
  8230: 0x85,
  8224: 0x86,
  8225: 0x87,
  710: 0x88,
  8240: 0x89,
  352: 0x8a,
  8249: 0x8b,
  338: 0x8c,
  381: 0x8e,
  8216: 0x91,
  8217: 0x92,
  8220: 0x93,
  8221: 0x94,
  8226: 0x95,
  8211: 0x96,
  8212: 0x97,
  732: 0x98,
  8482: 0x99,
  353: 0x9a,
  8250: 0x9b,
  339: 0x9c,
  382: 0x9e,
  376: 0x9f,
};

/** Compatibility decompositions (NFKD) of continuation bytes that are unmistakable in context. */
const EXPANDED: Array<[string, number]> = [
  ['1\u20444', 0xbc],
  ['1\u20442', 0xbd],
  ['3\u20444', 0xbe],
  [' \u0308', 0xa8],
  [' \u0304', 0xaf],
  [' \u0301', 0xb4],
  [' \u0327', 0xb8],
  [' \u0302', 0x88],
  [' \u0303', 0x98],
  ['\u03bc', 0xb5],
  ['TM', 0x99],
];

/** Compatibility decompositions that are ordinary ASCII; see the header for when they count. */
const AMBIGUOUS: Array<[string, number]> = [
  ['...', 0x85],
  ['a', 0xaa],
  ['o', 0xba],
  ['1', 0xb9],
  ['2', 0xb2],
  ['3', 0xb3],
  [' ', 0xa0],
];

/**
 * Quotes and dashes. They may follow an all-caps word ending in "Ã" ("IRMÃ”", "SÃ—word"), so
 * after an upper-case letter they are not read as a continuation. The price: all-caps mojibake
 * of Ä Å Ñ Ò Ó Ô Õ Ö Û ("PEÃ‘A") stays as it is.
 */
const PUNCTUATION = new Set([
  0x82, 0x84, 0x85, 0x8b, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x9b, 0xab, 0xbb,
]);

const PLAUSIBLE: Array<[number, number]> = [
  [0x80, 0x17f],
  [0x192, 0x192],
  [0x218, 0x21b],
  [0x2c6, 0x2c6],
  [0x2dc, 0x2dc],
  [0x300, 0x36f],
  [0x386, 0x3ce],
  [0x400, 0x45f],
  [0x2000, 0x206f],
  [0x20a0, 0x20bf],
  [0x2100, 0x21ff],
  [0x25a0, 0x27bf],
  [0x3000, 0x30ff],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0xfb00, 0xfb06],
  [0xfeff, 0xfeff],
  [0x1f000, 0x1faff],
];

function plausible(cp: number): boolean {
  return PLAUSIBLE.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/** The byte a character stands for when UTF-8 was read as Latin-1 or Windows-1252, or -1. */
function byteOf(ch: string | undefined): number {
  if (ch === undefined) return -1;
  const code = ch.charCodeAt(0);
  if (code >= 0x80 && code <= 0xff) return code;
  return CP1252[code] ?? -1;
}

function continuationsNeeded(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return 0;
}

const isCont = (b: number) => b >= 0x80 && b <= 0xbf;

interface Sequence {
  end: number;
  cp: number;
}

interface Context {
  /** Accept NFKD-expanded continuation characters (only in text as given, not in decoded runs). */
  expanded: boolean;
  /** Whether ASCII stand-ins ("o" for "º") may be read after this lead. */
  ambiguousOk: boolean;
}

function continuationAt(text: string, j: number, lead: number, ctx: Context): [number, number] | null {
  const b = byteOf(text[j]);
  if (isCont(b)) return [b, j + 1];
  if (!ctx.expanded) return null;
  for (const [form, byte] of EXPANDED) if (text.startsWith(form, j)) return [byte, j + form.length];
  if (!ctx.ambiguousOk || (lead !== 0xc2 && lead !== 0xc3)) return null;
  for (const [form, byte] of AMBIGUOUS) if (text.startsWith(form, j)) return [byte, j + form.length];
  return null;
}

function sequenceAt(text: string, i: number, ctx: Context): Sequence | null {
  const lead = byteOf(text[i]);
  const need = continuationsNeeded(lead);
  if (need === 0) return null;
  const bytes = [lead];
  let j = i + 1;
  for (let k = 0; k < need; k++) {
    const next = continuationAt(text, j, lead, ctx);
    if (!next) return null;
    bytes.push(next[0]);
    j = next[1];
  }
  // "é—”" reads as a CJK character; mojibake of CJK nearly always has a letter-like byte in it.
  if (ctx.expanded && need === 2 && lead !== 0xe2 && bytes.slice(1).every((b) => PUNCTUATION.has(b)))
    return null;
  const b1 = bytes[1]!;
  if (
    (lead === 0xe0 && b1 < 0xa0) ||
    (lead === 0xed && b1 > 0x9f) ||
    (lead === 0xf0 && b1 < 0x90) ||
    (lead === 0xf4 && b1 > 0x8f)
  )
    return null;
  let cp = lead & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
  for (const b of bytes.slice(1)) cp = (cp << 6) | (b & 0x3f);
  return plausible(cp) ? { end: j, cp } : null;
}

/** Decodes the further layers of a run (a double encoding), sequence by sequence. */
function decodeLayers(text: string): string {
  for (let layer = 0; layer < 3; layer++) {
    let out = '';
    for (let i = 0; i < text.length; ) {
      const seq = sequenceAt(text, i, { expanded: false, ambiguousOk: false });
      out += seq ? String.fromCodePoint(seq.cp) : text[i];
      i = seq ? seq.end : i + 1;
    }
    if (out === text) break;
    text = out;
  }
  return text;
}

/**
 * A repair is kept only if no "Â", "Ã" or "â" in it, or at its end, still starts a sequence: those
 * three are the first character of nearly all mojibake, and a half-decoded run is no repair.
 */
function looksBroken(decoded: string, text: string, after: number): boolean {
  if (/[\u0080-\u009f]/.test(decoded)) return true;
  const probe = (i: number, source: string) =>
    'ÂÃâ'.includes(decoded[i]!) &&
    continuationAt(source, i + 1, byteOf(decoded[i]), { expanded: true, ambiguousOk: false }) !== null;
  for (let i = 0; i < decoded.length - 1; i++) if (probe(i, decoded)) return true;
  return probe(decoded.length - 1, decoded + text.slice(after, after + 3));
}

const LOWER_OR_APOSTROPHE = /^[\p{Ll}'’]$/u;
const UPPER = /^\p{Lu}$/u;

interface Decoded {
  start: number;
  end: number;
  char: string;
}

/** The replacements that undo mojibake in `text` (NFC), in text order, non-overlapping. */
export function mojibakeEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  const leads = /[\u00c2-\u00f4]/g;
  let i = 0;
  while (i < text.length) {
    leads.lastIndex = i;
    if (!leads.test(text)) break;
    i = leads.lastIndex - 1;
    const run: Decoded[] = [];
    for (;;) {
      const prev = text[i - 1];
      const inRun = run.length > 0;
      const seq = sequenceAt(text, i, {
        expanded: true,
        ambiguousOk: inRun || (prev !== undefined && LOWER_OR_APOSTROPHE.test(prev)),
      });
      if (!seq) break;
      const closing = seq.end === i + 2 && PUNCTUATION.has(byteOf(text[i + 1]));
      if (closing && !inRun && prev !== undefined && UPPER.test(prev)) break;
      run.push({ start: i, end: seq.end, char: String.fromCodePoint(seq.cp) });
      i = seq.end;
    }
    if (run.length === 0) {
      i++;
      continue;
    }
    const decoded = decodeLayers(run.map((d) => d.char).join(''));
    if (!looksBroken(decoded, text, i)) edits.push(...split(run, decoded));
  }
  return edits;
}

/** One edit per smallest group of sequences that decodes on its own, so offsets stay fine-grained. */
function split(run: Decoded[], decoded: string): Edit[] {
  const edits: Edit[] = [];
  let from = 0;
  let at = 0;
  for (let k = 0; k < run.length; k++) {
    const part = decodeLayers(
      run
        .slice(from, k + 1)
        .map((d) => d.char)
        .join(''),
    );
    if (k < run.length - 1 && (!decoded.startsWith(part, at) || /[\u0080-\u009f]/.test(part))) continue;
    edits.push({
      start: run[from]!.start,
      end: run[k]!.end,
      text: k < run.length - 1 ? part : decoded.slice(at),
    });
    at += part.length;
    from = k + 1;
  }
  return edits;
}

export function repairMojibake(text: string): string {
  let out = '';
  let at = 0;
  for (const e of mojibakeEdits(text)) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
