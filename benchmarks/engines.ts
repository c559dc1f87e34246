/**
 * The engines compared, each behind the same two steps: build (in the parent, from the corpus,
 * to the files it would ship) and load (in a fresh child process, from those files).
 * Competitors index the same flat documents as ours (src/index/index-docs.ts).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  create,
  insertMultiple,
  load as oramaLoad,
  save as oramaSave,
  search as oramaSearch,
} from '@orama/orama';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { serializeWithinBudget } from '../src/build/shard-plan.js';
import { writeIndex } from '../src/build/write-index.js';
import { toIndexDocs } from '../src/index/index-docs.js';
import { type LoadedIndex, loadIndex, readManifest } from '../src/index/load.js';
import { SEARCH_FIELDS } from '../src/index/options.js';
import { serializeIndex } from '../src/index/serialize.js';
import type { Corpus } from '../src/model/corpus.js';
import type { SearchEngine } from '../src/search/engine.js';
import { facetFilter } from '../src/search/filters.js';
import { type SearchParams, search } from '../src/search/search.js';
import { localShardClient, shardedEngine } from '../src/shard/engine.js';
import { fsSource } from '../src/store/drivers/fs.js';
import { BROWSE_FACETS, type QueryClass } from './queries.js';

export const ENGINES = ['ours', 'sharded', 'minisearch', 'flexsearch', 'orama'] as const;
export type EngineName = (typeof ENGINES)[number];

export interface Loaded {
  /** Runs one query of a class, returning what a result page needs (top 10). */
  query(cls: QueryClass, q: string): unknown;
  /** Counts facets over the match set of `q` (empty: everything); absent when unsupported. */
  facets?(q: string): unknown;
  /** Browse (empty query, facets, optional filter) is only for engines with facets. */
  browse?: boolean;
}

/** Writes the engine's index files into `dir`; returns their total size in bytes. */
export async function buildEngine(name: EngineName, corpus: Corpus, dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  const put = async (file: string, text: string) => {
    await writeFile(join(dir, file), text);
    return Buffer.byteLength(text);
  };
  switch (name) {
    case 'ours': {
      const serialized = await serializeIndex(corpus, { sources: [], skipped: 0 });
      await writeIndex(dir, serialized);
      return Object.values(serialized.manifest.files).reduce((s, f) => s + f.bytes, 0);
    }
    case 'sharded': {
      // As `build-index --shards auto` splits it (48 MB per shard); at least 2 shards, so that a
      // corpus under the budget still measures the fan-out and merge.
      let { index } = await serializeWithinBudget(corpus, { sources: [], skipped: 0 }, 'auto');
      if (!index.manifest.shards)
        index = await serializeIndex(corpus, { sources: [], skipped: 0, shards: 2 });
      await writeIndex(dir, index);
      return Object.values(index.manifest.files).reduce((s, f) => s + f.bytes, 0);
    }
    case 'minisearch': {
      const ms = new MiniSearch({ fields: [...SEARCH_FIELDS] });
      ms.addAll(toIndexDocs(corpus));
      return put('index.json', JSON.stringify(ms));
    }
    case 'flexsearch': {
      const index = flexIndex();
      for (const d of toIndexDocs(corpus)) index.add(d);
      const parts: Record<string, string> = {};
      await index.export((key: string, data: string) => {
        parts[key] = data;
      });
      return put('index.json', JSON.stringify(parts));
    }
    case 'orama': {
      const db = oramaDb();
      await insertMultiple(db, oramaDocs(corpus), 1000);
      return put('index.json', JSON.stringify(oramaSave(db)));
    }
  }
}

/** What the benchmark calls of FlexSearch's Document index (its own typings are generic over the document). */
interface FlexDocumentIndex {
  add(doc: object): void;
  search(q: string, options: { limit: number; suggest: boolean }): unknown;
  export(handler: (key: string, data: string) => void): Promise<void>;
  import(key: string, data: string): void;
}

function flexIndex(): FlexDocumentIndex {
  // 'forward' indexes prefixes, so that typing-as-you-go queries match; no edit-distance typos.
  return new FlexSearch.Document({
    document: { id: 'id', index: [...SEARCH_FIELDS] },
    tokenize: 'forward',
  } as never) as unknown as FlexDocumentIndex;
}

const ORAMA_SCHEMA = {
  id: 'string',
  ...Object.fromEntries(SEARCH_FIELDS.map((f) => [f, 'string'])),
  type: 'enum',
  publisher: 'string',
  section: 'string',
  person: 'string[]',
} as const;

function oramaDb() {
  return create({ schema: ORAMA_SCHEMA });
}

