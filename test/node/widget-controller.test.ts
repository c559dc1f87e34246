/**
 * The widget's controller in Node, without a browser: which requests it sends, which answers
 * it keeps (only the newest of each kind), and what it writes to and reads from the page URL.
 * The API is a fake fetch whose answers the tests release in any order.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit, SearchResponse } from '../../src/widget/client.js';
import { DEFAULT_CONFIG, readConfig, type WidgetConfig } from '../../src/widget/config.js';
import { SearchController } from '../../src/widget/controller.js';
import { LatestRequest } from '../../src/widget/latest.js';
import { hitUrl } from '../../src/widget/state.js';
import type { UrlHost } from '../../src/widget/url-state.js';

interface Call {
  url: URL;
  signal: AbortSignal;
  answer(body: unknown, status?: number): void;
}

/**
 * A fetch that answers only when told to. By default it ignores aborts, like a response that
 * was already on its way: the controller must drop such answers itself.
 */
function fakeApi(options: { rejectOnAbort?: boolean } = {}) {
  const calls: Call[] = [];
  const fetcher = ((input: string, init: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal!;
      if (options.rejectOnAbort)
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      calls.push({
        url: new URL(input),
        signal,
        answer: (body, status = 200) => resolve(new Response(JSON.stringify(body), { status })),
      });
    })) as typeof fetch;
  const of = (path: string) => calls.filter((c) => c.url.pathname === path);
  return { calls, fetcher, searches: () => of('/search'), suggests: () => of('/suggest') };
}

const article = (id: string, url: string | null = `https://news.example/${id}`): SearchHit =>
  ({ type: 'article', id, title: id, url, highlight: {} }) as unknown as SearchHit;

const answer = (query: string, ids: string[], total = ids.length): SearchResponse => ({
  query,
  total,
  match: 'all',
  hits: ids.map((id) => article(id)),
  tookMs: 1,
});

/** A page URL and its history, kept in memory. */
function fakeUrl(href = 'https://site.example/news?page=2', prefix: string | null = 'ns-') {
  const host = {
    current: href,
    entries: [href],
    href: () => host.current,
    prefix: () => prefix,
    push(next: string) {
      host.current = next;
      host.entries.push(next);
    },
    replace(next: string) {
      host.current = next;
      host.entries[host.entries.length - 1] = next;
    },
  };
  return host satisfies UrlHost;
}

const config = (changes: Partial<WidgetConfig> = {}): WidgetConfig => ({
  ...DEFAULT_CONFIG,
  endpoint: 'https://api.example',
  ...changes,
});

function setup(changes: Partial<WidgetConfig> = {}, api = fakeApi(), url = fakeUrl()) {
  const controller = new SearchController(url, api.fetcher);
  const events: string[] = [];
  for (const name of ['results', 'error', 'suggestions', 'view', 'select'] as const)
    controller.on(name, () => events.push(name));
  controller.configure(config(changes));
  events.length = 0;
  return { controller, api, url, events };
}

/** Lets settled fetches reach the controller (their .json() and awaits take a few turns). */
const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('LatestRequest', () => {
  it('gives an answer only to the newest request, and aborts the ones before it', async () => {
    const latest = new LatestRequest();
    const release: Array<(v: string) => void> = [];
    const signals: AbortSignal[] = [];
    const start = () =>
      latest.run(
        (signal) =>
          new Promise<string>((resolve) => {
            signals.push(signal);
            release.push(resolve);
          }),
      );
    const first = start();
    const second = start();
    expect(signals[0]!.aborted).toBe(true);
    release[1]!('new');
    release[0]!('old');
    expect(await first).toBeUndefined();
    expect(await second).toEqual({ ok: true, value: 'new' });

    const third = start();
    latest.cancel();
    release[2]!('cancelled');
    expect(await third).toBeUndefined();
    expect(signals[2]!.aborted).toBe(true);
  });

  it('reports the newest request failing as an outcome, not as a throw', async () => {
    const latest = new LatestRequest();
    expect(await latest.run(async () => Promise.reject(new Error('down')))).toMatchObject({ ok: false });
  });
});

