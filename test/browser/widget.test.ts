/**
 * The real widget.js in headless Chromium, embedded in a page of a second origin (so every
 * call is a CORS request) and talking to `wrangler dev` on the sample corpus + XSS fixture.
 *
 * One file because one browser and one page-per-test setup serve every scenario; launching
 * Chromium per file would cost more than the length saves.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, waitForResults } from './browser.js';

const api = inject('apiOrigin');
const host = inject('hostOrigin');

// The API's facets, suggestions and "did you mean" are optional for the widget; the tests of
// those features run only when the API offers them.
const probe = async (path: string) => {
  const res = await fetch(`${api}${path}`);
  return res.ok ? ((await res.json()) as Record<string, unknown>) : null;
};
const facetsSupported = 'facets' in ((await probe('/search?q=council&facets=publisher')) ?? {});
const suggestSupported = (await probe('/suggest?q=counc')) !== null;
const typo = 'zbrafnch';
const didYouMeanSupported = typeof (await probe(`/search?q=${typo}`))?.didYouMean === 'string';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const widget = (page: Page) => page.locator('news-search');
const combobox = (page: Page) => widget(page).locator('[role=combobox]');
const statusText = async (page: Page) => (await widget(page).locator('[role=status]').textContent()) ?? '';

async function type(page: Page, q: string) {
  const input = combobox(page);
  await input.click();
  await input.fill('');
  await input.pressSequentially(q, { delay: 15 });
  await waitForResults(page, q);
}

/** The option aria-activedescendant points at, read the way assistive technology would. */
function activeOption(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('news-search')!.shadowRoot!;
    const id = root.querySelector('[role=combobox]')!.getAttribute('aria-activedescendant');
    const el = id ? root.getElementById(id) : null;
    return (
      el && {
        id,
        part: el.getAttribute('part'),
        selected: el.getAttribute('aria-selected'),
        type: el.dataset.type ?? null,
        text: el.textContent,
      }
    );
  });
}

/** ArrowDown until a result (not a suggestion) is active. */
async function arrowToResult(page: Page, match: (text: string) => boolean = () => true) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('ArrowDown');
    const active = await activeOption(page);
    if (active?.part?.split(' ').includes('result') && match(active.text ?? '')) return active;
  }
  throw new Error('no matching result reached with ArrowDown');
}

function hostPage(attrs?: string) {
  return attrs ? `${host}/?attrs=${encodeURIComponent(attrs)}` : `${host}/`;
}

