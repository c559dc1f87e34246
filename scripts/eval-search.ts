/**
 * npm run eval:search -- [--articles PATH] [--split dev] [--seed 7] [--per-class 200] [--json]
 * Known-item relevance on PolNeAR: success@1 and MRR@10 per query class, for our search and for
 * MiniSearch with its default options over the same documents.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import MiniSearch from 'minisearch';
import { prepareCorpus } from '../src/build/build.js';
import { parseIndexId } from '../src/index/ids.js';
import { toIndexDocs } from '../src/index/index-docs.js';
import { loadIndex } from '../src/index/load.js';
import { memorySource } from '../src/index/memory-source.js';
import { serializeIndex } from '../src/index/serialize.js';
import { defaultExtractor } from '../src/pipeline/default-extractor.js';
import { search } from '../src/search/search.js';
import { type KnownItem, knownItems, type QueryClass } from './lib/known-items.js';

const opts = new Command()
  .option('--articles <path>', 'articles NDJSON', '../shared/corpus/polnear/articles.ndjson')
  .option('--split <name>', 'split the queries are drawn from', 'dev')
  .option('--seed <n>', 'random seed', '7')
  .option('--per-class <n>', 'queries per class (at most)', '200')
  .option('--json', 'print JSON instead of a table', false)
  .parse()
  .opts<{ articles: string; split: string; seed: string; perClass: string; json: boolean }>();

const splitIds = new Set(
  readFileSync(opts.articles, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; split?: string })
    .filter((a) => opts.split === 'all' || a.split === opts.split)
    .map((a) => a.id),
);

const t0 = performance.now();
const { corpus } = await prepareCorpus({ inputs: [opts.articles], extractor: defaultExtractor });
const index = await loadIndex(
  memorySource(await serializeIndex(corpus, { sources: [opts.articles], skipped: 0 })),
);
console.error(`corpus and index ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const items = knownItems(corpus, splitIds, Number(opts.seed), Number(opts.perClass));

const baseline = new MiniSearch({
  fields: ['title', 'subtitle', 'body', 'text', 'speaker', 'name', 'aliases'],
});
baseline.addAll(toIndexDocs(corpus));

type Ranker = (item: KnownItem) => string[];
// One ranked list over every type, as the search box shows it: the answer must beat the rest.
const ours: Ranker = (item) =>
  search(index, { q: item.q, types: [], limit: 10, offset: 0 }).hits.map((h) => h.id);
const plain: Ranker = (item) =>
  baseline
    .search(item.q)
    .slice(0, 10)
    .map((r) => parseIndexId(r.id as string).id);

function score(rank: Ranker, cls: QueryClass) {
  const set = items.filter((i) => i.class === cls);
  let s1 = 0;
  let rr = 0;
  for (const item of set) {
    const ids = rank(item);
    const at = ids.findIndex((id) => item.answers.includes(id));
    if (at === 0) s1++;
    if (at >= 0) rr += 1 / (at + 1);
  }
  return {
    queries: set.length,
    successAt1: set.length ? s1 / set.length : 0,
    mrrAt10: set.length ? rr / set.length : 0,
  };
}

const classes: QueryClass[] = ['typo-title', 'quote-fragment', 'entity-alias'];
const rows = classes.map((cls) => ({
  class: cls,
  ours: score(ours, cls),
  minisearchDefault: score(plain, cls),
}));

if (opts.json) {
  console.log(JSON.stringify({ split: opts.split, seed: Number(opts.seed), rows }, null, 2));
} else {
  const f = (n: number) => n.toFixed(3);
  console.log(
    `Known-item search on ${opts.articles} (${corpus.articles.length} articles, ${corpus.quotes.length} quotes, ${corpus.entities.length} entities), queries from split ${opts.split}, seed ${opts.seed}\n`,
  );
  console.log(
    '| class | queries | success@1 | MRR@10 | MiniSearch default success@1 | MiniSearch default MRR@10 |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.class} | ${r.ours.queries} | ${f(r.ours.successAt1)} | ${f(r.ours.mrrAt10)} | ${f(r.minisearchDefault.successAt1)} | ${f(r.minisearchDefault.mrrAt10)} |`,
    );
  }
}
