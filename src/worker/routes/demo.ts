/**
 * GET /: the widget on this deployment's own index, with the snippet to embed it elsewhere.
 * The page runs under a strict Content-Security-Policy, which doubles as proof that the widget
 * needs nothing beyond its script and connections to the API.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../config.js';

interface WidgetBuild {
  hashedFile?: string;
  integrity?: string;
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

async function widgetBuild(assets: Fetcher, base: string): Promise<WidgetBuild> {
  try {
    const res = await assets.fetch(new Request(new URL('/widget.json', base)));
    return res.ok ? ((await res.json()) as WidgetBuild) : {};
  } catch {
    return {};
  }
}

const ATTRS = [
  'types="article,quote,entity"',
  'facets="publisher,section,person"',
  'per-page="10"',
  'placeholder="Search the archive"',
];

function snippet(origin: string, file: string, integrity?: string) {
  const sri = integrity ? `\n  integrity="${integrity}"\n  crossorigin="anonymous"` : '';
  const attrs = [`endpoint="${origin}"`, ...ATTRS].map((a) => `\n  ${a}`).join('');
  const src = integrity ? `\n  src="${origin}/${file}"` : ` src="${origin}/${file}"`;
  return `<script${src}${sri} async></script>\n<news-search${attrs}></news-search>`;
}

const PAGE_CSS = `
:root{color-scheme:light dark;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5}
body{margin:0;background:Canvas;color:CanvasText}
main{max-width:60rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{margin:0 0 .25rem;font-size:1.8rem}
.lead{margin:0 0 1.5rem;opacity:.8}
news-search{margin-bottom:2.5rem}
h2{font-size:1.15rem;margin:2rem 0 .5rem}
.snip{position:relative}
pre{margin:0;padding:1rem 5.5rem 1rem 1rem;border-radius:8px;background:color-mix(in srgb,CanvasText 7%,Canvas);overflow:auto;font-size:.85rem}
.snip button{position:absolute;top:.6rem;right:.6rem;font:inherit;font-size:.85rem;padding:.25rem .8rem;border-radius:999px;border:1px solid color-mix(in srgb,CanvasText 30%,Canvas);background:Canvas;color:CanvasText;cursor:pointer}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
`;

const COPY_JS = `
for (const b of document.querySelectorAll('button[data-copy]')) {
  b.addEventListener('click', async () => {
    const text = document.getElementById(b.dataset.copy).textContent;
    try { await navigator.clipboard.writeText(text); b.textContent = 'Copied'; }
    catch { getSelection().selectAllChildren(document.getElementById(b.dataset.copy)); b.textContent = 'Press Ctrl+C'; }
    setTimeout(() => { b.textContent = 'Copy'; }, 2000);
  });
}`;

export const demoRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const origin = new URL(c.req.url).origin;
  const build = await widgetBuild(c.env.ASSETS, c.req.url);
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const pinned = build.hashedFile
    ? `<p>Or pin this exact version: it is cached for a year and checked with Subresource Integrity; change the file name to upgrade.</p>
<div class="snip"><pre><code id="pinned">${esc(snippet(origin, build.hashedFile, build.integrity))}</code></pre><button type="button" data-copy="pinned">Copy</button></div>`
    : '';
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Newsroom Search</title>
<link rel="icon" href="data:,">
<style nonce="${nonce}">${PAGE_CSS}</style>
<script src="/widget.js" async></script>
</head>
<body>
<main>
<h1>Newsroom Search</h1>
<p class="lead">Articles, quotes, people, organizations and places from the archive. Start typing.</p>
<news-search endpoint="${esc(origin)}" ${ATTRS.join(' ')} sync-url></news-search>
<h2>Put this search on your site</h2>
<p>Paste these two lines where the search box should appear. The first always loads the latest widget (cached for five minutes).</p>
<div class="snip"><pre><code id="latest">${esc(snippet(origin, 'widget.js'))}</code></pre><button type="button" data-copy="latest">Copy</button></div>
${pinned}
<p>Attributes, events, theming (<code>--ns-*</code> custom properties and <code>::part()</code>) and the API client are described in <code>docs/widget.md</code>.</p>
</main>
<script nonce="${nonce}">${COPY_JS}</script>
</body>
</html>`;
  return c.html(html, 200, {
    'Content-Security-Policy':
      `default-src 'none'; script-src 'self' 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; ` +
      `img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  });
});
