/**
 * `npm run check:bundle`: the Worker as wrangler bundles it stays under its size and startup
 * budgets, the figures are printed, and a budget it can't meet makes the command fail.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { GZIP_BUDGET_BYTES, STARTUP_BUDGET_MS } from '../../scripts/check-bundle.js';

const root = new URL('../../', import.meta.url).pathname;

/** The script as npm runs it, with its exit code and everything it printed. */
async function check(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      `${root}node_modules/.bin/tsx`,
      [`${root}scripts/check-bundle.ts`, ...args],
      {
        cwd: root,
        timeout: 60_000,
      },
    );
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('npm run check:bundle', () => {
  it('prints the bundle size and startup time, the size under budget', async () => {
    // Startup is wall time, and the test machine may be busy: here it only has to stay clear of a
    // blow-up (5× the budget); `npm run deploy` holds the real budget, and a test below shows it bites.
    const startupBound = STARTUP_BUDGET_MS * 5;
    const { code, output } = await check('--runs', '1', '--startup-budget', String(startupBound));
    expect(code, output).toBe(0);
    const size = /worker bundle: [\d.]+ KiB raw, [\d.]+ KiB gzipped \((\d+) of (\d+) bytes budget\)/.exec(
      output,
    );
    expect(size, output).not.toBeNull();
    expect(Number(size![1])).toBeGreaterThan(10_000);
    expect(Number(size![1])).toBeLessThanOrEqual(GZIP_BUDGET_BYTES);
    const startup = /worker startup: (\d+) ms \(workerd ready in \d+ ms/.exec(output);
    expect(startup, output).not.toBeNull();
    expect(Number(startup![1])).toBeLessThanOrEqual(startupBound);
  });

  it('fails with a clear message when the bundle is over the size budget', async () => {
    const { code, output } = await check('--gzip-budget', '1000');
    expect(code, output).toBe(1);
    expect(output).toMatch(
      /bundle check failed: the Worker bundle is \d+ bytes gzipped, over the 1000-byte budget/,
    );
  });

  it('fails with a clear message when startup is over the startup budget', async () => {
    const { code, output } = await check('--startup-budget', '0');
    expect(code, output).toBe(1);
    expect(output).toMatch(
      /bundle check failed: the Worker's global scope takes \d+ ms to start, over the 0 ms budget/,
    );
  });
});
