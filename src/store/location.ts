/**
 * Where an index lives: the static assets deployed with the Worker (under a path) or an R2 bucket
 * (under a key prefix), and the driver that reads it there with a given set of bindings: the
 * Worker's, or a shard object's, which reaches the same storage through its own.
 */
import { IndexUnavailableError } from '../index/load.js';
import type { IndexSource } from '../index/source.js';
import { assetsSource } from './drivers/assets.js';
import { r2Storage } from './drivers/r2.js';

export const SOURCE_KINDS = ['assets', 'r2'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface IndexLocation {
  kind: SourceKind;
  /** The assets path ("/index") or the R2 key prefix ("" for the bucket's root). */
  root: string;
}

export interface StorageBindings {
  ASSETS: Fetcher;
  INDEX_BUCKET?: R2Bucket;
}

export function sourceAt(bindings: StorageBindings, where: IndexLocation): IndexSource {
  if (where.kind === 'assets') return assetsSource(bindings.ASSETS, where.root);
  if (!bindings.INDEX_BUCKET) {
    throw new IndexUnavailableError(
      'index_missing',
      'INDEX_SOURCE is "r2" but the Worker has no INDEX_BUCKET binding',
    );
  }
  return r2Storage(bindings.INDEX_BUCKET, where.root);
}
