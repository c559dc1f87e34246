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
