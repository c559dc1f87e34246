/** The demo page at GET /: the widget on the served index, under the page's strict CSP. */
import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launch, openPage, waitForResults } from './browser.js';

const api = inject('apiOrigin');
const artifacts = new URL('../../test-artifacts/', import.meta.url).pathname;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

it('shows the widget working on the served index, and saves a screenshot', async () => {
  const { page, log } = await openPage(browser, `${api}/`);
  const input = page.locator('news-search [role=combobox]');
  expect(await input.getAttribute('placeholder')).toBe('Search the archive');
  await input.click();
  await input.pressSequentially('harbor', { delay: 20 });
  await waitForResults(page, 'harbor');
  await page.keyboard.press('ArrowDown');
  // Styles arrive as a constructed stylesheet, which the page's CSP (no 'unsafe-inline') allows.
  expect(
    await page
      .locator('news-search [part=search]')
      .evaluate((el) => getComputedStyle(el).borderTopLeftRadius),
  ).toBe('8px');
  expect(log.console.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
  expect(log.errors).toEqual([]);
  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: `${artifacts}demo.png`, fullPage: true });
  await page.context().close();
});

it('copies the embed snippet', async () => {
  const { page } = await openPage(browser, `${api}/`);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api });
  await page.locator('button[data-copy=latest]').click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`<script src="${api}/widget.js" async></script>`);
  expect(copied).toContain('<news-search');
  await page.context().close();
});
