import matter from 'gray-matter';
import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { FormatReader } from '../types.js';
import { htmlToParagraphs } from './html.js';
import { idFromFileName } from './text.js';

/**
 * Markdown with YAML front matter, one article per file. The front matter holds the interchange
 * fields (`date` and `description` are accepted for `published` and `subtitle`); the Markdown
 * becomes plain text, one paragraph per block (paragraph, heading, list item, table row, quote
 * paragraph, code block). Emphasis and links keep their text; images, footnote marks and
 * definitions are dropped. Without a `title`, a leading level-1 heading is the title. Without an
 * `id`, the file name is (see idFromFileName).
 */
export const markdownReader: FormatReader = {
  extensions: ['.md', '.markdown'],
  read(text, file) {
    let parsed: matter.GrayMatterFile<string>;
    try {
      // Passing options turns off gray-matter's process-wide cache of parsed inputs.
      parsed = matter(text.replace(/^\ufeff/, ''), {});
    } catch (err) {
      const mark = (err as { mark?: { line?: number } }).mark;
      // gray-matter hands YAML the text from the end of the opening "---", so its line 0 is file line 1.
      const line = typeof mark?.line === 'number' ? mark.line + 1 : 1;
      return {
        records: [],
        issues: [{ file, line, reason: `invalid front matter (${(err as Error).message.split('\n')[0]})` }],
      };
    }
    const data: unknown = parsed.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return {
        records: [],
        issues: [{ file, line: 2, reason: 'front matter must be a mapping of field names to values' }],
      };
    }
    const fields = frontMatterFields(data as Record<string, unknown>, parsed.matter);
    const tree = fromMarkdown(parsed.content, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    if (fields.title == null) {
      const first = tree.children[0];
      if (first?.type === 'heading' && first.depth === 1) {
        fields.title = inlineText(first);
        tree.children.shift();
      }
    }
    fields.id ??= idFromFileName(file);
    fields.body = blocks(tree.children).join('\n\n');
    return { records: [{ file, line: 1, raw: fields }], issues: [] };
  },
};

/**
 * YAML gives bare numbers as numbers and dates as Date objects, silently rolling impossible ones
 * over (2026-13-40 becomes a day in 2027); the schema wants strings, so dates are taken as written.
 */
function frontMatterFields(data: Record<string, unknown>, yaml: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data))
    out[key] = value instanceof Date ? (asWritten(yaml, key) ?? dateString(value)) : value;
  out.published ??= out.date;
  out.subtitle ??= out.description;
  delete out.date;
  delete out.description;
  for (const [key, value] of Object.entries(out)) {
    if (typeof value === 'number') out[key] = String(value);
  }
  if (typeof out.tags === 'string')
    out.tags = out.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  if (Array.isArray(out.tags)) out.tags = out.tags.map((t) => (typeof t === 'number' ? String(t) : t));
  return out;
}

function asWritten(yaml: string, key: string): string | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return yaml
    .match(new RegExp(`^${escaped}[ \\t]*:[ \\t]*(.*?)[ \\t]*$`, 'm'))?.[1]
    ?.replace(/^(['"])(.*)\1$/, '$2');
}

function dateString(d: Date): string {
  if (Number.isNaN(d.getTime())) return 'invalid date';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Hard line breaks end a paragraph, as <br> does in HTML; soft ones are spaces. */
const HARD_BREAK = '\u2029';

function blocks(nodes: RootContent[]): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        out.push(...inlineText(node).split(HARD_BREAK));
        break;
      case 'blockquote':
      case 'footnoteDefinition':
        out.push(...blocks(node.children));
        break;
      case 'list':
        for (const item of node.children) {
          const [own, nested] = [
            item.children.filter((c) => c.type !== 'list'),
            item.children.filter((c) => c.type === 'list'),
          ];
          out.push(blocks(own).join(' '), ...blocks(nested));
        }
        break;
      case 'table':
        for (const row of node.children) out.push(row.children.map((cell) => inlineText(cell)).join(' | '));
        break;
      case 'code':
        out.push(node.value);
        break;
      case 'html':
        out.push(...htmlToParagraphs(node.value));
        break;
      default:
        // thematicBreak, definition and the like carry no article text.
        break;
    }
  }
  return out.map((p) => p.replace(/[ \t]*\n[ \t]*/g, ' ').trim()).filter((p) => p.length > 0);
}

function inlineText(node: Nodes | Root): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return HARD_BREAK;
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
    case 'html':
      return '';
    default:
      return 'children' in node ? (node.children as Nodes[]).map(inlineText).join('') : '';
  }
}