describe('searching', () => {
  it('shows suggestions and grouped results while typing, debounced', async () => {
    const { page, log } = await openPage(browser, hostPage());
    const searches: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/search') searches.push(r.url());
    });
    await type(page, 'counc');
    expect(await statusText(page)).toMatch(/^\d+ results? for “counc”/);
    expect(await combobox(page).getAttribute('aria-expanded')).toBe('true');
    const listbox = widget(page).locator(`#${await combobox(page).getAttribute('aria-controls')}`);
    expect(await listbox.getAttribute('role')).toBe('listbox');
    expect(await listbox.locator('[role=group] [role=option][part~=result]').count()).toBeGreaterThan(0);
    if (suggestSupported) {
      await expect.poll(() => listbox.locator('[role=option][part~=suggestion]').count()).toBeGreaterThan(0);
    }
    // Five keystrokes 15 ms apart fall inside one debounce window (with slack for a slow machine).
    expect(searches.length).toBeLessThanOrEqual(3);
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('never shows a slower, older response over a newer one', async () => {
    const { page } = await openPage(browser, hostPage());
    await page.route(
      (u) => u.pathname === '/search' && u.searchParams.get('q') === 'harbor',
      async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue().catch(() => {}); // aborted by the widget meanwhile
      },
    );
    await combobox(page).fill('harbor');
    await page.waitForTimeout(400);
    await combobox(page).fill('zebrafinch');
    await waitForResults(page, 'zebrafinch');
    await page.waitForTimeout(1700);
    expect(await statusText(page)).toContain('“zebrafinch”');
    const titles = await widget(page)
      .locator('[part~=result][data-type=article] [part=title]')
      .allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const t of titles) expect(t.toLowerCase()).toContain('zebrafinch');
    await page.context().close();
  });

  it.skipIf(!suggestSupported)('opens the panel for suggestions that come before the results', async () => {
    const { page } = await openPage(browser, hostPage());
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route(
      (u) => u.pathname === '/search',
      async (route) => {
        await held;
        await route.continue().catch(() => {});
      },
    );
    await combobox(page).fill('counc');
    const suggestion = widget(page).locator('[role=option][part~=suggestion]').first();
    await suggestion.waitFor({ state: 'visible', timeout: 5000 });
    expect(await widget(page).locator('[part=panel]').isVisible()).toBe(true);
    release();
    await waitForResults(page, 'counc');
    await page.context().close();
  });

  it('pages with "More results"', async () => {
    const { page } = await openPage(browser, hostPage('types="article" per-page="2"'));
    await type(page, 'harbor');
    const results = widget(page).locator('[part~=result]');
    expect(await results.count()).toBe(2);
    await widget(page).locator('[part=more]').click();
    await expect.poll(() => results.count()).toBe(4);
    expect(await statusText(page)).toMatch(/Showing 4 of \d+/);
    await page.context().close();
  });

  it('shows the empty state, and offers "did you mean" when the API has one', async () => {
    const { page } = await openPage(browser, hostPage());
    await type(page, 'qxqxqxqx');
    expect(await statusText(page)).toBe('No results for “qxqxqxqx”');
    expect(await combobox(page).getAttribute('aria-expanded')).toBe('false');
    if (didYouMeanSupported) {
      await combobox(page).fill('');
      await type(page, typo);
      expect(await statusText(page)).toMatch(/^No results for “zbrafnch”\. Did you mean “zebrafinch”\?$/);
      await page.keyboard.press('ArrowDown');
      expect((await activeOption(page))?.text).toBe('zebrafinch');
      await page.keyboard.press('Enter');
      await waitForResults(page, '“zebrafinch”');
      expect(await combobox(page).inputValue()).toBe('zebrafinch');
    }
    await page.context().close();
  });

  it('shows API errors and recovers with "Try again"', async () => {
    const { page } = await openPage(browser, hostPage());
    await page.route(
      (u) => u.pathname === '/search',
      (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          headers: { 'Access-Control-Allow-Origin': '*' },
          body: JSON.stringify({ error: { code: 'index_missing', message: 'No index has been built' } }),
        }),
    );
    await combobox(page).fill('council');
    await expect.poll(async () => statusText(page)).toBe('Search failed: No index has been built');
    const retry = widget(page).locator('[part=retry]');
    expect(await retry.isVisible()).toBe(true);
    await page.unrouteAll();
    await retry.click();
    await waitForResults(page, '“council”');
    expect(await retry.isVisible()).toBe(false);
    await page.context().close();
  });
  it('leaves nothing marked busy when the box is cleared during a search', async () => {
    const { page } = await openPage(browser, hostPage());
    await page.route(
      (u) => u.pathname === '/search',
      async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue().catch(() => {}); // aborted by the widget meanwhile
      },
    );
    await combobox(page).fill('harbor');
    const listbox = widget(page).locator('[role=listbox]');
    await expect.poll(() => listbox.getAttribute('aria-busy')).toBe('true');
    await widget(page).locator('[part=clear]').click();
    expect(await listbox.getAttribute('aria-busy')).toBeNull();
    expect(await widget(page).locator('[part=root]').getAttribute('class')).toBe('root');
    await page.waitForTimeout(1700);
    expect(await listbox.getAttribute('aria-busy')).toBeNull();
    expect(await statusText(page)).toBe('');
    await page.context().close();
  });
});

