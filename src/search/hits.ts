/**
 * Stored documents → the fields a result list shows, with highlights. Bodies stay out of hits:
 * an article shows a snippet cropped around its best passage.
 */

import type { LoadedIndex } from '../index/load.js';
import type { Article, Entity, Quote } from '../model/documents.js';
import { type Highlighted, highlight, snippet } from './highlight.js';
import { articleAt, quoteAt } from './lookup.js';

export interface ArticleHit {
  type: 'article';
  id: string;
  score: number;
  title: string;
  subtitle: string | null;
  authors: string[];
  publisher: string | null;
  section: string | null;
  tags: string[];
  published: string | null;
  url: string | null;
  snippet: string;
  highlight: { title: Highlighted; snippet: Highlighted };
  /** Matching quotes of this article, best first. */
  quotes?: QuoteHit[];
}

export interface QuoteHit {
  type: 'quote';
  id: string;
  score: number;
  text: string;
  speaker: string | null;
  speakerId: string | null;
  cue: string | null;
  articleId: string;
  articleTitle: string | null;
  articleUrl: string | null;
  published: string | null;
  highlight: { text: Highlighted };
}

export interface EntityHit {
  type: 'entity';
  id: string;
  score: number;
  name: string;
  kind: Entity['kind'];
  aliases: string[];
  mentionCount: number;
  articleCount: number;
  highlight: { name: Highlighted };
}

export type SearchHit = ArticleHit | QuoteHit | EntityHit;

export function articleHit(a: Article, score: number, terms: ReadonlySet<string>): ArticleHit {
  const snip = snippet(a.body, terms);
  return {
    type: 'article',
    id: a.id,
    score,
    title: a.title,
    subtitle: a.subtitle,
    authors: a.authors,
    publisher: a.publisher,
    section: a.section,
    tags: a.tags,
    published: a.published,
    url: a.url,
    snippet: snip.text,
    highlight: { title: highlight(a.title, terms), snippet: { html: snip.html, ranges: snip.ranges } },
  };
}

export function quoteHit(
  index: LoadedIndex,
  doc: number,
  score: number,
  terms: ReadonlySet<string>,
): QuoteHit {
  const q: Quote = quoteAt(index, doc);
  const articleDoc = index.columns.article[doc]!;
  const article = articleDoc >= 0 ? articleAt(index, articleDoc) : undefined;
  return {
    type: 'quote',
    id: q.id,
    score,
    text: q.text,
    speaker: q.speaker,
    speakerId: q.speakerId,
    cue: q.cue,
    articleId: q.articleId,
    articleTitle: article?.title ?? null,
    articleUrl: article?.url ?? null,
    published: article?.published ?? null,
    highlight: { text: highlight(q.text, terms) },
  };
}

export function entityHit(e: Entity, score: number, terms: ReadonlySet<string>): EntityHit {
  return {
    type: 'entity',
    id: e.id,
    score,
    name: e.name,
    kind: e.kind,
    aliases: e.aliases,
    mentionCount: e.mentionCount,
    articleCount: e.articleIds.length,
    highlight: { name: highlight(e.name, terms) },
  };
}
