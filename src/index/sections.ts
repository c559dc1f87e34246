/**
 * One binary file holding named typed arrays, so that a loaded index is views over one buffer
 * instead of millions of parsed JS objects: the buffer lives off the JS heap and costs nothing
 * to "parse". Sections are 8-byte aligned so every view can be created without copying; in a
 * chunked index.bin no section straddles two chunks (src/index/split.ts), so that holds there too.
 */
import { ChunkedBytes } from './chunks.js';

export type SectionType = 'u8' | 'u32' | 'i32' | 'f64';
export type SectionArray = Uint8Array | Uint32Array | Int32Array | Float64Array;
/** [byte offset, element count, element type] per section, kept in the JSON header. */
export type SectionTable = Record<string, [offset: number, length: number, type: SectionType]>;

const CTOR = { u8: Uint8Array, u32: Uint32Array, i32: Int32Array, f64: Float64Array } as const;

function typeOf(a: SectionArray): SectionType {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Int32Array) return 'i32';
  return 'f64';
}

export function packSections(sections: Record<string, SectionArray>): {
  bytes: Uint8Array;
  table: SectionTable;
} {
  const table: SectionTable = {};
  let size = 0;
  for (const [name, a] of Object.entries(sections)) {
    table[name] = [size, a.length, typeOf(a)];
    size += Math.ceil(a.byteLength / 8) * 8;
  }
  const bytes = new Uint8Array(size);
  for (const [name, a] of Object.entries(sections)) {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), table[name]![0]);
  }
  return { bytes, table };
}

export class Sections {
  private readonly data: ChunkedBytes;

  constructor(
    bytes: Uint8Array | ChunkedBytes,
    private readonly table: SectionTable,
  ) {
    this.data = bytes instanceof ChunkedBytes ? bytes : new ChunkedBytes([bytes]);
  }

  has(name: string): boolean {
    return name in this.table;
  }

  get<T extends SectionType>(name: string, type: T): InstanceType<(typeof CTOR)[T]> {
    const entry = this.table[name];
    if (!entry) throw new Error(`index.bin has no section "${name}"`);
    const [offset, length, stored] = entry;
    if (stored !== type) throw new Error(`index.bin section "${name}" is ${stored}, expected ${type}`);
    const ctor = CTOR[type];
    const end = offset + length * ctor.BYTES_PER_ELEMENT;
    if (offset % 8 !== 0 || end > this.data.byteLength) {
      throw new Error(`index.bin section "${name}" lies outside the file`);
    }
    let bytes = this.data.range(offset, end);
    // Views need aligned offsets: a misaligned slice (a pooled Node buffer) is copied once.
    if (bytes.byteOffset % ctor.BYTES_PER_ELEMENT !== 0) bytes = bytes.slice();
    return new ctor(bytes.buffer as ArrayBuffer, bytes.byteOffset, length) as InstanceType<(typeof CTOR)[T]>;
  }
}