describe('controller: requests', () => {
  it('waits for a pause in typing, then searches and suggests once', async () => {
    const { controller, api } = setup();
    for (const text of ['h', 'ha', 'har', 'harb']) {
      controller.input(text);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(api.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(50);
    expect(api.calls.map((c) => `${c.url.pathname}?${c.url.searchParams}`)).toEqual([
      '/search?q=harb&limit=10',
      '/suggest?q=harb',
    ]);
  });

  it('never shows an older search answer over a newer one, even one that ignored its abort', async () => {
    const { controller, api, events } = setup();
    controller.input('harbor');
    await vi.advanceTimersByTimeAsync(150);
    controller.input('harbor bridge');
    await vi.advanceTimersByTimeAsync(150);
    const [older, newer] = api.searches();
    expect(older!.signal.aborted).toBe(true);
    expect(controller.state.loading).toBe(true);

    newer!.answer(answer('harbor bridge', ['b1']));
    await flush();
    older!.answer(answer('harbor', ['a1', 'a2']));
    await flush();
    expect(controller.state.response?.query).toBe('harbor bridge');
    expect(controller.state.hits.map((h) => h.id)).toEqual(['b1']);
    expect(controller.state.loading).toBe(false);
    expect(events.filter((e) => e === 'results')).toHaveLength(1);
  });

  it('applies the same rule to suggestions', async () => {
    const { controller, api } = setup();
    controller.input('har');
    await vi.advanceTimersByTimeAsync(150);
    controller.input('harbo');
    await vi.advanceTimersByTimeAsync(150);
    const [older, newer] = api.suggests();
    expect(older!.signal.aborted).toBe(true);
    newer!.answer({ query: 'harbo', suggestions: [{ text: 'harbor', kind: 'term', count: 3 }] });
    await flush();
    older!.answer({ query: 'har', suggestions: [{ text: 'hard', kind: 'term', count: 9 }] });
    await flush();
    expect(controller.state.suggestions.map((s) => s.text)).toEqual(['harbor']);
  });

  it('drops what is under way when the box is cleared, without reporting the abort as an error', async () => {
    const { controller, api, events } = setup({}, fakeApi({ rejectOnAbort: true }));
    controller.input('harbor');
    await vi.advanceTimersByTimeAsync(150);
    controller.clear();
    await flush();
    expect(api.calls.every((c) => c.signal.aborted)).toBe(true);
    expect(controller.state).toMatchObject({ query: '', response: null, error: null, loading: false });
    expect(events).not.toContain('error');
  });

  it('stops asking for suggestions when the API has no /suggest', async () => {
    const { controller, api } = setup();
    controller.input('harbor');
    await vi.advanceTimersByTimeAsync(150);
    api.suggests()[0]!.answer({ error: { code: 'route_not_found', message: 'Not found' } }, 404);
    await flush();
    controller.input('harbor bridge');
    await vi.advanceTimersByTimeAsync(150);
    expect(api.suggests()).toHaveLength(1);
    expect(api.searches()).toHaveLength(2);
  });

  it('pages with more(), and retry() repeats a failed page', async () => {
    const { controller, api } = setup({ perPage: 2 });
    controller.search('harbor');
    api.searches()[0]!.answer(answer('harbor', ['a1', 'a2'], 5));
    await flush();
    controller.more();
    expect(api.searches()[1]!.url.searchParams.get('offset')).toBe('2');
    api.searches()[1]!.answer({ error: { code: 'index_missing', message: 'No index' } }, 503);
    await flush();
    expect(controller.state.error?.code).toBe('index_missing');
    controller.retry();
    expect(api.searches()[2]!.url.searchParams.get('offset')).toBe('2');
    api.searches()[2]!.answer(answer('harbor', ['a3', 'a4'], 5));
    await flush();
    expect(controller.state.hits.map((h) => h.id)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(controller.state.error).toBeNull();
  });

  it('searches on without facets when the API refuses one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { controller, api } = setup({ facets: ['publisher', 'nosuch'] });
    controller.search('harbor');
    expect(api.searches()[0]!.url.searchParams.get('facets')).toBe('publisher,nosuch');
    api.searches()[0]!.answer({ error: { code: 'invalid_facet', message: 'unknown facet' } }, 400);
    await flush();
    expect(api.searches()[1]!.url.searchParams.has('facets')).toBe(false);
    expect(controller.state.error).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('does not ask again for refused facets when another setting changes, but does when they change', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { controller, api } = setup({ facets: ['nosuch'] });
    controller.search('harbor');
    api.searches()[0]!.answer({ error: { code: 'invalid_facet', message: 'unknown facet' } }, 400);
    await flush();
    controller.configure(config({ facets: ['nosuch'], perPage: 5 }));
    controller.search('harbor');
    expect(api.searches().at(-1)!.url.searchParams.has('facets')).toBe(false);
    controller.configure(config({ facets: ['publisher'], perPage: 5 }));
    controller.search('harbor');
    expect(api.searches().at(-1)!.url.searchParams.get('facets')).toBe('publisher');
    warn.mockRestore();
  });

  it('more() after further typing searches the new text from its first page', async () => {
    const { controller, api } = setup({ perPage: 2 });
    controller.search('harbor');
    api.searches()[0]!.answer(answer('harbor', ['a1', 'a2'], 5));
    await flush();
    controller.input('harbor bridge');
    controller.more();
    const sent = api.searches()[1]!.url.searchParams;
    expect([sent.get('q'), sent.get('offset')]).toEqual(['harbor bridge', null]);
    await vi.advanceTimersByTimeAsync(500);
    expect(api.searches()).toHaveLength(2); // the pause after typing does not search a second time
  });

  it('a filter chosen while typing is pending searches the typed text once, at once', async () => {
    const { controller, api, url } = setup({ facets: ['publisher'] });
    controller.input('harbor');
    controller.setFilter('publisher', 'Example Post', true, 'Example Post');
    expect(api.searches().map((c) => c.url.searchParams.get('q'))).toEqual(['harbor']);
    expect(url.current).toContain('ns-q=harbor');
    expect(api.suggests().map((c) => c.url.searchParams.get('q'))).toEqual(['harbor']);
    await vi.advanceTimersByTimeAsync(500);
    expect(api.searches()).toHaveLength(1);
  });

  it("gives the page's listeners a copy of the request, not the live state", async () => {
    const { controller, api } = setup({ facets: ['publisher'] });
    let told: { params: unknown } | undefined;
    controller.on('results', (detail) => {
      told = detail;
    });
    controller.search('harbor');
    api.searches()[0]!.answer(answer('harbor', ['a1']));
    await flush();
    const before = JSON.stringify(told!.params);
    controller.setFilter('publisher', 'Example Post', true, 'Example Post');
    expect(JSON.stringify(told!.params)).toBe(before);
  });

  it('sends a type only to narrow the search', async () => {
    const { controller, api } = setup({ types: ['article', 'quote'] });
    controller.search('harbor');
    controller.setType('quote');
    expect(api.searches().map((c) => c.url.searchParams.getAll('type'))).toEqual([
      ['article', 'quote'],
      ['quote'],
    ]);
  });
});

describe('controller: page URL', () => {
  it('adds one history entry per burst of typing, and one per explicit change', async () => {
    const { controller, url } = setup({ facets: ['publisher'] });
    controller.input('harb');
    await vi.advanceTimersByTimeAsync(150);
    controller.input('harbor');
    await vi.advanceTimersByTimeAsync(150);
    expect(url.entries).toEqual([
      'https://site.example/news?page=2',
      'https://site.example/news?page=2&ns-q=harbor',
    ]);
    controller.setFilter('publisher', 'The Daily Example', true, 'The Daily Example');
    controller.clear();
    expect(url.entries.slice(2)).toEqual([
      'https://site.example/news?page=2&ns-q=harbor&ns-publisher=The+Daily+Example',
      'https://site.example/news?page=2&ns-publisher=The+Daily+Example',
    ]);
  });

  it('restores query, tab and filters from the URL and searches for them', () => {
    const url = fakeUrl('https://site.example/?ns-q=harbor&ns-type=quote&ns-section=City&ns-other=x');
    const { controller, api } = setup({ facets: ['section'] }, fakeApi(), url);
    controller.restoreFromUrl();
    expect(controller.state).toMatchObject({
      query: 'harbor',
      type: 'quote',
      filters: { section: ['City'] },
    });
    expect(api.searches()[0]!.url.search).toBe('?q=harbor&type=quote&limit=10&facets=section&section=City');
  });

  it('ignores a tab it does not show, and a URL it was not told to use', () => {
    const shown = setup(
      { types: ['article'] },
      fakeApi(),
      fakeUrl('https://site.example/?ns-q=x&ns-type=quote'),
    );
    shown.controller.restoreFromUrl();
    expect(shown.controller.state.type).toBe('');
    const off = setup({}, fakeApi(), fakeUrl('https://site.example/?ns-q=x', null));
    off.controller.restoreFromUrl();
    off.controller.search('harbor');
    expect(off.controller.state.query).toBe('harbor');
    expect(off.url.entries).toEqual(['https://site.example/?ns-q=x']);
  });
});

describe('controller: choosing a result', () => {
  it('offers only web links to follow', () => {
    const { controller } = setup();
    const chosen: Array<string | null> = [];
    controller.on('select', ({ url }) => chosen.push(url));
    controller.select(article('a', '/news/a'));
    controller.select(article('b', 'javascript:alert(1)'));
    controller.select(article('c', null));
    expect(chosen).toEqual(['https://site.example/news/a', null, null]);
    expect(hitUrl(article('d', 'data:text/html,x'), 'https://site.example/')).toBeNull();
  });
});

describe('config', () => {
  it('falls back to defaults on bad attribute values', () => {
    const attrs: Record<string, string> = {
      types: 'quote, bogus, quote',
      'per-page': '500',
      facets: ' a ,, b',
    };
    const read = readConfig((name) => attrs[name] ?? null, {
      defaultEndpoint: 'https://api.example',
      strings: { more: 'Mehr' },
      lang: 'de',
    });
    expect(read).toMatchObject({
      endpoint: 'https://api.example',
      types: ['quote'],
      facets: ['a', 'b'],
      perPage: 100,
      placeholder: 'Search',
      lang: 'de',
    });
    expect(read.strings.more).toBe('Mehr');
    expect(readConfig(() => null, { defaultEndpoint: '', strings: {}, lang: '' }).perPage).toBe(10);
  });
});
