import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/node/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            // Worker tests read the sample index built by the global setup, not whatever
            // index a developer last built into public/index.
            miniflare: {
              bindings: { INDEX_PATH: '/test-index' },
              ratelimits: {
                // Thousands of test requests come from one client: the real limit would stop them.
                RATE_LIMITER: { simple: { limit: 1_000_000_000, period: 60 } },
                // What the rate-limit tests put in front of an app, to see 429s from Miniflare itself.
                TEST_RATE_LIMITER: { simple: { limit: 3, period: 60 } },
              },
            },
          }),
        ],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          globalSetup: ['test/worker/global-setup.ts'],
        },
      },
      {
        test: {
          // Headless Chromium against `wrangler dev`: the widget as sites get it.
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
