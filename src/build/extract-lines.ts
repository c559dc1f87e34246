/**
 * What `npm run extract` prints for each article: its quotes and entities with offsets into the
 * body as given in the input (mapped back through normalization), each entity under the corpus id
 * the index stores it under, each quote with the speaker id the index gives it. Both come from the
 * one corpus merge the build makes, so the ids printed are the index's ids; `about` is the
 * article's field as the index stores it (the places it is about, with their countries).
 */
import type { CountryRef, EntityKind } from '../model/documents.js';
import type { MergedEntities } from '../pipeline/corpus.js';
import type { PreparedArticle } from './build.js';

export interface ExtractLine {
  id: string;
  quotes: Array<{
    text: string;
    start: number;
    end: number;
    speaker: string | null;
    speakerId: string | null;
    cue: string | null;
  }>;
  entities: Array<{
    id: string;
    name: string;
    kind: EntityKind;
    aliases: string[];
    mentions: Array<[number, number]>;
    roles?: string[];
    country?: CountryRef;
  }>;
  about?: string[];
}

export function extractLines(
  items: PreparedArticle[],
  corpus: { quotes: Array<{ articleId: string; start: number; end: number; speakerId: string | null }> },
  merged: MergedEntities,
): ExtractLine[] {
  // The kind an id stands for: the archive's kind vote may have re-kinded the article's reading.
  const kindOf = new Map(merged.entities.map((e) => [e.id, e.kind]));
  const speakerIds = new Map(corpus.quotes.map((q) => [`${q.articleId}:${q.start}:${q.end}`, q.speakerId]));
  return items.map(({ article, toInput, inputBody, extraction }) => {
    const span = (start: number, end: number): [number, number] => [
      toInput(start, 'start'),
      toInput(end, 'end'),
    ];
    const ids = merged.idsOf(article.id);
    return {
      id: article.id,
      quotes: extraction.quotes.map((q) => {
        const [start, end] = span(q.start, q.end);
        return {
          text: inputBody.slice(start, end),
          start,
          end,
          speaker: q.speaker,
          speakerId: speakerIds.get(`${article.id}:${q.start}:${q.end}`) ?? null,
          cue: q.cue,
        };
      }),
      entities: extraction.entities.map((e, at) => ({
        id: ids[at]!,
        name: e.name,
        kind: kindOf.get(ids[at]!) ?? e.kind,
        aliases: e.aliases,
        mentions: e.mentions.map(([s, t]) => span(s, t)),
        ...(e.roles ? { roles: e.roles } : {}),
        ...(e.country ? { country: e.country } : {}),
      })),
      ...(article.about?.length ? { about: article.about } : {}),
    };
  });
}
