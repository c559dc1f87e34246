/** Bindings and variables of the Worker (see wrangler.toml). */
import type { ShardServer } from './shard-server.js';

export interface Env {
  /** Static assets: the built index under /index/ and widget.js. */
  ASSETS: Fetcher;
  /** Comma-separated origins allowed by CORS, or "*". */
  CORS_ORIGINS?: string;
  /** Path of the index root inside the assets, default "/index". */
  INDEX_PATH?: string;
  /** Per-client rate limiting ([[ratelimits]] in wrangler.toml); none means unlimited. */
  RATE_LIMITER?: RateLimit;
  /**
   * A secret (`wrangler secret put API_KEY`, `.dev.vars` locally): when set, the index is
   * private and its routes need `Authorization: Bearer <key>` or `?key=<key>`.
   */
  API_KEY?: string;
  /** The deployed Worker version: part of ETags, so that a new deploy invalidates them. */
  CF_VERSION_METADATA?: WorkerVersionMetadata;

  // --- Publishing without a redeploy (src/worker/sources/select.ts, routes/admin.ts;
  // docs/sharding-and-publishing.md) ---
  /** Where the index is read from: "assets" (default, the deploy's bundled index) or "r2". */
  INDEX_SOURCE?: string;
  /** The bucket `npm run publish-index` publishes to ([[r2_buckets]] in wrangler.toml). */
  INDEX_BUCKET?: R2Bucket;
  /** Key prefix of the index inside INDEX_BUCKET; default: the bucket's root. */
  INDEX_R2_PREFIX?: string;
  /** With INDEX_SOURCE = "r2": seconds between reads of the pointer (default 30; 0: every request). */
  INDEX_REFRESH_SECONDS?: string | number;
  /** A secret: when set, the /admin/index/* routes exist and need `Authorization: Bearer <key>`. */
  ADMIN_KEY?: string;

  // --- Sharded indexes (src/worker/shard-server.ts) ---
  /** The shard-serving Durable Objects; needed only for a sharded index. */
  SHARDS?: DurableObjectNamespace<ShardServer>;
  /** Milliseconds to wait for each shard's answer (default 5000). */
  SHARD_TIMEOUT_MS?: string | number;
}

export type AppEnv = { Bindings: Env };
