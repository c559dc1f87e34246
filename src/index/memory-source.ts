/** IndexSource over files held in memory: a freshly serialized index, without touching disk. */
import type { SerializedIndex } from './serialize.js';
import type { IndexSource } from './source.js';

export function memorySource(index: SerializedIndex): IndexSource {
  const files = new Map<string, Uint8Array>([
    ['manifest.json', new TextEncoder().encode(JSON.stringify(index.manifest))],
  ]);
  for (const [name, bytes] of Object.entries(index.files)) {
    files.set(`${index.manifest.version}/${index.manifest.files[name]!.path}`, bytes);
  }
  return { name: 'memory', read: async (path) => files.get(path) ?? null };
}
