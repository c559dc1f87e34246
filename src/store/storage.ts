/**
 * What the index store asks of a storage. Each storage is a driver in ./drivers/, one per file
 * (Workers static assets, R2, the local file system, memory), and every driver is held to the
 * same contract test (test/store-contract.ts), run in workerd for assets and R2 and in Node for
 * the others. Reading is `IndexSource` (src/index/source.ts), all the loader needs; publishing
 * needs a storage that can also be written, listed and pruned.
 *
 * Paths are relative to the driver's root (an assets path, an R2 key prefix, a folder), with "/"
 * between segments: `manifest.json` is the pointer, `<version>/…` a version's files.
 */
import type { IndexSource } from '../index/source.js';

export interface FileStat {
  bytes: number;
  /** When the file was last written. */
  written: Date;
}

export type WriteBody = Uint8Array | string | ReadableStream<Uint8Array>;

export interface WriteOptions {
  /** A stream body's length, which it must have exactly: the write fails otherwise (and needs it). */
  length?: number;
  /** Stored with the file where the storage keeps one (R2's httpMetadata). */
  contentType?: string;
}

export interface IndexStorage extends IndexSource {
  /** Size and time of a file, without reading it; null when it does not exist. */
  stat(path: string): Promise<FileStat | null>;
  /** Stores a file whole, replacing any file of that path; resolves to the bytes stored. */
  write(path: string, body: WriteBody, options?: WriteOptions): Promise<number>;
  /** Every file under a folder (`"v-1/"`; `""` for all), at any depth, sorted. */
  list(prefix: string): Promise<string[]>;
  /** The names of the folders directly under the root, sorted. */
  folders(): Promise<string[]>;
  /** Deletes these files; paths that do not exist are ignored. */
  delete(paths: string[]): Promise<void>;
}
