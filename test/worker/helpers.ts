/**
 * How the worker tests reach the Worker: every answer they receive passes through `checked`,
 * which validates it against the OpenAPI document the Worker serves (test/contract/contract.ts)
 * and fails the test when the two disagree. Tests call `fetchWorker` (the deployed entry, as
 * SELF) or `contractApp(createApp(...)).request(...)` (an app with its own env); an import-graph
 * test keeps them from calling SELF.fetch or app.request directly.
 */
import { env, SELF } from 'cloudflare:test';
import type { Hono } from 'hono';
// biome-ignore lint/correctness/useImportExtensions: a ?raw import names the file as it is
import sampleText from '../../index-data/articles/sample.ndjson?raw';
import { type AppOptions, createApp } from '../../src/worker/app.js';
import { Contract, type ContractOptions } from '../contract/contract.js';

export const BASE = 'http://search.test';

/** Paths the Worker serves outside the API document. */
export const UNDOCUMENTED = [/^\/$/, /^\/widget(?:-client)?(?:\.[0-9a-f]{8,64})?\.js$/, /^\/admin\//];

let contract: Promise<Contract> | null = null;

/** The document as the Worker serves it, fetched once. */
export function servedContract(): Promise<Contract> {
  contract ??= SELF.fetch(`${BASE}/openapi.json`)
    .then((res) => res.json())
    .then((doc) => new Contract(doc as Record<string, any>, { undocumented: UNDOCUMENTED }));
  return contract;
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  return Object.fromEntries(new Headers(init?.headers).entries());
}

/** Validates one answer against the served document; throws (failing the test) on a disagreement. */
export async function checked(
  url: string,
  init: RequestInit | undefined,
  res: Response,
  options: ContractOptions = {},
): Promise<Response> {
  const base = await servedContract();
  const c = options.undocumented
    ? new Contract(base.doc, { undocumented: [...UNDOCUMENTED, ...options.undocumented] })
    : base;
  const text = await res.clone().text();
  const problems = c.check({
    method: init?.method ?? 'GET',
    url,
    requestHeaders: headersOf(init),
    status: res.status,
    headers: res.headers,
    text,
  });
  if (problems.length > 0) {
    throw new Error(
      `${init?.method ?? 'GET'} ${url} → ${res.status} breaks the OpenAPI document:\n  ${problems.join('\n  ')}\n${text.slice(0, 300)}`,
    );
  }
  return res;
}

/** SELF.fetch, its answer validated against the document. */
export async function fetchWorker(url: string, init?: RequestInit): Promise<Response> {
  return checked(url, init, await SELF.fetch(url, init));
}

/** An app whose answers are validated against the document, as fetchWorker's are. */
export function contractApp(app: Hono<any, any, any>, options: ContractOptions = {}) {
  return {
    app,
    async request(url: string, init?: RequestInit, env?: unknown): Promise<Response> {
      return checked(url, init, await app.request(url, init, env as never), options);
    },
  };
}

export async function get(
  path: string,
  init?: RequestInit,
): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetchWorker(`${BASE}${path}`, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${path} answered ${res.status} with non-JSON: ${text.slice(0, 200)}`);
  }
  return { status: res.status, body, headers: res.headers };
}

/** The sample articles as written in index-data, parsed here independently of the build. */
export const sample: Array<Record<string, any>> = sampleText
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l));

/** createApp(options), its answers validated against the document. */
export function checkedApp(options?: AppOptions) {
  return contractApp(createApp(options));
}

/** A file the global setup built into the assets (test/worker/global-setup.ts); missing fails the test. */
export async function asset(path: string): Promise<Response> {
  const res = await env.ASSETS.fetch(`https://assets.local/${path}`);
  if (!res.ok) throw new Error(`assets ${path}: ${res.status}`);
  return res;
}

export type AdminAnswer = { status: number; headers: Headers; body: any };

/**
 * An app of its own (its own index holder) over R2 under a fresh key prefix, with ADMIN_KEY =
 * `key`: what the admin-route tests drive. `call` sends the key as a bearer token (`null`: none);
 * `sendJson` sends a JSON body with its declared length, as the admin clients do.
 */
export function adminSite(options: {
  key: string;
  label: string;
  overrides?: Record<string, unknown>;
  wrap?: (bucket: R2Bucket, prefix: string) => R2Bucket;
}) {
  const { key: adminKey, overrides = {}, wrap } = options;
  const prefix = `${options.label}-${crypto.randomUUID()}`;
  const app = checkedApp();
  const bindings = {
    ...env,
    INDEX_SOURCE: 'r2',
    INDEX_BUCKET: wrap ? wrap(env.INDEX_BUCKET, prefix) : env.INDEX_BUCKET,
    INDEX_R2_PREFIX: prefix,
    INDEX_REFRESH_SECONDS: '0',
    ADMIN_KEY: adminKey,
    ...overrides,
  };
  const call = async (
    path: string,
    init: RequestInit = {},
    key: string | null = adminKey,
  ): Promise<AdminAnswer> => {
    const headers = new Headers(init.headers);
    if (key !== null) headers.set('Authorization', `Bearer ${key}`);
    const res = await app.request(`${BASE}${path}`, { ...init, headers }, bindings);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  };
  const sendJson = (method: string, path: string, body: unknown, key: string | null = adminKey) => {
    const bytes = new TextEncoder().encode(JSON.stringify(body));
    return call(
      path,
      {
        method,
        body: bytes,
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(bytes.byteLength) },
      },
      key,
    );
  };
  return { prefix, call, sendJson };
}
