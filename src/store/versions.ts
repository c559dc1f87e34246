/**
 * Reading versions: the pointer (`manifest.json`, which names the version being served), a
 * version's own manifest, and a version or one shard of it loaded. Every load goes through here,
 * so every reader accepts the same formats (format 1 through its upgrade, src/index/format1.ts).
 */
import { upgradeFormat1 } from '../index/format1.js';
import {
  IndexUnavailableError,
  type LoadedIndex,
  type LoadOptions,
  loadIndex,
  readManifest,
} from '../index/load.js';
import { type Manifest, manifestSchema } from '../index/manifest.js';
import { type IndexSource, readText } from '../index/source.js';

export const POINTER = 'manifest.json';

/** Where publishing keeps a copy of a version's manifest, beside its files (what rollback restores). */
export function manifestCopy(version: string): string {
  return `${version}/manifest.json`;
}

export function loadVersion(
  source: IndexSource,
  options: Omit<LoadOptions, 'upgrade'> = {},
): Promise<LoadedIndex> {
  return loadIndex(source, { ...options, upgrade: upgradeFormat1 });
}

/** The source with its pointer fixed to bytes already read: a load then reads the version that was checked. */
export function pinned(source: IndexSource, pointer: Uint8Array): IndexSource {
  return {
    name: source.name,
    read: (path) => (path === POINTER ? Promise.resolve(pointer) : source.read(path)),
  };
}

/** Reads the pointer once: the version it names, and the source pinned to it. */
export async function readPointer(source: IndexSource): Promise<{ manifest: Manifest; source: IndexSource }> {
  const bytes = await source.read(POINTER);
  if (bytes === null) throw new IndexUnavailableError('index_missing', `no manifest.json at ${source.name}`);
  const at = pinned(source, bytes);
  return { manifest: await readManifest(at), source: at };
}

/** The manifest of `version`: the pointer's, or the copy a publish keeps beside the version's files. */
export async function manifestOf(source: IndexSource, version: string): Promise<Manifest> {
  const current = await readManifest(source);
  if (current.version === version) return current;
  const copy = await readText(source, manifestCopy(version));
  if (copy === null) throw new Error(`version ${version} is no longer published`);
  return manifestSchema.parse(JSON.parse(copy));
}

/** One shard of a version, as a shard server loads it. */
export async function loadShard(source: IndexSource, version: string, shard: number): Promise<LoadedIndex> {
  return loadVersion(source, { manifest: await manifestOf(source, version), shard });
}
