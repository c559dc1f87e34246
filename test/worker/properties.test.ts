/**
 * The fuzz run in workerd: requests generated from the OpenAPI document the Worker serves
 * (test/contract/requests.ts), sent through SELF, each answer checked against that document with
 * its conditional twin (test/contract/fuzz.ts). The bulk of the generated requests runs in Node
 * (test/node/fuzz.test.ts), where the CPU time of each is bounded; this run proves the same of
 * the real runtime, with the bindings of the test config (the assets' index, the rate limiter).
 *
 * Requests go to the app in this isolate (createApp, as the Worker's entry builds it), not through
 * SELF: each SELF.fetch of the test harness costs more than the one before (a few ms at first,
 * tens of ms after a few hundred: cloudflare/workers-sdk#15446), which had made the routes asked
 * last (/facets) look slow. The Worker itself answers each in about a millisecond.
 */
import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/worker/app.js';
import { boundaryRequests } from '../contract/boundaries.js';
import { type Answer, FuzzTally, fuzzStep } from '../contract/fuzz.js';
import { type GeneratedRequest, requestsFrom } from '../contract/requests.js';
import { BASE, servedContract } from './helpers.js';

const RUNS = 1500;
const SEED = 20_260_517;

describe('requests generated from the served OpenAPI document', () => {
  it('are answered as documented, in workerd', async () => {
    const contract = await servedContract();
    const app = createApp();
    const ids: Record<string, string[]> = {};
    for (const [route, type] of [
      ['articles', 'article'],
      ['quotes', 'quote'],
      ['entities', 'entity'],
    ] as const) {
      const res = await app.request(`${BASE}/search?type=${type}&limit=20`, {}, env);
      ids[route] = ((await res.json()) as { hits: Array<{ id: string }> }).hits.map((h) => h.id);
    }
    const send = async (req: GeneratedRequest): Promise<Answer> => {
      const res = await app.request(`${BASE}${req.path}`, { method: req.method, headers: req.headers }, env);
      return { status: res.status, headers: res.headers, text: await res.text() };
    };
    const tally = new FuzzTally();
    for (const req of boundaryRequests(contract.doc)) {
      expect(await fuzzStep(send, contract, tally, req), `${req.method} ${req.path}`).toEqual([]);
    }
    await fc.assert(
      fc.asyncProperty(requestsFrom(contract.doc, { ids, oversize: true }), async (req) => {
        expect(await fuzzStep(send, contract, tally, req), `${req.method} ${req.path}`).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.log(`${tally.summary().split('\n')[0]}, ${tally.statuses.size} method-route-status combinations`);
  }, 300_000);
});
