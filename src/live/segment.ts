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
import { invertPausing } from '../index/invert.js';
import type { LoadedIndex } from '../index/load.js';
import { memorySource } from '../index/memory-source.js';
import { invertCorpus, serializeIndex } from '../index/serialize.js';
import type { Corpus } from '../model/corpus.js';
import { assembleCorpus } from '../pipeline/corpus.js';
import { carried } from '../pipeline/extraction.js';
import { normalizeArticle } from '../pipeline/normalize.js';
import { loadVersion } from '../store/versions.js';
import type { Entry } from './log.js';

const { article: ARTICLE, quote: QUOTE, entity: ENTITY } = TYPE_CODE;

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
  const docs = toIndexDocs(corpus);
  const inverted = invertCorpus(corpus, docs, await invertPausing(docs, pause));
  await pause();
  const serialized = await serializeIndex(
    corpus,
    { sources: [], skipped: 0, builtAt: new Date(0) },
    inverted,
  );
  await pause();
  const index = await loadVersion(memorySource(serialized), { manifest: serialized.manifest });
  const first = corpus.articles.length + corpus.quotes.length;
  return {
    index,
    seqs: new Map(entries.map((e) => [e.id, e.seq])),
    entities: corpus.entities.map((e, i) => ({ doc: first + i, id: e.id, articleIds: e.articleIds })),
  };
}

/** Documents hidden in one index: a replaced or deleted article and its quotes, an entity shown elsewhere. */
export interface Hiding {
  /** 1: hidden, per document number. */
  flags: Uint8Array;
  articles: number;
  quotes: number;
  entities: number;
}

/**
 * Hides in `index` the articles `ids` with their quotes, and the entity documents `entityDocs`,
 * on top of `from` (not changed). Cost: one pass over the index's type column.
 */
export function hide(
  index: LoadedIndex,
  ids: Iterable<string>,
  entityDocs: number[] = [],
  from?: Hiding,
): Hiding {
  const out: Hiding = from
    ? { ...from, flags: from.flags.slice() }
    : { flags: new Uint8Array(index.docs.count), articles: 0, quotes: 0, entities: 0 };
  const { flags } = out;
  const articleDocs = new Set<number>();
  for (const id of ids) {
    const doc = index.docs.find('article', id);
    if (doc !== undefined && !flags[doc]) articleDocs.add(doc);
  }
  const { type, article } = index.columns;
  if (articleDocs.size > 0) {
    for (let doc = 0; doc < index.docs.count; doc++) {
      if (flags[doc] || !articleDocs.has(article[doc]!)) continue;
      if (type[doc] === ARTICLE) out.articles++;
      else if (type[doc] === QUOTE) out.quotes++;
      else continue;
      flags[doc] = 1;
    }
  }
  for (const doc of entityDocs) {
    if (flags[doc] || type[doc] !== ENTITY) continue;
    flags[doc] = 1;
    out.entities++;
  }
  return out;
}

/** Documents holding term `term` in field `field` that `flags` hides (its postings decoded). */
export function hiddenHolding(index: LoadedIndex, flags: Uint8Array, term: number, field: number): number {
  const docs = index.terms.postings(term)[field]?.docs;
  let n = 0;
  if (docs) for (let i = 0; i < docs.length; i++) n += flags[docs[i]!]!;
  return n;
}
