/**
 * A base version and its pending updates, served as one index: the base with the documents the
 * updates replaced or deleted hidden, and a small in-memory index of the updated articles (their
 * quotes and entities), both scored with the statistics of the corpus they make together and
 * merged as shards are (src/shard/engine.ts, with the segments as shards: ./clients.ts). Which
 * statistics are exact, and the bound on the others until the next compaction: docs/live-updates.md
 * › Scores.
 */

import { TYPE_CODE } from '../index/columns.js';
import { toIndexDocs } from '../index/index-docs.js';
import { invert } from '../index/invert.js';
import type { LiveStats, LoadedIndex } from '../index/load.js';
import { memorySource } from '../index/memory-source.js';
import { SEARCH_FIELDS } from '../index/options.js';
import { serializeIndex } from '../index/serialize.js';
import type { Corpus } from '../model/corpus.js';
import type { Article, Entity, Quote } from '../model/documents.js';
import { assembleCorpus } from '../pipeline/corpus.js';
import { carried } from '../pipeline/extraction.js';
import { normalizeArticle } from '../pipeline/normalize.js';
import type { SearchEngine } from '../search/engine.js';
import { storedById } from '../search/lookup.js';
import { suggest } from '../search/suggest.js';
import { shardedEngine } from '../shard/engine.js';
import { loadVersion } from '../store/versions.js';
import { segmentClients, segmentsManifest } from './clients.js';
import type { Entry } from './log.js';

const FIELDS = SEARCH_FIELDS.length;
const { article: ARTICLE, quote: QUOTE } = TYPE_CODE;

/** Per term, the documents holding it in each field, over some documents. */
function documentFrequencies(corpus: Corpus): Map<string, number[]> {
  const out = new Map<string, number[]>();
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

export interface Segments {
  engine: SearchEngine;
  base: LoadedIndex;
  delta: LoadedIndex;
}

/**
 * The base and the updates `entries` (one per article id, the latest) as one engine. `seq`
 * names the state: it goes into the version and the content hash the answers carry (X-Index-Version, ETag).
 */
export async function segmented(base: LoadedIndex, entries: Entry[], seq: number): Promise<Segments> {
  const touched = new Set(entries.map((e) => e.id));
  // The base's copies of every touched article and of its quotes.
  const hiddenBase = new Uint8Array(base.docs.count);
  const hiddenDocs: { articles: Article[]; quotes: Quote[] } = { articles: [], quotes: [] };
  const touchedDocs = new Set<number>();
  for (const id of touched) {
    const doc = base.docs.find('article', id);
    if (doc !== undefined) touchedDocs.add(doc);
  }
  if (touchedDocs.size > 0) {
    const { type, article } = base.columns;
    for (let doc = 0; doc < base.docs.count; doc++) {
      if (!touchedDocs.has(article[doc]!)) continue;
      if (type[doc] !== ARTICLE && type[doc] !== QUOTE) continue;
      hiddenBase[doc] = 1;
      const stored = base.docs.get(doc);
      if (type[doc] === ARTICLE) hiddenDocs.articles.push(stored as Article);
      else hiddenDocs.quotes.push(stored as Quote);
    }
  }
  const corpus = updatesCorpus(entries);
  const serialized = await serializeIndex(corpus, { sources: [], skipped: 0, builtAt: new Date(0) });
  const loaded = await loadVersion(memorySource(serialized), { manifest: serialized.manifest });
  // An entity the base already has is searched there: the update's copy only names it.
  const hiddenDelta = new Uint8Array(loaded.docs.count);
  const known: Entity[] = [];
  const firstEntity = corpus.articles.length + corpus.quotes.length;
  corpus.entities.forEach((e, i) => {
    if (base.docs.find('entity', e.id) !== undefined) {
      hiddenDelta[firstEntity + i] = 1;
      known.push(e);
    }
  });

  const minusBase = documentFrequencies({ ...hiddenDocs, entities: [] });
  const minusDelta = documentFrequencies({ articles: [], quotes: [], entities: known });
  const hiddenCount = hiddenDocs.articles.length + hiddenDocs.quotes.length;
  const documents = base.totalDocuments - hiddenCount + loaded.docs.count - known.length;
  const avgFieldLength = appendedAverages(base, loaded, hiddenDelta);

  const dfIn = (index: LoadedIndex, term: string, field: number): number => {
    const i = index.terms.indexOf(term);
    return i < 0 ? 0 : (index.terms.postings(i)[field]?.df ?? 0);
  };
  // df(term, field) over the base less what it hides plus the visible updates. Scoring one
  // segment decodes that segment's count (`own`); the rest is computed once per term and state.
  const statsFor = (index: LoadedIndex, other: LoadedIndex): LiveStats => {
    const rest = new Map<number, number[]>();
    return {
      documents,
      avgFieldLength,
      df: (term, field, own) => {
        let row = rest.get(term);
        if (!row) {
          const t = index.terms.terms[term]!;
          row = Array.from(
            { length: FIELDS },
            (_, f) => dfIn(other, t, f) - (minusBase.get(t)?.[f] ?? 0) - (minusDelta.get(t)?.[f] ?? 0),
          );
          rest.set(term, row);
        }
        return own + row[field]!;
      },
    };
  };
  const liveBase: LoadedIndex = { ...base, hidden: hiddenBase, liveStats: statsFor(base, loaded) };
  const delta: LoadedIndex = {
    ...loaded,
    // After the base's documents: ties in score list the base's first, as a rebuild that appends would.
    globalDocs: Uint32Array.from({ length: loaded.docs.count }, (_, i) => base.totalDocuments + i),
    totalDocuments: documents,
    hidden: hiddenDelta,
    liveStats: statsFor(loaded, base),
  };

  const manifest = {
    ...base.manifest,
    version: `${base.manifest.version}+${seq}`,
    // The ETag is cut from the content hash: a new state of the updates is another answer.
    contentHash: `${base.manifest.contentHash.slice(0, 20)}${seq.toString(16).padStart(12, '0')}`,
    counts: {
      article: base.manifest.counts.article - hiddenDocs.articles.length + corpus.articles.length,
      quote: base.manifest.counts.quote - hiddenDocs.quotes.length + corpus.quotes.length,
      entity: base.manifest.counts.entity + corpus.entities.length - known.length,
    },
  };
  const engine: SearchEngine = {
    ...shardedEngine(segmentsManifest(manifest), segmentClients(liveBase, delta)),
    manifest,
    // A document is the update's when there is one; the base hides the ones replaced or deleted.
    document: async (type, id) => storedById(delta, type, id) ?? storedById(liveBase, type, id) ?? null,
    // Suggestions come from the base's lexicon and entities until the next compaction.
    suggest: async (q, limit) => suggest(liveBase, q, limit),
  };
  return { engine, base: liveBase, delta };
}

/**
 * Field-length averages as MiniSearch's running average gives them when the updates' documents
 * are added after the base's. Deleted documents are not taken out: that running average cannot
 * be undone exactly (it depends on the order of additions), which is the bound docs/live-updates.md states.
 */
function appendedAverages(base: LoadedIndex, delta: LoadedIndex, hidden: Uint8Array): number[] {
  const avg = [...base.avgFieldLength];
  let n = base.totalDocuments;
  for (let doc = 0; doc < delta.docs.count; doc++) {
    if (hidden[doc]) continue;
    for (let f = 0; f < FIELDS; f++) {
      const len = delta.fieldLengths[doc * FIELDS + f]!;
      if (len > 0) avg[f] = ((avg[f] ?? 0) * n + len) / (n + 1);
    }
    n++;
  }
  return avg;
}
