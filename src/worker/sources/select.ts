/**
 * Which storage the Worker reads its index from: INDEX_SOURCE = "assets" (the default: the
 * index bundled with the deploy under INDEX_PATH) or "r2" (the INDEX_BUCKET binding, where
 * `npm run publish-index` publishes without a redeploy, under INDEX_R2_PREFIX).
 */
import { IndexUnavailableError } from '../../index/load.js';
import type { IndexSource } from '../../index/source.js';
import type { Env } from '../env.js';
import { assetsSource } from './assets.js';
import { r2Source } from './r2.js';

/** How often an R2-backed index re-reads its pointer, when INDEX_REFRESH_SECONDS is not set. */
export const DEFAULT_REFRESH_SECONDS = 30;

export function sourceKind(env: Env): 'assets' | 'r2' {
  const kind = (env.INDEX_SOURCE ?? 'assets').trim().toLowerCase() || 'assets';
  if (kind !== 'assets' && kind !== 'r2') {
    throw new IndexUnavailableError(
      'index_missing',
      `INDEX_SOURCE must be "assets" or "r2", not "${env.INDEX_SOURCE}"`,
    );
  }
  return kind;
}

/** Where an index lives: the storage and, inside it, the assets path or the R2 key prefix. */
export interface IndexLocation {
  kind: 'assets' | 'r2';
  root: string;
}

export function indexLocation(env: Env): IndexLocation {
  const kind = sourceKind(env);
  return { kind, root: kind === 'r2' ? (env.INDEX_R2_PREFIX ?? '') : (env.INDEX_PATH ?? '/index') };
}

/** The source at a location, with this env's bindings (the Worker's, or a shard object's). */
export function sourceAt(env: Env, where: IndexLocation): IndexSource {
  if (where.kind === 'assets') return assetsSource(env.ASSETS, where.root);
  if (!env.INDEX_BUCKET) {
    throw new IndexUnavailableError(
      'index_missing',
      'INDEX_SOURCE is "r2" but the Worker has no INDEX_BUCKET binding',
    );
  }
  return r2Source(env.INDEX_BUCKET, where.root);
}

export function selectSource(env: Env): IndexSource {
  return sourceAt(env, indexLocation(env));
}

/**
 * Seconds between two reads of the pointer, or null for never: a bundled (assets) index cannot
 * change without a deploy, which starts new isolates anyway. 0 checks on every request.
 */
export function refreshSeconds(env: Env): number | null {
  if (env.INDEX_SOURCE?.trim().toLowerCase() !== 'r2') return null;
  const raw = env.INDEX_REFRESH_SECONDS;
  if (raw === undefined || raw === '') return DEFAULT_REFRESH_SECONDS;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : DEFAULT_REFRESH_SECONDS;
}
