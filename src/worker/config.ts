/**
 * The Worker's configuration: its variables and secrets (wrangler.toml's [vars], `wrangler secret
 * put`, .dev.vars) parsed and checked in one place, with every default here. Each middleware and
 * the index store take their part of the result; nothing else reads a variable from env.
 *
 * The runtime hands env to each request, and tests hand each request an env of their own
 * (`app.request(url, init, env)`), so the configuration is parsed per env object and kept for as
 * long as that object lives (a WeakMap), not once at module load. A bad value is an error naming
 * the variable and what it must be (the app answers 500 `config_invalid`), not a silent default.
 */
import { z } from 'zod';
import { normalizePrefix } from '../store/drivers/r2.js';
import { type IndexLocation, SOURCE_KINDS, type SourceKind } from '../store/location.js';
import type { Env } from './env.js';
import { LIMITS } from './schemas.js';

export interface Config {
  index: {
    /** INDEX_SOURCE: "assets" (default: the index deployed with the Worker) or "r2" (published). */
    source: SourceKind;
    /** Where the index is read: INDEX_PATH in the assets (default "/index") or INDEX_R2_PREFIX in R2. */
    location: IndexLocation;
    /** INDEX_R2_PREFIX without surrounding slashes (default "": the bucket's root); publishing writes there. */
    r2Prefix: string;
    /**
     * Seconds between two reads of the pointer: INDEX_REFRESH_SECONDS (default 30; 0: every
     * request) with R2; null with assets, which cannot change without a deploy (new isolates).
     */
    refreshSeconds: number | null;
    /** SHARD_TIMEOUT_MS: milliseconds to wait for each shard's answer (default 5000). */
    shardTimeoutMs: number;
  };
  /** Live updates (docs/live-updates.md). */
  live: {
    /** LIVE_SMALL_SEGMENT: articles in the small update segment at which the large one is rebuilt (default 64). */
    smallSegment: number;
    /** LIVE_COMPACT_PENDING: pending articles at which a compaction is due (default 1000). */
    compactPending: number;
    /** LIVE_COMPACT_AGE_SECONDS: age of the oldest pending update at which a compaction is due (default 86400). */
    compactAgeSeconds: number;
  };
  /** CORS_ORIGINS: "*" (default) or a comma-separated list of origins. */
  cors: { origins: '*' | string[] };
  /**
   * What 429 answers quote. The limit itself is the RATE_LIMITER binding's ([[ratelimits]] in
   * wrangler.toml, which a test keeps equal to LIMITS): a binding's settings cannot be read at run time.
   */
  rateLimit: { limit: number; period: number };
  /** API_KEY (a secret): when set, the index's routes need it. */
  apiKey: string | null;
  /** ADMIN_KEY (a secret): when set, the /admin/* routes exist and need it. */
  adminKey: string | null;
  /** The deployment's version id (CF_VERSION_METADATA), part of ETags. */
  deployId: string | null;
}

/** Hono's env type for the app: the bindings, and the configuration parsed from them. */
export type AppEnv = { Bindings: Env; Variables: { config: Config } };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Worker's configuration is invalid: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** CORS_ORIGINS as a list: entries trimmed, trailing slashes dropped; "*" when empty or when any entry is "*". */
export function allowedOrigins(setting: string | undefined): '*' | string[] {
  const list = (setting ?? '*')
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return list.length === 0 || list.includes('*') ? '*' : list;
}

/** What a browser sends as Origin: scheme, host and port, lower case, nothing else. */
function isOrigin(entry: string): boolean {
  try {
    return new URL(entry).origin === entry;
  } catch {
    return false;
  }
}

const shown = (value: unknown) => JSON.stringify(String(value));
/** A variable left empty is a variable not set. */
const unset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (name: string) =>
  z.preprocess(unset, z.string({ error: `${name} must be a string` }).optional());
const number = (name: string, rule: string, ok: (n: number) => boolean, fallback: number) =>
  z.preprocess(unset, z.unknown()).transform((raw, ctx) => {
    if (raw === undefined) return fallback;
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : Number.NaN;
    if (Number.isFinite(n) && ok(n)) return n;
    ctx.addIssue({ code: 'custom', message: `${name} must be ${rule}, not ${shown(raw)}` });
    return z.NEVER;
  });

