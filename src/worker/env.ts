/** Bindings and variables of the Worker (see wrangler.toml). */
export interface Env {
  /** Static assets: the built index under /index/ and widget.js. */
  ASSETS: Fetcher;
  /** Comma-separated origins allowed by CORS, or "*". */
  CORS_ORIGINS?: string;
  /** Path of the index root inside the assets, default "/index". */
  INDEX_PATH?: string;
}

export type AppEnv = { Bindings: Env };
