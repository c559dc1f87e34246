/** IndexSource over files held in memory: a freshly serialized index, without touching disk. */
import { type SerializedIndex, storedBytes } from './serialize.js';
import type { IndexSource } from './source.js';

export function memorySource(index: SerializedIndex): IndexSource {
  const files = new Map<string, Uint8Array>([
    ['manifest.json', new TextEncoder().encode(JSON.stringify(index.manifest))],
  ]);
  for (const { path, bytes } of storedBytes(index)) files.set(`${index.manifest.version}/${path}`, bytes);
  return { name: 'memory', read: async (path) => files.get(path) ?? null };
}
