/**
 * The files the read contract of the store's drivers (./contract.ts) expects to find: written into
 * public/ by the workerd global setup for the assets driver, seeded directly for the others.
 * Invented content: JSON, text with non-ASCII characters, every byte value, an empty file.
 */
const encoder = new TextEncoder();

/** The assets path (under public/) and the folder name the fixture lives under. */
export const CONTRACT_ROOT = 'test-store-contract';

export const CONTRACT_FILES: Record<string, Uint8Array> = {
  'manifest.json': encoder.encode('{"version":"v-c0ffee","note":"an invented pointer"}\n'),
  'v-c0ffee/index.bin': Uint8Array.from({ length: 512 }, (_, i) => (i * 7) % 256),
  'v-c0ffee/shard-1/docs.ndjson': encoder.encode('{"title":"Brückenbau über den Fluss – naïve café ☕"}\n'),
  'v-c0ffee/empty.json': new Uint8Array(0),
};
