/** The Worker's configuration parsed from env: defaults, wrangler.toml's values, clear errors, one parse per env. */
import { readFileSync } from 'node:fs';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it, vi } from 'vitest';
import { ConfigError, configOf } from '../../src/worker/config.js';
import type { Env } from '../../src/worker/env.js';

const root = new URL('../../', import.meta.url).pathname;

function problemsOf(env: Record<string, unknown>): string[] {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    configOf(env as Partial<Env>);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  } finally {
    vi.restoreAllMocks();
  }
  return [];
}

describe('configOf', () => {
  it('has a default for everything', () => {
    expect(configOf({})).toEqual({
      index: {
        source: 'assets',
        location: { kind: 'assets', root: '/index' },
        r2Prefix: '',
        refreshSeconds: null,
        shardTimeoutMs: 5000,
      },
      live: { smallSegment: 64, compactPending: 1000, compactAgeSeconds: 86400 },
      cors: { origins: '*' },
      rateLimit: { limit: 300, period: 10 },
      apiKey: null,
      adminKey: null,
      deployId: null,
    });
    // A request made without any env gets the same defaults.
    expect(configOf(undefined)).toEqual(configOf({}));
  });

  it('reads the values wrangler.toml sets', () => {
    const toml = parseToml(readFileSync(`${root}wrangler.toml`, 'utf8')) as { vars: Record<string, string> };
    expect(configOf(toml.vars)).toMatchObject({
      index: { source: 'assets', location: { kind: 'assets', root: '/index' }, refreshSeconds: null },
      cors: { origins: '*' },
    });
  });

  it('reads R2, origins, keys and the deployment', () => {
    const config = configOf({
      INDEX_SOURCE: ' R2 ',
      INDEX_R2_PREFIX: '/site-a/',
      INDEX_REFRESH_SECONDS: '0',
      SHARD_TIMEOUT_MS: 2500,
      CORS_ORIGINS: 'https://news.example, https://other.example/',
      API_KEY: 'k1',
      ADMIN_KEY: 'k2',
      CF_VERSION_METADATA: { id: 'deploy-1', tag: '', timestamp: '' },
    });
    expect(config).toMatchObject({
      index: {
        source: 'r2',
        location: { kind: 'r2', root: 'site-a' },
        r2Prefix: 'site-a',
        refreshSeconds: 0,
        shardTimeoutMs: 2500,
      },
      cors: { origins: ['https://news.example', 'https://other.example'] },
      apiKey: 'k1',
      adminKey: 'k2',
      deployId: 'deploy-1',
    });
    expect(configOf({ LIVE_SMALL_SEGMENT: '16', LIVE_COMPACT_PENDING: 300 }).live).toEqual({
      smallSegment: 16,
      compactPending: 300,
      compactAgeSeconds: 86400,
    });
    // A variable left empty is one not set.
    expect(configOf({ INDEX_SOURCE: 'r2', INDEX_REFRESH_SECONDS: '', API_KEY: '' })).toMatchObject({
      index: { refreshSeconds: 30 },
      apiKey: null,
    });
  });

  it('names every bad value and what it must be, never quoting a secret', () => {
    expect(problemsOf({ INDEX_SOURCE: 's3' })).toEqual(['INDEX_SOURCE must be "assets" or "r2", not "s3"']);
    expect(problemsOf({ INDEX_REFRESH_SECONDS: 'soon', SHARD_TIMEOUT_MS: '-5' })).toEqual([
      'INDEX_REFRESH_SECONDS must be a number of seconds, 0 or more, not "soon"',
      'SHARD_TIMEOUT_MS must be a number of milliseconds above 0, not "-5"',
    ]);
    expect(problemsOf({ SHARD_TIMEOUT_MS: '0' })).toHaveLength(1);
    expect(
      problemsOf({ LIVE_SMALL_SEGMENT: '2.5', LIVE_COMPACT_PENDING: '0', LIVE_COMPACT_AGE_SECONDS: 'daily' }),
    ).toEqual([
      'LIVE_SMALL_SEGMENT must be a whole number of articles above 0, not "2.5"',
      'LIVE_COMPACT_PENDING must be a whole number of articles above 0, not "0"',
      'LIVE_COMPACT_AGE_SECONDS must be a number of seconds above 0, not "daily"',
    ]);
    expect(problemsOf({ INDEX_PATH: 'index' })[0]).toMatch(
      /^INDEX_PATH must be a path .* starting with "\/"/,
    );
    expect(
      problemsOf({ CORS_ORIGINS: 'https://news.example, news.example, https://a.example/path' }),
    ).toEqual([
      expect.stringContaining('not "news.example"'),
      expect.stringContaining('not "https://a.example/path"'),
    ]);
    expect(problemsOf({ CORS_ORIGINS: 'https://News.example' })).toHaveLength(1);
    // Secrets are only checked for presence: any string is a key.
    expect(problemsOf({ API_KEY: ' a key with spaces ', ADMIN_KEY: 'x' })).toEqual([]);
  });

  it('parses an env object once, and each new one again', () => {
    const env = { CORS_ORIGINS: 'https://news.example' };
    expect(configOf(env)).toBe(configOf(env));
    expect(configOf({ ...env })).not.toBe(configOf(env));
    expect(configOf({ ...env })).toEqual(configOf(env));
    const bad = { INDEX_SOURCE: 'ftp' };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => configOf(bad)).toThrow(ConfigError);
    expect(() => configOf(bad)).toThrow(ConfigError);
    // Logged once, when first parsed.
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });
});