/** The same flat documents, plus the facet fields Orama needs to count (quotes inherit them). */
function oramaDocs(corpus: Corpus) {
  const people = new Map<string, string[]>();
  for (const e of corpus.entities) {
    if (e.kind !== 'person') continue;
    for (const a of e.articleIds) (people.get(a) ?? people.set(a, []).get(a)!).push(e.id);
  }
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  const quoteArticle = new Map(corpus.quotes.map((q) => [q.id, q.articleId]));
  const docs = toIndexDocs(corpus);
  return docs.map((d) => {
    const [t, id] = [d.id[0], d.id.slice(2)];
    const articleId = t === 'a' ? id : t === 'q' ? quoteArticle.get(id) : undefined;
    const a = articleId ? byId.get(articleId) : undefined;
    return {
      ...d,
      type: t === 'a' ? 'article' : t === 'q' ? 'quote' : 'entity',
      publisher: a?.publisher ?? '',
      section: a?.section ?? '',
      person: t === 'a' ? (people.get(id) ?? []) : [],
    };
  });
}

export async function loadEngine(name: EngineName, dir: string): Promise<Loaded> {
  switch (name) {
    case 'ours':
      return oursLoaded(await loadIndex(fsSource(dir)));
    case 'sharded': {
      // Every shard in this process, called as the Worker calls its shard objects (minus the RPC).
      const source = fsSource(dir);
      const manifest = await readManifest(source);
      const shards = await Promise.all(
        manifest.shards!.map((_, shard) => loadIndex(source, { manifest, shard })),
      );
      return engineLoaded(shardedEngine(manifest, shards.map(localShardClient)));
    }
    case 'minisearch': {
      const ms = MiniSearch.loadJSON(await readFile(join(dir, 'index.json'), 'utf8'), {
        fields: [...SEARCH_FIELDS],
      });
      return {
        // Default index options; the typo and prefix classes turn on MiniSearch's own fuzzy/prefix.
        query: (cls, q) =>
          ms
            .search(
              q.replace(/"/g, ''),
              cls === 'typo' ? { fuzzy: 0.2 } : cls === 'prefix' ? { prefix: true } : {},
            )
            .slice(0, 10),
      };
    }
    case 'flexsearch': {
      const index = flexIndex();
      const parts = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as Record<string, string>;
      for (const [key, data] of Object.entries(parts)) index.import(key, data);
      return { query: (cls, q) => index.search(q.replace(/"/g, ''), { limit: 10, suggest: cls === 'typo' }) };
    }
    case 'orama': {
      const db = oramaDb();
      oramaLoad(db, JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')));
      const facets = Object.fromEntries(['type', 'publisher', 'section', 'person'].map((f) => [f, {}]));
      return {
        browse: true,
        query: (cls, q) =>
          cls === 'browse'
            ? oramaSearch(db, {
                term: '',
                limit: 10,
                facets,
                ...(q ? { where: { publisher: q.split('=')[1] } } : {}),
              })
            : oramaSearch(db, { term: q.replace(/"/g, ''), limit: 10, tolerance: cls === 'typo' ? 1 : 0 }),
        facets: (q) => oramaSearch(db, { term: q, limit: 10, facets }),
      };
    }
  }
}

/** A browse with facets (q: optional `publisher=<value>` filter), and a plain query: the page a class asks for. */
function paramsFor(cls: QueryClass, q: string): SearchParams {
  if (cls !== 'browse') return { q, types: [], limit: 10, offset: 0 };
  return {
    q: '',
    types: [],
    limit: 10,
    offset: 0,
    facets: [...BROWSE_FACETS],
    filters: { facets: q ? { publisher: facetFilter([q.split('=')[1]!]) } : {}, from: null, to: null },
  };
}

const facetParams = (q: string): SearchParams => ({
  q,
  types: [],
  limit: 10,
  offset: 0,
  facets: [...BROWSE_FACETS],
});

/** The sharded engine answers asynchronously (as the Worker's shard objects do). */
function engineLoaded(engine: SearchEngine): Loaded {
  return {
    browse: true,
    query: (cls, q) => engine.search(paramsFor(cls, q)),
    facets: (q) => engine.search(facetParams(q)),
  };
}

/** One loaded index, searched synchronously: no promise in what is timed. */
export function oursLoaded(index: LoadedIndex): Loaded {
  return {
    browse: true,
    query: (cls, q) => search(index, paramsFor(cls, q)),
    facets: (q) => search(index, facetParams(q)),
  };
}

export async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += (await readFile(join(e.parentPath, e.name))).byteLength;
  }
  return total;
}
