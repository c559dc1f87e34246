/** Input record → Article: the one place where optional and loosely-typed input gets its defaults. */
import type { Article } from '../model/documents.js';
import type { InputArticle } from '../model/input.js';
import { type NormalizedBody, normalizeBody, normalizeLine } from './normalize-text.js';

/** "By MARK LANDLER and NOAH WEILAND" → ["MARK LANDLER", "NOAH WEILAND"] */
export function splitAuthors(byline: string): string[] {
  return byline
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:,|;|\band\b|&)\s*/i)
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
}

/** Wire stories can lack a headline; the first sentence of the body stands in for it. */
export function fallbackTitle(body: string): string {
  const first = body.split(/\n\n/, 1)[0] ?? body;
  const sentence = first.match(/^.{20,}?[.!?](?=\s|$)/)?.[0] ?? first;
  return sentence.length > 120 ? `${sentence.slice(0, sentence.lastIndexOf(' ', 117))}…` : sentence;
}

function clean(value: string | null | undefined): string | null {
  const normalized = value ? normalizeLine(value) : '';
  return normalized ? normalized : null;
}

/** Only web links are kept: a javascript: or data: URL would run in a reader's browser when followed. */
function webUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** Quotes and entities given with the input point into its body as given, so it stays as given. */
function carriesOffsets(input: InputArticle): boolean {
  return Boolean(input.quotes?.length || input.entities?.some((e) => e.mentions?.length));
}

export interface NormalizedArticle {
  article: Article;
  /** Maps an offset in `article.body` back to the body as given in the input. */
  toInput: NormalizedBody['toInput'];
}

export function normalizeArticle(input: InputArticle): NormalizedArticle {
  const authors =
    input.authors?.map(normalizeLine).filter(Boolean) ??
    (input.author ? splitAuthors(normalizeLine(input.author)) : []);
  const normalized: Pick<NormalizedBody, 'text' | 'toInput'> = carriesOffsets(input)
    ? { text: input.body, toInput: (offset) => offset }
    : normalizeBody(input.body);
  const body = normalized.text;
  const article: Article = {
    id: input.id.trim(),
    title: clean(input.title) ?? fallbackTitle(body),
    subtitle: clean(input.subtitle),
    body,
    authors,
    publisher: clean(input.publisher),
    section: clean(input.section),
    tags: [...new Set((input.tags ?? []).map(normalizeLine).filter(Boolean))],
    published: clean(input.published),
    url: webUrl(clean(input.url)),
  };
  const dateline = clean(input.dateline);
  if (dateline) article.dateline = dateline;
  return { article, toInput: normalized.toInput };
}

export function toArticle(input: InputArticle): Article {
  return normalizeArticle(input).article;
}
