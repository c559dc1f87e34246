/**
 * Articles with their per-article extractions → the corpus: entities merged across articles
 * into one id per real-world name, quotes numbered and linked to their speaker's entity and to
 * the entities they mention.
 */

import { type MergedEntities, mergeCorpusEntities } from '../extract/entities/corpus-merge.js';
import { speakerName } from '../extract/quotes/speaker-names.js';
import type { Corpus } from '../model/corpus.js';
import type { Article, Quote } from '../model/documents.js';
import type { ArticleExtraction } from './extraction.js';

/**
 * The entity a speaker as written refers to; "Dr. Jane Roe, the study's lead author" resolves
 * by the bare name once roles and appositives go.
 */
export function speakerId(merged: MergedEntities, articleId: string, speaker: string | null): string | null {
  if (!speaker) return null;
  const direct = merged.resolve(articleId, speaker);
  if (direct) return direct;
  const name = speakerName(speaker);
  return name && name !== speaker ? merged.resolve(articleId, name) : null;
}

export interface ExtractedArticle {
  article: Article;
  extraction: ArticleExtraction;
}

export function assembleCorpus(items: ExtractedArticle[]): Corpus {
  const merged = mergeCorpusEntities(
    items.map((i) => ({ articleId: i.article.id, entities: i.extraction.entities })),
  );
  const quotes: Quote[] = [];
  for (const { article, extraction } of items) {
    const ordered = [...extraction.quotes].sort((a, b) => a.start - b.start);
    ordered.forEach((q, i) => {
      const about = extraction.entities
        .filter((e) => e.mentions.some(([s, end]) => s >= q.start && end <= q.end))
        .map((e) => merged.resolve(article.id, e.name))
        .filter((id): id is string => id !== null);
      quotes.push({
        id: `${article.id}#q${i + 1}`,
        articleId: article.id,
        text: q.text,
        speaker: q.speaker,
        speakerId: speakerId(merged, article.id, q.speaker),
        cue: q.cue,
        start: q.start,
        end: q.end,
        entityIds: [...new Set(about)],
      });
    });
  }
  return { articles: items.map((i) => i.article), quotes, entities: merged.entities };
}
