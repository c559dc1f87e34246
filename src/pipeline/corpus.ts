/**
 * Articles with their per-article extractions → the corpus: entities merged across articles
 * into one id per real-world thing (src/extract/entities/corpus/), quotes numbered and linked to
 * their speaker's entity and to the entities they mention.
 */

import { aboutPlaces } from '../extract/entities/corpus/about.js';
import { type MergedEntities, mergeCorpusEntities } from '../extract/entities/corpus/merge.js';
import { keepSupported } from '../extract/entities/corpus/supported.js';
import { speakerName } from '../extract/quotes/speaker-names.js';
import type { Corpus } from '../model/corpus.js';
import type { Article, ArticleEntity, ExtractedQuote, Quote } from '../model/documents.js';
import { slug } from '../model/slug.js';
import type { ArticleExtraction } from './extraction.js';

export type { MergedEntities };

/**
 * The person (or organisation) a quote's speaker is, as a corpus id, or null when it cannot be
 * told. The span of the name the speaker resolves to, where extraction gives one, decides: the
 * mention cluster that holds it is the entity. Otherwise the speaker as written is looked up
 * among the article's entities ("Dr. Jane Roe, the study's lead author" by the bare name once
 * roles and appositives go). A one-word name that is no one person surely is null, never a guess,
 * and so is a place.
 */
export function speakerId(
  merged: MergedEntities,
  articleId: string,
  quote: Pick<ExtractedQuote, 'speaker'> & { speakerSpan?: [number, number] | null },
): string | null {
  const id = speakerEntity(merged, articleId, quote);
  // People and organisations speak; a place named where the speaker was expected is a misreading.
  return id && merged.kindOf(id) !== 'place' ? id : null;
}

function speakerEntity(
  merged: MergedEntities,
  articleId: string,
  quote: Pick<ExtractedQuote, 'speaker'> & { speakerSpan?: [number, number] | null },
): string | null {
  const span = quote.speakerSpan;
  if (span) {
    const at = merged.entityAt(articleId, span[0], span[1]);
    if (at) return merged.isFragment(at) ? null : at;
  }
  const speaker = quote.speaker;
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

/** Corpus ids of the places an article is about, each with its country where that is a place of the archive. */
function placesAbout(
  merged: MergedEntities,
  entities: ArticleEntity[],
  ids: string[],
  length: number,
): string[] {
  const out = new Set<string>();
  for (const at of aboutPlaces(entities, length)) {
    const id = ids[at];
    if (!id || merged.kindOf(id) !== 'place') continue;
    out.add(id);
    const country = entities[at]!.country;
    const countryId = country ? `place-${slug(country.name)}` : null;
    if (countryId && merged.kindOf(countryId) === 'place') out.add(countryId);
  }
  return [...out];
}

/** The corpus, and the merge it was made with (each article entity's corpus id). */
export interface AssembledCorpus {
  corpus: Corpus;
  merged: MergedEntities;
}

export function assembleCorpus(items: ExtractedArticle[]): AssembledCorpus {
  // People without evidence that the archive does not support leave the article's entities, so
  // that every later reader (ids, quotes, extract lines) sees one list.
  const kept = keepSupported(
    items.map((i) => ({ articleId: i.article.id, entities: i.extraction.entities })),
  );
  kept.forEach(({ entities }, at) => {
    const item = items[at]!;
    if (entities !== item.extraction.entities) item.extraction = { ...item.extraction, entities };
  });
  const merged = mergeCorpusEntities(kept);
  const quotes: Quote[] = [];
  for (const { article, extraction } of items) {
    const ids = merged.idsOf(article.id);
    const about = placesAbout(merged, extraction.entities, ids, article.body.length);
    if (about.length) article.about = about;
    else delete article.about;
    const ordered = [...extraction.quotes].sort((a, b) => a.start - b.start);
    ordered.forEach((q, i) => {
      const inQuote = extraction.entities
        .map((e, at) => (e.mentions.some(([s, end]) => s >= q.start && end <= q.end) ? ids[at] : undefined))
        .filter((id): id is string => id !== undefined);
      quotes.push({
        id: `${article.id}#q${i + 1}`,
        articleId: article.id,
        text: q.text,
        speaker: q.speaker,
        speakerId: speakerId(merged, article.id, q),
        cue: q.cue,
        start: q.start,
        end: q.end,
        entityIds: [...new Set(inQuote)],
      });
    });
  }
  return { corpus: { articles: items.map((i) => i.article), quotes, entities: merged.entities }, merged };
}
