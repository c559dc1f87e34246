/**
 * Checks a file's bytes before a reader sees its text. Decoding with replacement would turn
 * invalid UTF-8 into U+FFFD silently and index garbage; an oversized record would blow the
 * Worker's asset size limit and the extraction's time. Both become bad records instead.
 */

/** One record (an NDJSON line, or a whole Markdown/HTML/text file) may hold at most this. */
export const MAX_RECORD_BYTES = 2 * 1024 * 1024;

export interface DecodedFile {
  /** The text, invalid sequences replaced: readers still see every line, so numbering holds. */
  text: string;
  /** 1-based line → why the record starting there is bad. */
  badLines: Map<number, string>;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Line by line: which lines are too long or not UTF-8. */
export function decodeLines(buf: Uint8Array, maxLineBytes = MAX_RECORD_BYTES): DecodedFile {
  const badLines = new Map<number, string>();
  // Decoded once: the text of a valid file is this decoding.
  let decoded: string | null = null;
  try {
    decoded = strict.decode(buf);
  } catch {
    // Some line is not UTF-8: found below.
  }
  const valid = decoded !== null;
  let start = 0;
  for (let line = 1; start <= buf.length; line++) {
    let end = buf.indexOf(0x0a, start);
    if (end < 0) end = buf.length;
    const bytes = end - start;
    if (bytes > maxLineBytes)
      badLines.set(line, `record too large (${mb(bytes)}, at most ${mb(maxLineBytes)})`);
    else if (!valid) {
      try {
        strict.decode(buf.subarray(start, end));
      } catch {
        badLines.set(line, 'invalid UTF-8');
      }
    }
    start = end + 1;
  }
  return { text: decoded ?? lenient.decode(buf), badLines };
}

/** A file that is one record (or a JSON document): bad as a whole, reported at its first bad line. */
export function decodeWhole(buf: Uint8Array, maxBytes: number | null): DecodedFile {
  const badLines = new Map<number, string>();
  if (maxBytes !== null && buf.length > maxBytes) {
    badLines.set(1, `record too large (${mb(buf.length)}, at most ${mb(maxBytes)})`);
    return { text: '', badLines };
  }
  try {
    return { text: strict.decode(buf), badLines };
  } catch {
    const first = [...decodeLines(buf, Infinity).badLines.keys()][0] ?? 1;
    badLines.set(first, 'invalid UTF-8 (file skipped)');
    return { text: '', badLines };
  }
}
