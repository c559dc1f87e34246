/**
 * Bindings, variables and secrets of the Worker (see wrangler.toml), as the runtime hands them
 * over. Variables and secrets are read once, through ./config.ts, never from here directly.
 */
import type { LiveWriterRpc } from './live/rpc.js';
import type { ShardRpc } from './shards/rpc.js';

export interface Env {
  // --- Bindings ---
  /** Static assets: the built index under /index/ and widget.js. */
  ASSETS: Fetcher;
  /** Per-client rate limiting ([[ratelimits]] in wrangler.toml); none means unlimited. */
  RATE_LIMITER?: RateLimit;
  /** The deployed Worker version: part of ETags, so that a new deploy invalidates them. */
  CF_VERSION_METADATA?: WorkerVersionMetadata;
  /** The bucket `npm run publish-index` publishes to ([[r2_buckets]] in wrangler.toml). */
  INDEX_BUCKET?: R2Bucket;
  /**
   * The shard-serving Durable Objects of this script; needed only for a sharded index served
   * without shard scripts. With them, SHARD_0, SHARD_1, … bind the class of each shard script
   * (`script_name`, written by scripts/lib/shard-scripts.ts; read by ./shards/clients.ts).
   */
  SHARDS?: DurableObjectNamespace<ShardRpc>;
  /** The writer of live updates (PUT/DELETE /admin/articles/:id): one object per index location. */
  LIVE?: DurableObjectNamespace<LiveWriterRpc>;

  // --- Variables ([vars]) and secrets: parsed and checked by ./config.ts ---
  CORS_ORIGINS?: string;
  INDEX_PATH?: string;
  INDEX_SOURCE?: string;
  INDEX_R2_PREFIX?: string;
  INDEX_REFRESH_SECONDS?: string | number;
  SHARD_TIMEOUT_MS?: string | number;
  LIVE_SMALL_SEGMENT?: string | number;
  LIVE_COMPACT_PENDING?: string | number;
  LIVE_COMPACT_AGE_SECONDS?: string | number;
  API_KEY?: string;
  ADMIN_KEY?: string;
}
