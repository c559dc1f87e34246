/**
 * The publishing history (`versions.json`): the versions published, oldest first, one entry per
 * version still stored, the last being the current one. It is written after the pointer, so it
 * may lag the pointer after an interrupted publish: `withCurrent` puts the pointer's version back
 * at its end.
 */
import type { IndexStorage } from './storage.js';
import { POINTER } from './versions.js';

export const HISTORY = 'versions.json';

export interface HistoryEntry {
  version: string;
  publishedAt: string;
}

/** The version the pointer names now, with when it was written; null when there is none. */
export interface Pointer {
  version: string;
  written: Date;
}

export async function readHistory(storage: IndexStorage): Promise<HistoryEntry[]> {
  const bytes = await storage.read(HISTORY);
  if (!bytes) return [];
  try {
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (e): e is HistoryEntry => typeof e?.version === 'string' && typeof e?.publishedAt === 'string',
    );
  } catch {
    console.error('store: versions.json is not JSON; starting a new history');
    return [];
  }
}

export async function writeHistory(storage: IndexStorage, history: HistoryEntry[]): Promise<void> {
  await storage.write(HISTORY, JSON.stringify(history, null, 2), { contentType: 'application/json' });
}

export async function readPointerVersion(storage: IndexStorage): Promise<Pointer | null> {
  const [bytes, stat] = await Promise.all([storage.read(POINTER), storage.stat(POINTER)]);
  if (!bytes || !stat) return null;
  try {
    const version = (JSON.parse(new TextDecoder().decode(bytes)) as { version?: unknown }).version;
    return typeof version === 'string' ? { version, written: stat.written } : null;
  } catch {
    return null;
  }
}

/** The history with the pointer's version as its last entry. */
export function withCurrent(history: HistoryEntry[], pointer: Pointer | null): HistoryEntry[] {
  if (!pointer || history.at(-1)?.version === pointer.version) return history;
  return [
    ...history.filter((e) => e.version !== pointer.version),
    { version: pointer.version, publishedAt: pointer.written.toISOString() },
  ];
}
