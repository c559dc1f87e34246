/**
 * The platform's limits on what an index version may store, in one place: the build cuts every
 * file to fit them (src/index/split.ts), and the checks before `npm start` and `npm run deploy`
 * (scripts/check-assets.ts) hold public/ to them.
 */

/** Workers static assets: the largest file one asset may be (wrangler refuses to start or deploy with a larger one). */
export const ASSET_LIMIT_BYTES = 25 * 1024 * 1024;

/**
 * The largest file the build writes. Under the asset limit with room to spare: the limit
 * counts bytes on disk exactly, but a chunk is also one allocation in the isolate that reads
 * it and one R2 upload, and smaller pieces cost nothing more to serve.
 */
export const CHUNK_BYTES = 20 * 1024 * 1024;

/** Workers static assets: the most files one Worker version may have (the Free plan's figure; wrangler checks it at deploy). */
export const ASSET_COUNT_LIMIT = 20_000;

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
