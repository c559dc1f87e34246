/**
 * The memory driver: files in a Map, for tests of the store's protocols in Node and for tools
 * that publish and serve in one process. Behaves as the R2 driver does (test/store-contract.ts).
 */
import type { FileStat, IndexStorage } from '../storage.js';

const encoder = new TextEncoder();

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    parts.push(r.value);
    size += r.value.byteLength;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

export function memoryStorage(files: Record<string, Uint8Array> = {}, name = 'memory'): IndexStorage {
  const stored = new Map<string, { bytes: Uint8Array; written: Date }>();
  for (const [path, bytes] of Object.entries(files)) stored.set(path, { bytes, written: new Date() });
  const stat = (path: string): FileStat | null => {
    const file = stored.get(path);
    return file ? { bytes: file.bytes.byteLength, written: file.written } : null;
  };
  return {
    name,
    read: async (path) => stored.get(path)?.bytes.slice() ?? null,
    stat: async (path) => stat(path),
    async write(path, body, options = {}) {
      let bytes: Uint8Array;
      if (typeof body === 'string') bytes = encoder.encode(body);
      else if (body instanceof Uint8Array) bytes = body.slice();
      else {
        if (options.length === undefined) throw new TypeError(`write ${path}: a stream needs its length`);
        bytes = options.length > 0 ? await collect(body) : new Uint8Array(0);
        if (bytes.byteLength !== options.length)
          throw new Error(`write ${path}: the stream had ${bytes.byteLength} bytes, not ${options.length}`);
      }
      stored.set(path, { bytes, written: new Date() });
      return bytes.byteLength;
    },
    list: async (prefix) => [...stored.keys()].filter((p) => p.startsWith(prefix)).sort(),
    async folders() {
      const names = new Set<string>();
      for (const path of stored.keys()) {
        const slash = path.indexOf('/');
        if (slash > 0) names.add(path.slice(0, slash));
      }
      return [...names].sort();
    },
    async delete(paths) {
      for (const path of paths) stored.delete(path);
    },
  };
}
