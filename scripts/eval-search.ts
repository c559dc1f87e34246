/**
 * npm run eval:search -- [--corpus polnear,reuters] [--split both|train|heldout] [--seed 7]
 *                        [--per-class 200] [--engines ours,minisearch,flexsearch] [--misses 0] [--json]
 * Known-item relevance (scripts/lib/known-items.ts): success@1 and MRR@10 per query class, on a
 * tuning split (PolNeAR train, Reuters train) and a held-out one (PolNeAR dev, Reuters test), for
 * our search and, over the same documents, MiniSearch (stock defaults, and with the fuzzy and
 * prefix options a user would set) and FlexSearch (forward tokenizer, suggestions on). Ranking
 * weights are tuned on the tuning split only (scripts/tune-search.ts); the held-out split is read
 * to report. Every query is searched over all types in one list, as the search box does; `typed`
 * is ours with the answer's type named.
 */
import { Command } from 'commander';
import { EVAL_CORPORA, type EvalCorpus, type EvalCorpusName, prepareEvalCorpus } from './lib/eval-corpus.js';
import { type ClassScore, ENGINE_NAMES, type EngineName, evaluate, missCause } from './lib/relevance.js';

const opts = new Command()
  .option('--corpus <names>', 'comma-separated corpora (polnear, reuters)', 'polnear,reuters')
  .option('--split <which>', 'both, train (tuning) or heldout', 'both')
  .option('--seed <n>', 'random seed', '7')
  .option('--per-class <n>', 'queries per class (at most)', '200')
  .option('--engines <names>', 'comma-separated engines', ENGINE_NAMES.join(','))
  .option('--misses <n>', 'print up to n misses of ours per class (held-out split only when both)', '0')
  .option('--json', 'print JSON instead of tables', false)
  .parse()
  .opts<{
    corpus: string;
    split: string;
    seed: string;
    perClass: string;
    engines: string;
    misses: string;
    json: boolean;
  }>();

const log = (line: string) => process.stderr.write(`${line}\n`);
const engines = opts.engines.split(',') as EngineName[];
const splits = opts.split === 'both' ? (['train', 'heldout'] as const) : [opts.split as 'train' | 'heldout'];

interface Row extends ClassScore {
  corpus: EvalCorpusName;
  split: string;
}
const rows: Row[] = [];
const headers: string[] = [];
for (const name of opts.corpus.split(',') as EvalCorpusName[]) {
  const ev: EvalCorpus = await prepareEvalCorpus(name, engines, log);
  headers.push(
    `${name}: ${ev.corpus.articles.length} articles, ${ev.corpus.quotes.length} quotes, ${ev.corpus.entities.length} entities (${EVAL_CORPORA[name].path})`,
  );
  for (const split of splits) {
    const items = ev.items(split, Number(opts.seed), Number(opts.perClass));
    const splitName = EVAL_CORPORA[name][split];
    for (const score of evaluate(ev, items, engines)) {
      rows.push({ corpus: name, split: splitName, ...score });
      const wanted = Number(opts.misses);
      if (wanted > 0 && (split === 'heldout' || splits.length === 1) && score.misses.length > 0) {
        log(`\n${name} ${splitName} ${score.class}: ${score.misses.length} misses of ${score.queries}`);
        for (const m of score.misses.slice(0, wanted))
          log(
            `  [${missCause(ev, m)}] ${JSON.stringify(m.q)} → ${m.top ?? '(nothing)'}; want ${m.answers[0]}`,
          );
      }
    }
  }
}

const f = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(3));
if (opts.json) {
  console.log(
    JSON.stringify(
      { seed: Number(opts.seed), perClass: Number(opts.perClass), rows: rows.map(({ misses, ...r }) => r) },
      null,
      2,
    ),
  );
} else {
  console.log(`Known-item search, seed ${opts.seed}, at most ${opts.perClass} queries per class\n`);
  for (const h of headers) console.log(`- ${h}`);
  console.log(
    '\nsuccess@1 / MRR@10. ours: all types in one list, as the search box; typed: ours with the type named; MiniSearch: stock defaults, and {fuzzy: 0.2, prefix: true}; FlexSearch: tokenize "forward", {suggest: true, merge: true}.\n',
  );
  console.log(
    '| corpus | split | class | queries | ours | typed | MiniSearch default | MiniSearch fuzzy+prefix | FlexSearch |',
  );
  console.log('|---|---|---|---:|---|---|---|---|---|');
  for (const r of rows) {
    const cell = (e: EngineName) => {
      const s = r.engines[e];
      return s ? `${f(s.successAt1)} / ${f(s.mrrAt10)}` : '—';
    };
    console.log(
      `| ${r.corpus} | ${r.split} | ${r.class} | ${r.queries} | **${cell('ours')}** | ${cell('typed')} | ${cell('minisearch')} | ${cell('minisearch-fuzzy')} | ${cell('flexsearch')} |`,
    );
  }
}
