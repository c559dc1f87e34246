/** What the extract stage yields for one article: its quotes and the entities it mentions. */

import type { SpeakerWeights } from '../extract/quotes/speaker-choice.js';
import type { Article, ArticleEntity, ExtractedQuote } from '../model/documents.js';
import type { InputArticle } from '../model/input.js';

export interface ArticleExtraction {
  quotes: ExtractedQuote[];
  entities: ArticleEntity[];
}

/**
 * What the build learns from the whole archive before it extracts any one article: the quote
 * speaker scorer's weights (src/extract/quotes/archive-weights.ts). Absent: the defaults.
 */
export interface ExtractionContext {
  speakerWeights?: SpeakerWeights;
}

export type Extractor = (article: Article, context?: ExtractionContext) => ArticleExtraction;

/** Articles may carry their own quotes and entities; extraction fills in only what is missing. */
export function carried(input: InputArticle): Partial<ArticleExtraction> {
  const out: Partial<ArticleExtraction> = {};
  if (input.quotes) {
    out.quotes = input.quotes.map((q) => ({
      text: q.text,
      start: q.start,
      end: q.end,
      speaker: q.speaker ?? null,
      speakerSpan: null,
      cue: q.cue ?? null,
    }));
  }
  if (input.entities) {
    out.entities = input.entities.map((e) => ({
      name: e.name,
      kind: e.kind,
      aliases: e.aliases ?? [],
      mentions: e.mentions ?? [],
    }));
  }
  return out;
}

export const noExtraction: Extractor = () => ({ quotes: [], entities: [] });
