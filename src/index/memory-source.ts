/** IndexSource over files held in memory: a freshly serialized index, without touching disk. */
import type { SerializedIndex } from './serialize.js';
import type { IndexSource } from './source.js';

export function memorySource(index: SerializedIndex): IndexSource {
  const files = new Map<string, string>([['manifest.json', JSON.stringify(index.manifest)]]);
  for (const [name, text] of Object.entries(index.files)) {
    files.set(`${index.manifest.version}/${index.manifest.files[name as keyof typeof index.files].path}`, text);
  }
  return { name: 'memory', read: async (path) => files.get(path) ?? null };
}