describe('keyboard', () => {
  it('reaches the box with Tab, moves with the arrows and opens a result with Enter', async () => {
    const { page } = await openPage(browser, hostPage('types="article"'));
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('role')),
    ).toBe('combobox');
    await page.keyboard.type('council', { delay: 15 });
    await waitForResults(page, 'council');

    const hits = (await (await fetch(`${api}/search?q=council&type=article&limit=5`)).json()) as {
      hits: Array<{ title: string; url: string }>;
    };
    const target = hits.hits.find((h) => h.url?.startsWith('https://example.com/'))!;
    await page.route(
      (u) => u.origin === 'https://example.com',
      (route) => route.fulfill({ contentType: 'text/html', body: '<title>landed</title>' }),
    );
    const active = await arrowToResult(page, (text) => text.includes(target.title));
    expect(active.selected).toBe('true');
    expect(active.part).toBe('result active');
    await page.keyboard.press('Enter');
    await page.waitForURL(target.url);
    await page.context().close();
  });

  it('dispatches news-search:select for results without a link; Escape closes, then clears', async () => {
    const { page } = await openPage(browser, hostPage('types="entity,quote"'));
    await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      document.addEventListener('news-search:select', (e) => {
        w.selected = (e as CustomEvent).detail;
        w.selectCancelable = e.cancelable;
      });
      // Results are news for the page, not a decision it can take back.
      document.addEventListener('news-search:results', (e) => {
        w.resultsCancelable = e.cancelable;
      });
    });
    await type(page, 'zebrafinch');
    const active = await arrowToResult(page, (text) => text.startsWith('Mallory'));
    expect(active.type).toBe('entity');
    await page.keyboard.press('Enter');
    const selected = (await page.evaluate(
      () =>
        (window as unknown as { selected: { hit: { type: string; id: string }; url: string | null } })
          .selected,
    ))!;
    expect(selected.hit.type).toBe('entity');
    expect(selected.url).toBeNull();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(
      await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return [w.selectCancelable, w.resultsCancelable];
      }),
    ).toEqual([true, false]);

    // ArrowUp from the first option returns to the input itself.
    await page.keyboard.press('ArrowUp');
    while ((await activeOption(page)) !== null) await page.keyboard.press('ArrowUp');
    expect(await combobox(page).getAttribute('aria-activedescendant')).toBeNull();

    await page.keyboard.press('Escape');
    expect(await combobox(page).getAttribute('aria-expanded')).toBe('false');
    expect(await widget(page).locator('[part=panel]').isVisible()).toBe(false);
    expect(await combobox(page).inputValue()).toBe('zebrafinch');
    await page.keyboard.press('Escape');
    expect(await combobox(page).inputValue()).toBe('');

    // Tab leaves the box for what follows it: nothing in the widget traps focus.
    await page.keyboard.type('zebrafinch', { delay: 15 });
    await waitForResults(page, 'zebrafinch');
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (
        await page.evaluate(
          () => document.activeElement?.id === 'after' || document.activeElement?.closest('#after') !== null,
        )
      )
        break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('A link after the widget');
    await page.context().close();
  });
});

