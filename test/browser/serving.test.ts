/** How the Worker serves widget.js, its versioned copy, the demo page, and CORS. */
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';

const api = inject('apiOrigin');
const host = inject('hostOrigin');
const root = new URL('../../', import.meta.url).pathname;
const build = JSON.parse(await readFile(`${root}public/widget.json`, 'utf8')) as {
  hashedFile: string;
  integrity: string;
};

describe('widget.js', () => {
  it('is served with a short cache lifetime', async () => {
    const res = await fetch(`${api}/widget.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toMatch(/max-age=300\b/);
    expect(res.headers.get('cache-control')).not.toMatch(/immutable/);
    expect(await res.text()).toBe(await readFile(`${root}public/widget.js`, 'utf8'));
  });

  it('has an immutable, content-hashed copy', async () => {
    const res = await fetch(`${api}/${build.hashedFile}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe(await readFile(`${root}public/widget.js`, 'utf8'));
  });

  it('answers an unknown version with the API error shape', async () => {
    const res = await fetch(`${api}/widget.0123456789ab.js`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('revalidates with the ETag', async () => {
    const first = await fetch(`${api}/widget.js`);
    const etag = first.headers.get('etag');
    if (!etag) return; // the assets layer chose not to send one: nothing to revalidate against
    const again = await fetch(`${api}/widget.js`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });
});

describe('widget-client.js', () => {
  it('is served, and its hashed copy is immutable', async () => {
    const res = await fetch(`${api}/widget-client.js`, { headers: { Origin: host } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('access-control-allow-origin')).toBe(host);
    expect(await res.text()).toMatch(/export\s*\{/);
    const pinned = await fetch(
      `${api}/${(build as unknown as { client: { hashedFile: string } }).client.hashedFile}`,
    );
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});

describe('CORS', () => {
  it('allows a listed origin, without credentials', async () => {
    const res = await fetch(`${api}/search?q=council`, { headers: { Origin: host } });
    expect(res.headers.get('access-control-allow-origin')).toBe(host);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('says nothing to an origin that is not listed', async () => {
    const res = await fetch(`${api}/search?q=council`, { headers: { Origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('covers error answers, so sites can read the error code', async () => {
    const res = await fetch(`${api}/search?limit=0`, { headers: { Origin: host } });
    expect(res.status).toBe(400);
    expect(res.headers.get('access-control-allow-origin')).toBe(host);
    const missing = await fetch(`${api}/no-such-route`, { headers: { Origin: host } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe(host);
  });

  it('answers preflights for reads only', async () => {
    const res = await fetch(`${api}/search`, {
      method: 'OPTIONS',
      headers: { Origin: host, 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(host);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,HEAD,OPTIONS');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('the demo page', () => {
  it('embeds the widget on this index and shows both snippets', async () => {
    const res = await fetch(`${api}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
    const html = await res.text();
    expect(html).toContain(`<news-search endpoint="${api}"`);
    expect(html).toContain(`&lt;script src=&quot;${api}/widget.js&quot; async&gt;&lt;/script&gt;`);
    expect(html).toContain(
      `src=&quot;${api}/${build.hashedFile}&quot;\n  integrity=&quot;${build.integrity}&quot;`,
    );
  });
});
