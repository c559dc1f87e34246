/**
 * Property tests through the Worker in workerd: generated requests to /search, /suggest and
 * /facets/:facet never yield a 5xx, always yield JSON of the documented shape, and each stays
 * within a time bound. workerd's clocks stand still while code runs, so the bound is wall time
 * measured around SELF.fetch from the test (CPU time is measured in Node: query-properties).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectDocumentedAnswer, facetsPath, searchPath, suggestPath } from '../property-inputs.js';
import { BASE, fetchWorker } from './helpers.js';

/**
 * Wall time includes whatever else the (shared, 2-core) machine does, so the per-request bound
 * only catches blow-ups; latency targets are the benchmark's (npm run bench), the percentiles
 * printed here are for reading.
 */
const MAX_MS_PER_REQUEST = 5000;
// workerd requests are slow to drive from the test; most volume is in the Node twin (query-properties).
const RUNS = 200;

async function answer(path: string): Promise<{ ms: number }> {
  const started = Date.now();
  const res = await fetchWorker(`${BASE}${path}`);
  const text = await res.text();
  const ms = Date.now() - started;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${path} answered ${res.status} with non-JSON: ${text.slice(0, 200)}`);
  }
  expect(res.headers.get('Content-Type'), path).toMatch(/^application\/json/);
  expectDocumentedAnswer(path, res.status, body);
  expect(ms, `${path} took ${ms} ms`).toBeLessThan(MAX_MS_PER_REQUEST);
  return { ms };
}

describe('generated requests', () => {
  it.each([
    ['/search', searchPath],
    ['/suggest', suggestPath],
    ['/facets/:facet', facetsPath],
  ] as const)(
    '%s: never 5xx, always documented JSON, bounded time',
    async (route, paths) => {
      // The index loads on first use: that is not what is measured.
      await answer(`${route.replace(':facet', 'person')}?q=warm`);
      const times: number[] = [];
      await fc.assert(
        fc.asyncProperty(paths, async (path) => {
          times.push((await answer(path)).ms);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      times.sort((a, b) => a - b);
      const p95 = times[Math.floor(times.length * 0.95)]!;
      console.log(
        `${route}: ${times.length} requests, p50 ${times[times.length >> 1]} ms, p95 ${p95} ms, max ${times.at(-1)} ms`,
      );
    },
    120_000,
  );
});
