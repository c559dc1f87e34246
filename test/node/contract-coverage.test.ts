/**
 * Every answer the worker tests receive is validated against the served OpenAPI document: they
 * reach the Worker through test/worker/helpers.ts (fetchWorker, get, checkedApp, contractApp),
 * which check each answer. A test that called SELF.fetch or createApp on its own would escape
 * that check; the few that must are listed here with the check they use instead.
 */
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const dir = new URL('../worker/', import.meta.url).pathname;

/** Files that reach the Worker directly, and the contract check their answers still go through. */
const DIRECT: Record<string, RegExp> = {
  // openapi-fetch's fetch wraps SELF.fetch in checked().
  'client.test.ts': /checked\(request\.url/,
  // The fuzz run: every answer goes through fuzzStep, which checks it.
  'properties.test.ts': /fuzzStep\(send, contract/,
  // An app with an extra route, wrapped by contractApp.
  'security.test.ts': /contractApp\(createApp\(\)/,
};

describe('the worker tests', () => {
  it('validate every answer against the OpenAPI document', async () => {
    const files = (await readdir(dir)).filter((f) => f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = await readFile(`${dir}${file}`, 'utf8');
      const direct = /SELF\.fetch\(|[^.\w]createApp\(/.test(text);
      if (!direct) continue;
      expect(
        DIRECT[file],
        `${file} calls SELF.fetch or createApp: use the helpers of helpers.ts`,
      ).toBeDefined();
      expect(text, file).toMatch(DIRECT[file]!);
    }
  });
});
