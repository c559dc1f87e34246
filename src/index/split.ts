/**
 * Where the build cuts a file into chunks of at most `limit` bytes (src/index/limits.ts): at the
 * last allowed cut before the limit, so that what must stay whole does. docs.ndjson is cut
 * between documents and index.bin between sections (both then read without a copy, see
 * ./chunks.ts); index.json between two UTF-8 characters, so that each chunk decodes alone. A document larger than a chunk cannot be stored and fails
 * the build; a section larger than a chunk is cut inside, at an 8-byte boundary, and joined again
 * when it is loaded.
 */

export class ChunkLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChunkLimitError';
  }
}

export interface CutRule {
  /** Offsets where the file may be cut, ascending; absent: anywhere `snap` allows. */
  cuts?: ArrayLike<number>;
  /** Without `cuts`: moves a cut back to where the file may be cut (a character boundary). */
  snap?: (offset: number) => number;
  /** A unit between two cuts larger than a chunk: cut it inside (at multiples of 8) or fail with this message. */
  oversize: 'split' | ((start: number, end: number, limit: number) => string);
}

/** The [start, end) ranges of the chunks of a file of `size` bytes; one range when it fits. */
export function chunkRanges(size: number, limit: number, rule: CutRule): Array<[number, number]> {
  if (!(limit >= 8)) throw new RangeError(`a chunk must hold at least 8 bytes, not ${limit}`);
  if (size <= limit) return [[0, size]];
  const { cuts } = rule;
  const ranges: Array<[number, number]> = [];
  let start = 0;
  let next = 0;
  while (start < size) {
    if (size - start <= limit) {
      ranges.push([start, size]);
      break;
    }
    let end = start + limit;
    if (cuts) {
      // The last allowed cut within reach; the cut after it is where a unit too large ends.
      while (next < cuts.length && cuts[next]! <= start) next++;
      let best = -1;
      while (next < cuts.length && cuts[next]! <= start + limit) best = cuts[next++]!;
      if (best < 0) {
        const unitEnd = next < cuts.length ? cuts[next]! : size;
        if (rule.oversize !== 'split') throw new ChunkLimitError(rule.oversize(start, unitEnd, limit));
        end = start + limit - (limit % 8);
      } else end = best;
    } else if (rule.snap) {
      const snapped = rule.snap(end);
      if (snapped > start) end = snapped;
    }
    ranges.push([start, end]);
    start = end;
  }
  return ranges;
}

/** A cut moved back off UTF-8 continuation bytes: the chunk before it ends with a whole character. */
export function utf8Boundary(bytes: Uint8Array): (offset: number) => number {
  return (offset) => {
    let at = offset;
    while (at > offset - 4 && at > 0 && (bytes[at]! & 0xc0) === 0x80) at--;
    return at;
  };
}
