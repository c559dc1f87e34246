/** The weight budget of widget.js, and that the build enforces it. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { BudgetError, buildWidget, WIDGET_BUDGET_BYTES } from '../../scripts/build-widget.js';

const root = new URL('../../', import.meta.url).pathname;

it(`widget.js is at most ${WIDGET_BUDGET_BYTES} bytes gzipped`, async () => {
  const code = await readFile(`${root}public/widget.js`);
  const gzipped = gzipSync(code, { level: 9 }).length;
  expect(WIDGET_BUDGET_BYTES).toBe(12 * 1024);
  expect(gzipped).toBeLessThanOrEqual(WIDGET_BUDGET_BYTES);
});

it('the build fails above the budget and writes nothing', async () => {
  const out = await mkdtemp(`${tmpdir()}/ns-widget-`);
  try {
    await expect(buildWidget({ outDir: out, budget: 1000 })).rejects.toBeInstanceOf(BudgetError);
    await expect(readFile(`${out}/widget.js`)).rejects.toThrow();
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
