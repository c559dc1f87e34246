/**
 * One segment of pending updates: some entries of the live log (./log.ts) built into a small
 * in-memory index with the build's own code (normalizing, corpus assembly, inversion and
 * serialization, as `build-index` does), with what the serving side needs to know of it: which
 * update of each article it holds, and which articles mention each of its entities. A segment is
 * built once and never changes; a later update of one of its articles hides that article in it
 * (./compose.ts). How the segments are chosen: ./served.ts.
 */

import { TYPE_CODE } from '../index/columns.js';
import { toIndexDocs } from '../index/index-docs.js';
import { invert } from '../index/invert.js';
import type { LoadedIndex } from '../index/load.js';
import { memorySource } from '../index/memory-source.js';
import { SEARCH_FIELDS } from '../index/options.js';
import { serializeIndex } from '../index/serialize.js';
import type { Corpus } from '../model/corpus.js';
import type { Article, Entity, Quote } from '../model/documents.js';
import { assembleCorpus } from '../pipeline/corpus.js';
import { carried } from '../pipeline/extraction.js';
import { normalizeArticle } from '../pipeline/normalize.js';
import { loadVersion } from '../store/versions.js';
import type { Entry } from './log.js';

const FIELDS = SEARCH_FIELDS.length;
const { article: ARTICLE, quote: QUOTE, entity: ENTITY } = TYPE_CODE;

/** Per term, the documents holding it in each field (SEARCH_FIELDS order), over some documents. */
export type Frequencies = Map<string, number[]>;

export function documentFrequencies(corpus: Corpus): Frequencies {
  const out: Frequencies = new Map();
  if (corpus.articles.length + corpus.quotes.length + corpus.entities.length === 0) return out;
  for (const [term, data] of invert(toIndexDocs(corpus)).entries) {
    out.set(
      term,
      Array.from({ length: FIELDS }, (_, f) => (data[f] ? data[f]!.length / 2 : 0)),
    );
  }
  return out;
}

/** The pending updates as a corpus: the latest version of each article put, its extraction as published. */
export function updatesCorpus(entries: Entry[]): Corpus {
  return assembleCorpus(
    entries.flatMap((e) => {
      if (e.op !== 'put') return [];
      const given = carried(e.article);
      return [
        {
          article: normalizeArticle(e.article).article,
          extraction: { quotes: given.quotes ?? [], entities: given.entities ?? [] },
        },
      ];
    }),
  ).corpus;
}

export interface UpdateSegment {
  index: LoadedIndex;
  /** The update of each article this segment holds (puts and deletions): a later one hides it here. */
  seqs: Map<string, number>;
  /** Its entity documents, with the articles (of this segment) that mention each. */
  entities: Array<{ doc: number; id: string; articleIds: string[] }>;
}

/** Lets waiting requests run between the stages of a long build (see ./served.ts). */
export type Pause = () => Promise<void>;
const noPause: Pause = async () => {};

/** The entries (one per article, any order) built into one segment. */
export async function buildSegment(entries: Entry[], pause: Pause = noPause): Promise<UpdateSegment> {
  const corpus = updatesCorpus(entries);
  await pause();
  const serialized = await serializeIndex(corpus, { sources: [], skipped: 0, builtAt: new Date(0) });
  await pause();
  const index = await loadVersion(memorySource(serialized), { manifest: serialized.manifest });
  const first = corpus.articles.length + corpus.quotes.length;
  return {
    index,
    seqs: new Map(entries.map((e) => [e.id, e.seq])),
    entities: corpus.entities.map((e, i) => ({ doc: first + i, id: e.id, articleIds: e.articleIds })),
  };
}

/** What hiding some documents of an index takes away from it. */
export interface Hiding {
  /** Documents hidden (1), per document number. */
  flags: Uint8Array;
  articles: number;
  quotes: number;
  entities: number;
  /** The hidden documents' frequencies (their stored text inverted again), in parts to add up. */
  minus: Frequencies[];
}

/**
 * Hides in `index` the articles `ids` with their quotes, and the entity documents `entityDocs`,
 * on top of `from` (not changed). Cost: one pass over the index's type column, and inverting the
 * documents newly hidden.
 */
export function hide(
  index: LoadedIndex,
  ids: Iterable<string>,
  entityDocs: number[] = [],
  from?: Hiding,
): Hiding {
  const flags = from ? from.flags.slice() : new Uint8Array(index.docs.count);
  const gone: { articles: Article[]; quotes: Quote[]; entities: Entity[] } = {
    articles: [],
    quotes: [],
    entities: [],
  };
  const articleDocs = new Set<number>();
  for (const id of ids) {
    const doc = index.docs.find('article', id);
    if (doc !== undefined && !flags[doc]) articleDocs.add(doc);
  }
  if (articleDocs.size > 0) {
    const { type, article } = index.columns;
    for (let doc = 0; doc < index.docs.count; doc++) {
      if (!articleDocs.has(article[doc]!) || flags[doc]) continue;
      if (type[doc] !== ARTICLE && type[doc] !== QUOTE) continue;
      flags[doc] = 1;
      if (type[doc] === ARTICLE) gone.articles.push(index.docs.get(doc) as Article);
      else gone.quotes.push(index.docs.get(doc) as Quote);
    }
  }
  for (const doc of entityDocs) {
    if (flags[doc] || index.columns.type[doc] !== ENTITY) continue;
    flags[doc] = 1;
    gone.entities.push(index.docs.get(doc) as Entity);
  }
  const minus = documentFrequencies(gone);
  return {
    flags,
    articles: (from?.articles ?? 0) + gone.articles.length,
    quotes: (from?.quotes ?? 0) + gone.quotes.length,
    entities: (from?.entities ?? 0) + gone.entities.length,
    minus: minus.size > 0 ? [...(from?.minus ?? []), minus] : (from?.minus ?? []),
  };
}