describe.skipIf(!facetsSupported)('facets (the API offers them)', () => {
  it('narrow the results, update their counts, and live in the page URL', async () => {
    const { page } = await openPage(browser, hostPage('facets="publisher,section" per-page="20" sync-url'));
    await type(page, 'harbor');
    const before = Number((await statusText(page)).match(/^(\d+)/)![1]);
    const publishers = widget(page).locator('fieldset[data-facet=publisher] label');
    expect(await publishers.count()).toBeGreaterThan(1);
    const rows = await publishers.evaluateAll((labels) =>
      labels.map((l) => ({
        name: l.querySelector('.n')!.textContent!,
        count: Number(l.querySelector('[part=facet-count]')!.textContent),
      })),
    );
    const pick = rows.reduce((a, b) => (b.count < a.count ? b : a));
    expect(pick.count).toBeLessThan(before);
    const sectionsBefore = await widget(page)
      .locator('fieldset[data-facet=section] [part=facet-count]')
      .allTextContents();

    await publishers.filter({ hasText: pick.name }).click();
    await expect
      .poll(async () => statusText(page))
      .toMatch(new RegExp(`^${pick.count} results? for “harbor”`));
    const box = widget(page).locator('fieldset[data-facet=publisher] input:checked');
    expect(await box.count()).toBe(1);
    expect(await box.inputValue()).toBe(pick.name);
    for (const meta of await widget(page)
      .locator('[part~=result][data-type=article] [part=meta]')
      .allTextContents()) {
      expect(meta.startsWith(pick.name)).toBe(true);
    }
    const sectionsAfter = await widget(page)
      .locator('fieldset[data-facet=section] [part=facet-count]')
      .allTextContents();
    expect(sectionsAfter.map(Number).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(pick.count);
    expect(sectionsAfter).not.toEqual(sectionsBefore);

    // The state is in the URL: back undoes the filter, forward redoes it, and a shared link restores it.
    expect(new URL(page.url()).searchParams.getAll('ns-publisher')).toEqual([pick.name]);
    expect(new URL(page.url()).searchParams.get('ns-q')).toBe('harbor');
    await page.goBack();
    await expect.poll(async () => statusText(page)).toMatch(new RegExp(`^${before} results for “harbor”`));
    expect(await widget(page).locator('input:checked').count()).toBe(0);
    await page.goForward();
    await expect
      .poll(async () => statusText(page))
      .toMatch(new RegExp(`^${pick.count} results? for “harbor”`));
    const shared = page.url();
    const { page: other } = await openPage(browser, shared);
    await waitForResults(other, 'harbor');
    expect(await statusText(other)).toMatch(new RegExp(`^${pick.count} results? for “harbor”`));
    expect(await combobox(other).inputValue()).toBe('harbor');
    expect(await widget(other).locator('fieldset[data-facet=publisher] input:checked').inputValue()).toBe(
      pick.name,
    );
    await other.context().close();
    await page.context().close();
  });
});

describe('safety', () => {
  it('renders HTML and script in indexed text as inert characters', async () => {
    const { page, log } = await openPage(browser, hostPage());
    await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      document.addEventListener('news-search:select', (e) => {
        w.selected = (e as CustomEvent).detail;
        w.selectCancelable = e.cancelable;
      });
      // Results are news for the page, not a decision it can take back.
      document.addEventListener('news-search:results', (e) => {
        w.resultsCancelable = e.cancelable;
      });
    });
    await type(page, 'zebrafinch');
    if (suggestSupported)
      await expect.poll(() => widget(page).locator('[part~=suggestion]').count()).toBeGreaterThan(0);
    await page.waitForTimeout(300); // time for any injected onerror to fire

    const found = await page.evaluate(() => {
      const root = document.querySelector('news-search')!.shadowRoot!;
      return {
        injected: root.querySelectorAll('img, script, iframe, svg, b, u, i, a, [onerror], [onload]').length,
        pageInjected: document.querySelectorAll('img, iframe, svg, [onerror], [onload]').length,
        pageScripts: document.scripts.length,
        text: root.textContent ?? '',
        marks: [...root.querySelectorAll('mark')].map((m) => m.textContent),
        xss: (window as unknown as { __xss?: number }).__xss,
      };
    });
    expect(log.dialogs).toEqual([]);
    expect(log.errors).toEqual([]);
    expect(found.xss).toBeUndefined();
    expect(found.injected).toBe(0);
    expect(found.pageInjected).toBe(0);
    expect(found.pageScripts).toBe(1);
    expect(found.text).toContain(
      'vote <img src=x onerror="window.__xss=(window.__xss||0)+1;alert(4)"> & <b>bold</b> &amp; entities',
    );
    expect(found.text).toContain('<script>window.__xss=(window.__xss||0)+1;alert(11)</script>');
    expect(found.text).toContain('"The <img src=x onerror=alert(2)> zebrafinch plan stands."');
    if (facetsSupported) expect(found.text).toContain('<b>Evil</b> Press');
    expect(found.marks.length).toBeGreaterThan(0);
    for (const m of found.marks) expect(m?.toLowerCase()).toBe('zebrafinch');

    // The fixture's link is javascript:alert(6). Choosing the article must not follow it.
    await combobox(page).focus();
    await arrowToResult(page, (text) => text.startsWith('Zebrafinch vote'));
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    expect(
      await page.evaluate(() => (window as unknown as { selected: { url: unknown } }).selected.url),
    ).toBeNull();
    expect(new URL(page.url()).origin).toBe(host);
    expect(log.dialogs).toEqual([]);
    await page.context().close();
  });
});

