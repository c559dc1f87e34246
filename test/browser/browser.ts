/** Headless Chromium (the distribution's, see scripts/ensure-chromium.sh) for the browser tests. */
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** What a page did that a test may need to rule out: dialogs, uncaught errors, failed requests. */
export interface PageLog {
  dialogs: string[];
  errors: string[];
  console: string[];
}

export async function openPage(
  browser: Browser,
  url: string,
  options: { colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference' } = {},
) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  const page = await context.newPage();
  const log: PageLog = { dialogs: [], errors: [], console: [] };
  page.on('dialog', (d) => {
    log.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.console.push(m.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => customElements.get('news-search') !== undefined);
  return { page, log };
}

/** Waits until the widget has rendered a response for `q` (its live region names the query). */
export async function waitForResults(page: Page, q?: string) {
  await page.waitForFunction((q) => {
    const root = document.querySelector('news-search')?.shadowRoot;
    const status = root?.querySelector('[role=status]')?.textContent ?? '';
    const busy = root?.querySelector('[role=listbox]')?.hasAttribute('aria-busy');
    return !busy && status !== '' && (q === undefined || status.includes(q));
  }, q);
}
