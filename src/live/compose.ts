/**
 * A base version and its pending updates, served as one index. The updates are two segments
 * (./segment.ts): a large one, built rarely from every update pending at the time, and a small
 * one, built on every change from the updates since. The newest copy of an article wins: the
 * base hides every article either segment holds, the large segment hides every article updated
 * (or deleted) since it was built, and each hides its articles' quotes with them. All three are
 * scored with the statistics of the corpus they make together and merged as shards are
 * (src/shard/engine.ts, with the segments as shards: ./clients.ts). Which statistics are exact,
 * and the bound on the others until the next compaction: docs/live-updates.md › Scores.
 *
 * What the large segment hides in the base is worked out once per large segment (a Layer); each
 * change adds only what the small segment hides, so its cost follows the small segment's size.
 */

import type { LiveStats, LoadedIndex } from '../index/load.js';
import { SEARCH_FIELDS } from '../index/options.js';
import type { SearchEngine } from '../search/engine.js';
import { storedById } from '../search/lookup.js';
import { suggest } from '../search/suggest.js';
import { shardedEngine } from '../shard/engine.js';
import { segmentClients, segmentsManifest } from './clients.js';
import type { Entry, Head } from './log.js';
import { buildSegment, type Hiding, hiddenHolding, hide, type UpdateSegment } from './segment.js';

const FIELDS = SEARCH_FIELDS.length;

/** The base with a large segment, and what that segment hides in the base: built once per large segment. */
export interface Layer {
  base: LoadedIndex;
  large: UpdateSegment;
  /** In the base: every article the large segment holds (put or deleted), with its quotes. */
  baseHiding: Hiding;
  /** In the large segment: its copies of entities the base holds (the base's document stands). */
  largeHiding: Hiding;
}

const knownIn = (index: LoadedIndex, segment: UpdateSegment) =>
  segment.entities.filter((e) => index.docs.find('entity', e.id) !== undefined).map((e) => e.doc);

export function layerOf(base: LoadedIndex, large: UpdateSegment): Layer {
  return {
    base,
    large,
    baseHiding: hide(base, large.seqs.keys()),
    largeHiding: hide(large.index, [], knownIn(base, large)),
  };
}

export interface Segments {
  engine: SearchEngine;
  /** The base, then the update segments that hold documents, oldest first, as served (hidden, liveStats). */
  indexes: LoadedIndex[];
}

/**
 * The layer and the small segment as one engine, for the head `head` (its entries: the latest
 * update of each pending article). `seq` names the state: it goes into the version and the
 * content hash the answers carry (X-Index-Version, ETag).
 */
