declare module '*?raw' {
  const text: string;
  export default text;
}

declare namespace Cloudflare {
  interface Env {
    ASSETS: Fetcher;
    INDEX_PATH?: string;
    CORS_ORIGINS?: string;
  }
}

declare namespace Cloudflare {
  interface Env {
    RATE_LIMITER?: RateLimit;
    TEST_RATE_LIMITER: RateLimit;
    API_KEY?: string;
  }
}

// Publishing (test/worker/publish.test.ts): the local R2 bucket of wrangler.toml's [[r2_buckets]].
declare namespace Cloudflare {
  interface Env {
    INDEX_BUCKET: R2Bucket;
    INDEX_SOURCE?: string;
    ADMIN_KEY?: string;
  }
}
