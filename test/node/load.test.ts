/**
 * `npm run load` in short: wrangler dev under autocannon for 5 s at 16 connections. It must
 * finish, report its figures and see no connection error, timeout or 5xx.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

describe('npm run load (short)', () => {
  it('drives wrangler dev without errors or 5xx and reports throughput, latency and memory', async () => {
    const { stdout } = await run(`${root}node_modules/.bin/tsx`, [`${root}scripts/load.ts`, '--duration', '5', '--connections', '16', '--json'], {
      cwd: root,
      timeout: 170_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const line = stdout.split('\n').find((l) => l.startsWith('LOAD_RESULT '));
    expect(line, stdout).toBeDefined();
    const result = JSON.parse(line!.slice('LOAD_RESULT '.length));
    expect(result.requests).toBeGreaterThan(0);
    expect(result.errors).toBe(0);
    expect(result['5xx']).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result.p99).toBeGreaterThan(0);
    expect(result.rounds).toHaveLength(3);
  }, 180_000);
});