const wholeAbove0 = (n: number) => Number.isInteger(n) && n > 0;

const schema = z.object({
  INDEX_SOURCE: z.preprocess(
    unset,
    z
      .string({ error: 'INDEX_SOURCE must be a string' })
      .transform((s) => s.trim().toLowerCase())
      .pipe(
        z.enum(SOURCE_KINDS, {
          error: (issue) => `INDEX_SOURCE must be "assets" or "r2", not ${shown(issue.input)}`,
        }),
      )
      .default('assets'),
  ),
  INDEX_PATH: z
    .string({ error: 'INDEX_PATH must be a string' })
    .refine((p) => p.startsWith('/'), {
      error: (issue) =>
        `INDEX_PATH must be a path inside the assets, starting with "/", not ${shown(issue.input)}`,
    })
    .default('/index'),
  INDEX_R2_PREFIX: text('INDEX_R2_PREFIX'),
  INDEX_REFRESH_SECONDS: number('INDEX_REFRESH_SECONDS', 'a number of seconds, 0 or more', (n) => n >= 0, 30),
  SHARD_TIMEOUT_MS: number('SHARD_TIMEOUT_MS', 'a number of milliseconds above 0', (n) => n > 0, 5000),
  LIVE_SMALL_SEGMENT: number('LIVE_SMALL_SEGMENT', 'a whole number of articles above 0', wholeAbove0, 64),
  LIVE_COMPACT_PENDING: number(
    'LIVE_COMPACT_PENDING',
    'a whole number of articles above 0',
    wholeAbove0,
    1000,
  ),
  LIVE_COMPACT_AGE_SECONDS: number(
    'LIVE_COMPACT_AGE_SECONDS',
    'a number of seconds above 0',
    (n) => n > 0,
    86400,
  ),
  CORS_ORIGINS: z
    .string({ error: 'CORS_ORIGINS must be a string' })
    .optional()
    .transform(allowedOrigins)
    .superRefine((origins, ctx) => {
      if (origins === '*') return;
      for (const origin of origins) {
        if (!isOrigin(origin)) {
          ctx.addIssue({
            code: 'custom',
            message: `CORS_ORIGINS must be "*" or origins such as https://news.example (lower case, no path), not ${shown(origin)}`,
          });
        }
      }
    }),
  // Secrets: checked for presence only, and never quoted in a message.
  API_KEY: text('API_KEY'),
  ADMIN_KEY: text('ADMIN_KEY'),
});

function parse(env: Partial<Env>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => i.message));
  const v = parsed.data;
  const r2Prefix = normalizePrefix(v.INDEX_R2_PREFIX);
  return {
    index: {
      source: v.INDEX_SOURCE,
      location:
        v.INDEX_SOURCE === 'r2' ? { kind: 'r2', root: r2Prefix } : { kind: 'assets', root: v.INDEX_PATH },
      r2Prefix,
      refreshSeconds: v.INDEX_SOURCE === 'r2' ? v.INDEX_REFRESH_SECONDS : null,
      shardTimeoutMs: v.SHARD_TIMEOUT_MS,
    },
    live: {
      smallSegment: v.LIVE_SMALL_SEGMENT,
      compactPending: v.LIVE_COMPACT_PENDING,
      compactAgeSeconds: v.LIVE_COMPACT_AGE_SECONDS,
    },
    cors: { origins: v.CORS_ORIGINS },
    rateLimit: { limit: LIMITS.rateLimitRequests, period: LIMITS.rateLimitPeriodSeconds },
    apiKey: v.API_KEY ?? null,
    adminKey: v.ADMIN_KEY ?? null,
    deployId: env.CF_VERSION_METADATA?.id ?? null,
  };
}

const parsedFor = new WeakMap<object, Config | ConfigError>();
/** For requests made without an env (`app.request(url)` in tests). */
const NO_ENV = {};

/** The configuration of this env, parsed on first use; throws ConfigError when a value is bad. */
export function configOf(env: Partial<Env> | undefined): Config {
  const key = env ?? NO_ENV;
  let config = parsedFor.get(key);
  if (config === undefined) {
    try {
      config = parse(key);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      console.error(err.message);
      config = err;
    }
    parsedFor.set(key, config);
  }
  if (config instanceof ConfigError) throw config;
  return config;
}
