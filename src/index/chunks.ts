/**
 * A file read as the chunks it is stored in (one static asset or R2 object each), used where it
 * lies: a byte range inside one chunk is a view of that chunk, never a copy, so a loaded index
 * holds each file's bytes once, as it did when the file was one piece. The writer cuts files
 * where nothing straddles a boundary (docs.ndjson between documents, index.bin between
 * sections: src/index/split.ts); a range that straddles anyway (a section larger than a chunk)
 * is copied into one buffer.
 */
export class ChunkedBytes {
  /** Byte offset of each chunk in the whole file, and the file's size last. */
  private readonly starts: number[];

  constructor(private readonly parts: Uint8Array[]) {
    this.starts = [0];
    for (const part of parts) this.starts.push(this.starts.at(-1)! + part.byteLength);
  }

  get byteLength(): number {
    return this.starts.at(-1)!;
  }

  get chunkCount(): number {
    return this.parts.length;
  }

  /** The chunk holding byte `offset` (the last chunk for the file's end). */
  private chunkAt(offset: number): number {
    let lo = 0;
    let hi = this.parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Bytes [start, end) of the file: a view when they lie in one chunk, else a copy. */
  range(start: number, end: number): Uint8Array {
    if (!(start >= 0 && start <= end && end <= this.byteLength))
      throw new RangeError(`bytes ${start}..${end} lie outside the file (${this.byteLength} bytes)`);
    if (this.parts.length === 0) return new Uint8Array(0);
    const c = this.chunkAt(start);
    const base = this.starts[c]!;
    if (end <= this.starts[c + 1]!) return this.parts[c]!.subarray(start - base, end - base);
    const out = new Uint8Array(end - start);
    for (let i = c, at = 0; at < out.length; i++) {
      const from = Math.max(start, this.starts[i]!) - this.starts[i]!;
      const to = Math.min(end, this.starts[i + 1]!) - this.starts[i]!;
      out.set(this.parts[i]!.subarray(from, to), at);
      at += to - from;
    }
    return out;
  }

  /**
   * The whole file as text, decoded chunk by chunk. The writer cuts text between characters, so
   * each chunk decodes alone (streaming decoding, which a character split across chunks needs,
   * is several times slower, and is used only then).
   */
  text(): string {
    const decoder = new TextDecoder();
    let out = '';
    for (const part of this.parts) out += decoder.decode(part, { stream: !endsWhole(part) });
    return out + decoder.decode();
  }
}

/** Whether bytes end with a whole UTF-8 character (or are empty). */
function endsWhole(bytes: Uint8Array): boolean {
  let i = bytes.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 4 && (bytes[i]! & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return continuation === 0;
  const lead = bytes[i]!;
  const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return continuation === length - 1;
}