describe('isolation and theming', () => {
  it('keeps working and looking right under hostile page CSS', async () => {
    const { page } = await openPage(browser, `${host}/hostile`);
    const input = combobox(page);
    expect(await input.isVisible()).toBe(true);
    expect((await input.boundingBox())!.width).toBeGreaterThan(300);
    await type(page, 'zebrafinch');
    const title = widget(page).locator('[part~=result] [part=title]').first();
    expect(await title.isVisible()).toBe(true);
    const style = await title.evaluate((el) => {
      const s = getComputedStyle(el);
      return { color: s.color, font: s.fontFamily, transform: s.textTransform, spacing: s.letterSpacing };
    });
    expect(style.color).not.toBe('rgb(255, 0, 0)');
    expect(style.font).not.toMatch(/Comic/);
    expect(style.transform).toBe('none');
    expect(style.spacing).toBe('normal');
    expect(await widget(page).evaluate((el) => getComputedStyle(el).display)).toBe('block');
    expect(await widget(page).locator('mark').first().isVisible()).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await activeOption(page)).not.toBeNull();
    await page.context().close();
  });

  it('is themed through --ns-* custom properties and ::part()', async () => {
    const { page } = await openPage(browser, hostPage());
    await page.addStyleTag({
      content:
        'news-search { --ns-accent: rgb(1, 2, 3); --ns-font: monospace } news-search::part(input) { letter-spacing: 4px }',
    });
    await type(page, 'council');
    const title = widget(page).locator('[part~=result] [part=title]').first();
    // Polled: a late response may re-render the list between locating and reading the title.
    await expect.poll(() => title.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(1, 2, 3)');
    await expect.poll(() => title.evaluate((el) => getComputedStyle(el).fontFamily)).toBe('monospace');
    expect(await combobox(page).evaluate((el) => getComputedStyle(el).letterSpacing)).toBe('4px');
    await page.context().close();
  });

  it('follows prefers-color-scheme and prefers-reduced-motion', async () => {
    const look = async (options: Parameters<typeof openPage>[2]) => {
      const { page } = await openPage(browser, hostPage(), options);
      const out = await page.evaluate(() => {
        const root = document.querySelector('news-search')!.shadowRoot!.querySelector('.root')!;
        root.classList.add('busy');
        return {
          bg: getComputedStyle(root).backgroundColor,
          animation: getComputedStyle(root.querySelector('.bar')!, '::after').animationName,
        };
      });
      await page.context().close();
      return out;
    };
    const light = await look({ colorScheme: 'light', reducedMotion: 'no-preference' });
    const dark = await look({ colorScheme: 'dark', reducedMotion: 'reduce' });
    expect(light.bg).toBe('rgb(255, 255, 255)');
    expect(dark.bg).not.toBe(light.bg);
    expect(light.animation).toBe('ns-load');
    expect(dark.animation).toBe('none');
  });

  it('survives being loaded twice and defines no globals', async () => {
    const { page, log } = await openPage(browser, hostPage());
    await page.evaluate(
      (src) =>
        new Promise((resolve) => {
          const s = document.createElement('script');
          s.src = `${src}?again`;
          s.onload = resolve;
          document.head.appendChild(s);
        }),
      `${api}/widget.js`,
    );
    expect(log.errors).toEqual([]);
    await type(page, 'council');
    // No globals: the page's window has nothing a pristine same-origin window lacks.
    const added = await page.evaluate(() => {
      const frame = document.createElement('iframe');
      document.body.appendChild(frame);
      const pristine = new Set(Object.getOwnPropertyNames(frame.contentWindow));
      // Numeric keys are frames, like the one just added.
      return Object.getOwnPropertyNames(window).filter((k) => !pristine.has(k) && !/^\d+$/.test(k));
    });
    expect(added).toEqual([]);
    await page.context().close();
  });
});

describe('CORS in the browser', () => {
  it('lets another origin build its own UI on widget-client.js', async () => {
    const { page } = await openPage(browser, hostPage());
    // A string, not a function: the test bundler would rewrite a function's import().
    const result = (await page.evaluate(`(async () => {
      const { createClient, SearchApiError } = await import('${api}/widget-client.js');
      const client = createClient('${api}');
      const res = await client.search({ q: 'harbor', types: ['article'], limit: 3 });
      const err = await client.search({ q: 'x', limit: 0 }).catch((e) => e);
      return { total: res.total, hits: res.hits.length, errIsApiError: err instanceof SearchApiError, code: err.code };
    })()`)) as { total: number; hits: number; errIsApiError: boolean; code: string };
    expect(result.total).toBeGreaterThan(3);
    expect(result.hits).toBe(3);
    expect(result).toMatchObject({ errIsApiError: true, code: 'invalid_limit' });
    await page.context().close();
  });

  it('fails visibly on an origin that CORS_ORIGINS does not list', async () => {
    // localhost and 127.0.0.1 are different origins; only the latter is listed.
    const { page } = await openPage(browser, hostPage().replace('127.0.0.1', 'localhost'));
    await combobox(page).fill('council');
    await expect.poll(async () => statusText(page)).toMatch(/^Search failed/);
    expect(await widget(page).locator('[part=retry]').isVisible()).toBe(true);
    await page.context().close();
  });
});
