import type { Article, Entity, Quote } from './documents.js';

/** Everything one index holds: the output of the pipeline, the input of the index writer. */
export interface Corpus {
  articles: Article[];
  quotes: Quote[];
  entities: Entity[];
}
