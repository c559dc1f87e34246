/** The widget's pure parts, in Node: CORS origin lists, highlight ranges, URL state, the client. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createClient, SearchApiError, searchQuery } from '../../src/widget/client.js';
import { cleanRanges } from '../../src/widget/highlight.js';
import { date, number } from '../../src/widget/render/format.js';
import { fmt, parseStrings } from '../../src/widget/strings.js';
import { readState, writeState } from '../../src/widget/url-state.js';
import { allowedOrigins } from '../../src/worker/config.js';
import { cors } from '../../src/worker/middleware/cors.js';

describe('CORS_ORIGINS', () => {
  it('parses "*", lists and blanks', () => {
    expect(allowedOrigins(undefined)).toBe('*');
    expect(allowedOrigins('*')).toBe('*');
    expect(allowedOrigins(' ')).toBe('*');
    expect(allowedOrigins('https://a.example, https://b.example/')).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });

  it('answers any origin with "*" by default', async () => {
    const app = new Hono().use('*', cors()).get('/x', (c) => c.text('ok'));
    const res = await app.request('/x', { headers: { Origin: 'https://news.example' } }, {});
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('highlight ranges', () => {
  it('keeps sorted, in-bounds, merged ranges and drops junk', () => {
    expect(cleanRanges([[5, 8], [0, 2], [1, 3], [7, 50], [9, 9], ['a', 1], null], 10)).toEqual([
      [0, 3],
      [5, 10],
    ]);
    expect(cleanRanges(undefined, 10)).toEqual([]);
    expect(cleanRanges('<mark>', 10)).toEqual([]);
  });
});

describe('URL state', () => {
  it('round-trips under a prefix and leaves other parameters alone', () => {
    const href = writeState('https://site.example/news?page=2&ns-q=old', 'ns-', {
      q: 'harbor bridge',
      type: 'article',
      filters: { publisher: ['The Harbor Ledger', 'Meridian Wire'] },
    });
    const url = new URL(href);
    expect(url.searchParams.get('page')).toBe('2');
    expect(readState(url.search, 'ns-', ['publisher', 'section'])).toEqual({
      q: 'harbor bridge',
      type: 'article',
      filters: { publisher: ['The Harbor Ledger', 'Meridian Wire'] },
    });
  });
});

describe('client', () => {
  it('builds repeatable filter and type parameters', () => {
    const qs = searchQuery({
      q: 'a b',
      types: ['article', 'quote'],
      limit: 5,
      offset: 10,
      facets: ['publisher', 'person'],
      filters: { person: ['person-x', 'person-y'] },
    });
    expect(qs.toString()).toBe(
      'q=a+b&type=article&type=quote&limit=5&offset=10&facets=publisher%2Cperson&person=person-x&person=person-y',
    );
  });

  it('turns the API error shape into SearchApiError with its code', async () => {
    const fake = (async () =>
      new Response(JSON.stringify({ error: { code: 'invalid_limit', message: 'limit: too big' } }), {
        status: 400,
      })) as typeof fetch;
    const err = await createClient('https://api.example/', fake)
      .search({ q: 'x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SearchApiError);
    expect(err).toMatchObject({ code: 'invalid_limit', status: 400, message: 'limit: too big' });
  });

  it('reports network failures as network_error, and passes aborts through', async () => {
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(createClient('https://api.example', down).suggest('x')).rejects.toMatchObject({
      code: 'network_error',
      status: 0,
    });
    const aborted = (async () => {
      throw new DOMException('aborted', 'AbortError');
    }) as typeof fetch;
    await expect(createClient('https://api.example', aborted).suggest('x')).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('strings', () => {
  it('fills placeholders and ignores bad overrides', () => {
    expect(fmt('{n} results for “{q}”', { n: 3, q: '{n}' })).toBe('3 results for “{n}”');
    expect(parseStrings('{"more":"Mehr","x":1}')).toEqual({ more: 'Mehr' });
    expect(parseStrings('not json')).toEqual({});
  });
});

describe('numbers and dates', () => {
  it('formats in the given locale, and in the default one when the page names a tag that is not one', () => {
    expect(number(1234567, 'de')).toBe('1.234.567');
    expect(date('2026-03-04', 'en-GB')).toBe('4 Mar 2026');
    // A typo in <html lang> must not take the results down with a RangeError.
    expect(number(1234567, 'en_US')).toBe((1234567).toLocaleString());
    expect(date('2026-03-04', '??')).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date('2026-03-04T00:00:00Z'),
      ),
    );
  });
});
