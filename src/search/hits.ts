/** Stored documents → the fields a result list shows (bodies stay out of hits). */
import type { Article, Entity, Quote } from '../model/documents.js';
import type { LoadedIndex } from '../index/load.js';

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
  published: string | null;
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
}

export type SearchHit = ArticleHit | QuoteHit | EntityHit;

const SNIPPET_CHARS = 240;

function leadSnippet(body: string): string {
  if (body.length <= SNIPPET_CHARS) return body;
  const cut = body.lastIndexOf(' ', SNIPPET_CHARS);
  return `${body.slice(0, cut > 0 ? cut : SNIPPET_CHARS)}…`;
}

export function articleHit(a: Article, score: number): ArticleHit {
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
    snippet: leadSnippet(a.body),
  };
}

export function quoteHit(q: Quote, score: number, index: LoadedIndex): QuoteHit {
  const article = index.articles[q.articleId];
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
    published: article?.published ?? null,
  };
}

export function entityHit(e: Entity, score: number): EntityHit {
  return {
    type: 'entity',
    id: e.id,
    score,
    name: e.name,
    kind: e.kind,
    aliases: e.aliases,
    mentionCount: e.mentionCount,
    articleCount: e.articleIds.length,
  };
}
