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
