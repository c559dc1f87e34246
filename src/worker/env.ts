/** Bindings and variables of the Worker (see wrangler.toml). */
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
}

export type AppEnv = { Bindings: Env };
