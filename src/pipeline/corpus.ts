/**
 * Articles with their per-article extractions → the corpus: quotes get ids and speaker links,
 * entities are merged across articles into one id per kind and name.
 */
import type { Article, ArticleEntity, Entity, Quote } from '../model/documents.js';
import type { Corpus } from '../model/corpus.js';
import { slugify } from '../index/slug.js';
import type { ArticleExtraction } from './extraction.js';

export interface ExtractedArticle {
  article: Article;
  extraction: ArticleExtraction;
}

export function entityId(kind: Entity['kind'], name: string): string {
  return `${kind}-${slugify(name)}`;
}

/** The speaker "Kremlin spokesman Dmitry Peskov" or "Peskov" → the person entity it names. */
function speakerEntity(speaker: string, entities: ArticleEntity[]): ArticleEntity | undefined {
  const people = entities.filter((e) => e.kind === 'person');
  return (
    people.find((e) => e.name === speaker || e.aliases.includes(speaker)) ??
    people.find((e) => speaker.endsWith(e.name)) ??
    people.find((e) => e.aliases.some((a) => a.length > 2 && speaker.endsWith(a)))
  );
}

export function assembleCorpus(items: ExtractedArticle[]): Corpus {
  const entities = new Map<string, Entity>();
  const quotes: Quote[] = [];
  for (const { article, extraction } of items) {
    for (const e of extraction.entities) {
      const id = entityId(e.kind, e.name);
      const merged = entities.get(id) ?? { id, name: e.name, kind: e.kind, aliases: [], mentionCount: 0, articleIds: [] };
      for (const alias of e.aliases) if (alias !== merged.name && !merged.aliases.includes(alias)) merged.aliases.push(alias);
      merged.mentionCount += Math.max(1, e.mentions.length);
      if (!merged.articleIds.includes(article.id)) merged.articleIds.push(article.id);
      entities.set(id, merged);
    }
    const ordered = [...extraction.quotes].sort((a, b) => a.start - b.start);
    ordered.forEach((q, i) => {
      const speaker = q.speaker ? speakerEntity(q.speaker, extraction.entities) : undefined;
      quotes.push({
        id: `${article.id}#q${i + 1}`,
        articleId: article.id,
        text: q.text,
        speaker: q.speaker,
        speakerId: speaker ? entityId(speaker.kind, speaker.name) : null,
        cue: q.cue,
        start: q.start,
        end: q.end,
        entityIds: extraction.entities
          .filter((e) => e.mentions.some(([s, end]) => s >= q.start && end <= q.end))
          .map((e) => entityId(e.kind, e.name)),
      });
    });
  }
  return { articles: items.map((i) => i.article), quotes, entities: [...entities.values()] };
}
