import { parse, parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';
import type { FormatReader } from '../types.js';
import { idFromFileName } from './text.js';

/** Page furniture and non-text content: nothing inside these is article text. */
const DROPPED = new Set([
  'script',
  'style',
  'nav',
  'header',
  'footer',
  'aside',
  'figure',
  'noscript',
  'template',
  'iframe',
  'svg',
  'math',
  'form',
  'button',
  'select',
  'textarea',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
]);

/** Elements that end the paragraph before them and start a new one. */
const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'br',
  'hr',
  'div',
  'section',
  'article',
  'main',
  'pre',
  'address',
  'dd',
  'dt',
  'dl',
  'ul',
  'ol',
  'table',
  'tr',
  'details',
  'summary',
  'figcaption',
  'hgroup',
  'body',
]);

const CELLS = new Set(['td', 'th']);

function isElement(node: T.Node): node is T.Element {
  return 'tagName' in node;
}

function attr(el: T.Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function* elements(node: T.ParentNode): Generator<T.Element> {
  for (const child of node.childNodes) {
    if (!isElement(child)) continue;
    yield child;
    yield* elements(child.tagName === 'template' ? (child as T.Template).content : child);
  }
}

function find(root: T.ParentNode, tag: string): T.Element | undefined {
  for (const el of elements(root)) if (el.tagName === tag) return el;
  return undefined;
}

function textOf(node: T.Node): string {
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Article markup → paragraphs of text: block elements and <br> separate paragraphs, table rows
 * are paragraphs with cells joined by " | ", and DROPPED elements (plus `skip`) are left out.
 */
function paragraphs(root: T.ParentNode, ...skip: Array<T.Element | undefined>): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    const p = squash(current);
    if (p) out.push(p);
    current = '';
  };
  const walk = (node: T.Node) => {
    if (node.nodeName === '#text') {
      current += (node as T.TextNode).value;
      return;
    }
    if (!isElement(node)) {
      if ('childNodes' in node) node.childNodes.forEach(walk);
      return;
    }
    if (skip.includes(node) || DROPPED.has(node.tagName) || attr(node, 'hidden') !== undefined) return;
    const block = BLOCKS.has(node.tagName);
    if (block) flush();
    if (CELLS.has(node.tagName) && squash(current)) current += ' | ';
    node.childNodes.forEach(walk);
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

/** For HTML embedded in other formats (Markdown blocks). */
export function htmlToParagraphs(html: string): string[] {
  return paragraphs(parseFragment(html));
}

/**
 * One article per file. Text comes from the first <article>, else <main>, else <body>; the
 * title from its <h1> (which then is not repeated in the body), else og:title, else <title>.
 * Metadata from <meta>: article:published_time (else the first <time datetime>), author,
 * og:url (else <link rel=canonical>), article:section, article:tag (else keywords),
 * description / og:description as subtitle, og:site_name as publisher, and `id` / article:id
 * as the id (else the file name, see idFromFileName). The dateline comes from the element of
 * class `dateline` (left out of the body), else <meta name="dateline">.
 */
export const htmlReader: FormatReader = {
  extensions: ['.html', '.htm'],
  read(text, file) {
    const doc = parse(text);
    const meta = new Map<string, string[]>();
    let canonical: string | undefined;
    for (const el of elements(doc)) {
      if (el.tagName === 'link' && attr(el, 'rel')?.toLowerCase().split(/\s+/).includes('canonical'))
        canonical ??= attr(el, 'href');
      if (el.tagName !== 'meta') continue;
      const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop'))?.toLowerCase();
      const content = attr(el, 'content');
      if (!key || content === undefined || !squash(content)) continue;
      meta.set(key, [...(meta.get(key) ?? []), squash(content)]);
    }
    const first = (...keys: string[]) => keys.map((k) => meta.get(k)?.[0]).find((v) => v !== undefined);

    const root = find(doc, 'article') ?? find(doc, 'main') ?? find(doc, 'body') ?? doc;
    const h1 = find(root, 'h1') ?? find(doc, 'h1');
    const headline = h1 ? squash(textOf(h1)) : '';
    const titleEl = find(doc, 'title');
    const title = headline || first('og:title') || (titleEl ? squash(textOf(titleEl)) : '') || null;

    const authors = (meta.get('author') ?? meta.get('article:author') ?? []).filter(
      (a) => !/^https?:\/\//.test(a),
    );
    const time = [...elements(root)].find((el) => el.tagName === 'time' && attr(el, 'datetime'));
    // The byline's dateline, as templates mark it (<p class="dateline">KELMARSH, March 3</p>, or
    // a span in the first paragraph): the place the story was filed from, not story text.
    const datelineEl = [...elements(root)].find((el) =>
      (attr(el, 'class') ?? '').toLowerCase().split(/\s+/).includes('dateline'),
    );
    const dateline =
      (datelineEl ? squash(textOf(datelineEl)).replace(/\s*(?:[-–—]+|\(\w+\)|:)\s*$/u, '') : '') ||
      first('dateline');
    const tags = meta.get('article:tag') ?? (first('keywords') ?? '').split(',').map(squash).filter(Boolean);

    const raw = {
      id: first('id', 'article:id') ?? idFromFileName(file),
      title,
      subtitle: first('description', 'og:description') ?? null,
      body: paragraphs(root, headline ? h1 : undefined, datelineEl).join('\n\n'),
      ...(dateline ? { dateline } : {}),
      ...(authors.length > 1 ? { authors } : { author: authors[0] ?? null }),
      publisher: first('og:site_name') ?? null,
      published: first('article:published_time') ?? (time ? attr(time, 'datetime') : undefined) ?? null,
      url: first('og:url') ?? canonical ?? null,
      section: first('article:section') ?? null,
      tags,
    };
    return { records: [{ file, line: 1, raw }], issues: [] };
  },
};
