/**
 * A second origin for the tests: a "news site" that embeds the widget from the API origin.
 * Same host, other port: a different origin, so every API call is a real CORS request.
 * The pages set no CSP on purpose: an injection would run here, so the XSS tests can see it.
 */
import { createServer, type Server } from 'node:http';

/** Rules that would wreck any widget that inherited or shared the page's CSS. */
export const HOSTILE_CSS = `
* { color: red !important; display: inline; font-family: "Comic Sans MS", cursive !important; letter-spacing: 3px; text-transform: uppercase; visibility: visible; }
input { display: none !important; }
button, mark, [role=option] { display: none !important; }
div { position: absolute !important; left: -9999px; }
news-search { display: inline; }
`;

export function hostPage(api: string, options: { hostile?: boolean; attrs?: string } = {}): string {
  const attrs =
    options.attrs ?? 'types="article,quote,entity" facets="publisher,section,person" per-page="5" sync-url';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A news site</title><link rel="icon" href="data:,">
${options.hostile ? `<style>${HOSTILE_CSS}</style>` : ''}
<script src="${api}/widget.js" async></script>
</head><body>
<h1>A news site</h1>
<news-search endpoint="${api}" ${attrs}></news-search>
<p id="after"><a href="#after">A link after the widget</a></p>
</body></html>`;
}

export function startHostServer(api: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host.local');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(404).end();
      return;
    }
    const attrs = url.searchParams.get('attrs') ?? undefined;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(hostPage(api, { hostile: url.pathname === '/hostile', attrs }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