export function compose(layer: Layer, small: UpdateSegment, head: Head['entries'], seq: number): Segments {
  const { base, large } = layer;
  const latest = (id: string) => head[id]?.seq;
  const stale = (segment: UpdateSegment) =>
    [...segment.seqs].flatMap(([id, s]) => (latest(id) === s ? [] : [id]));

  // The base: also the articles first updated after the large segment was built.
  const newIds = [...small.seqs.keys()].filter((id) => !large.seqs.has(id));
  const baseHiding = newIds.length ? hide(base, newIds, [], layer.baseHiding) : layer.baseHiding;
  // The large segment: articles updated or deleted since, and entities the small segment now
  // holds or that no article still shown there mentions (a rebuild would not have them).
  const largeStale = new Set(stale(large));
  const shadowed = large.entities
    .filter(
      (e) =>
        !layer.largeHiding.flags[e.doc] &&
        (small.index.docs.find('entity', e.id) !== undefined || e.articleIds.every((a) => largeStale.has(a))),
    )
    .map((e) => e.doc);
  const largeHiding =
    largeStale.size || shadowed.length
      ? hide(large.index, largeStale, shadowed, layer.largeHiding)
      : layer.largeHiding;
  const smallHiding = hide(small.index, stale(small), knownIn(base, small));

  const parts = [
    { index: base, hiding: baseHiding },
    { index: large.index, hiding: largeHiding },
    { index: small.index, hiding: smallHiding },
  ].filter((p, i) => i === 0 || p.index.docs.count > 0);
  const shown = (p: (typeof parts)[number]) =>
    p.index.docs.count - p.hiding.articles - p.hiding.quotes - p.hiding.entities;
  const documents = parts.reduce((n, p) => n + shown(p), 0);
  const avgFieldLength = appendedAverages(
    base,
    parts.slice(1).map((p) => ({ index: p.index, hidden: p.hiding.flags })),
  );

  // Documents of `p` holding term `t` in field `f` that it shows.
  const shownHolding = (p: (typeof parts)[number], t: string, f: number): number => {
    const i = p.index.terms.indexOf(t);
    if (i < 0) return 0;
    const df = p.index.terms.postings(i)[f]?.df ?? 0;
    return df && df - hiddenHolding(p.index, p.hiding.flags, i, f);
  };
  // df(term, field) over every segment, hidden documents left out (counted in the postings).
  // Scoring one segment decodes that segment's count (`own`); the rest is computed once per term and state.
  const statsFor = (own: (typeof parts)[number]): LiveStats => {
    const rest = new Map<number, number[]>();
    const others = parts.filter((p) => p !== own);
    return {
      documents,
      avgFieldLength,
      df: (term, field, count) => {
        let row = rest.get(term);
        if (!row) {
          const t = own.index.terms.terms[term]!;
          row = Array.from({ length: FIELDS }, (_, f) => {
            let n = -hiddenHolding(own.index, own.hiding.flags, term, f);
            for (const o of others) n += shownHolding(o, t, f);
            return n;
          });
          rest.set(term, row);
        }
        return count + row[field]!;
      },
    };
  };
  let offset = 0;
  const indexes = parts.map((p, i): LoadedIndex => {
    const at = offset;
    offset += i === 0 ? base.totalDocuments : p.index.docs.count;
    return {
      ...p.index,
      // After the documents of older segments: ties in score list older documents first, as a rebuild that appends would.
      ...(i === 0 ? {} : { globalDocs: Uint32Array.from({ length: p.index.docs.count }, (_, d) => at + d) }),
      totalDocuments: i === 0 ? p.index.totalDocuments : documents,
      hidden: p.hiding.flags,
      liveStats: statsFor(p),
    };
  });

  const count = (type: 'article' | 'quote' | 'entity') =>
    parts.reduce(
      (n, p) =>
        n +
        p.index.manifest.counts[type] -
        p.hiding[type === 'article' ? 'articles' : type === 'quote' ? 'quotes' : 'entities'],
      0,
    );
  const manifest = {
    ...base.manifest,
    version: `${base.manifest.version}+${seq}`,
    // The ETag is cut from the content hash: a new state of the updates is another answer.
    contentHash: `${base.manifest.contentHash.slice(0, 20)}${seq.toString(16).padStart(12, '0')}`,
    counts: { article: count('article'), quote: count('quote'), entity: count('entity') },
  };
  const [liveBase, ...updates] = indexes as [LoadedIndex, ...LoadedIndex[]];
  const newestFirst = [...updates].reverse();
  const engine: SearchEngine = {
    ...shardedEngine(segmentsManifest(manifest, updates.length), segmentClients(liveBase, updates)),
    manifest,
    // The newest copy of a document; each segment hides the copies a newer one replaced or deleted.
    document: async (type, id) => {
      for (const index of [...newestFirst, liveBase]) {
        const found = storedById(index, type, id);
        if (found) return found;
      }
      return null;
    },
    // Suggestions come from the base's lexicon and entities until the next compaction.
    suggest: async (q, limit) => suggest(liveBase, q, limit),
  };
  return { engine, indexes };
}

/**
 * Every entry in one small segment over the base (no large segment): what a test or a tool
 * serving a handful of updates needs.
 */
export async function segmented(base: LoadedIndex, entries: Entry[], seq: number): Promise<Segments> {
  const head: Head['entries'] = Object.fromEntries(entries.map((e) => [e.id, { seq: e.seq, op: e.op }]));
  return compose(layerOf(base, await buildSegment([])), await buildSegment(entries), head, seq);
}

/**
 * Field-length averages as MiniSearch's running average gives them when the segments' documents
 * are added after the base's, oldest segment first. Hidden documents are not taken out: that
 * running average cannot be undone exactly (it depends on the order of additions), which is the
 * bound docs/live-updates.md states.
 */
function appendedAverages(base: LoadedIndex, segments: Array<{ index: LoadedIndex; hidden: Uint8Array }>) {
  const avg = [...base.avgFieldLength];
  let n = base.totalDocuments;
  for (const { index, hidden } of segments) {
    for (let doc = 0; doc < index.docs.count; doc++) {
      if (hidden[doc]) continue;
      for (let f = 0; f < FIELDS; f++) {
        const len = index.fieldLengths[doc * FIELDS + f]!;
        if (len > 0) avg[f] = ((avg[f] ?? 0) * n + len) / (n + 1);
      }
      n++;
    }
  }
  return avg;
}
