/** Input record → Article: the one place where optional and loosely-typed input gets its defaults. */
import type { Article } from '../model/documents.js';
import type { InputArticle } from '../model/input.js';

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
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function toArticle(input: InputArticle): Article {
  const authors = input.authors?.map((a) => a.trim()).filter(Boolean) ?? (input.author ? splitAuthors(input.author) : []);
  return {
    id: input.id.trim(),
    title: clean(input.title) ?? fallbackTitle(input.body),
    subtitle: clean(input.subtitle),
    body: input.body,
    authors,
    publisher: clean(input.publisher),
    section: clean(input.section),
    tags: [...new Set((input.tags ?? []).map((t) => t.trim()).filter(Boolean))],
    published: clean(input.published),
    url: clean(input.url),
  };
}
