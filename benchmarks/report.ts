/** The benchmark's markdown: one table per corpus, ratios to plain MiniSearch from the same run. */

import { readFileSync } from 'node:fs';
import { parse as parseToml } from 'smol-toml';
import { DEFAULT_SHARD_BUDGET_MB as SHARD_BUDGET_MB } from '../src/build/shard-plan.js';
import type { ChildResult, ClassLatency, ShardMemory } from './child.js';
import type { CorpusName } from './corpus.js';
import type { QueryClass } from './queries.js';
import type { ThroughputResult } from './throughput.js';

/** The per-request CPU cap the Worker is deployed with: every benchmarked request must fit in it. */
const CPU_BUDGET_MS =
  (
    parseToml(readFileSync(new URL('../wrangler.toml', import.meta.url), 'utf8')) as {
      limits?: { cpu_ms?: number };
    }
  ).limits?.cpu_ms ?? null;

export interface CorpusReport {
  corpus: CorpusName;
  counts: { articles: number; quotes: number; entities: number };
  queriesPerClass: number;
  repeats: number;
  commonWords: string[];
  engines: Array<ChildResult & { buildS: number; bytes: number; shards?: ShardMemory[] }>;
}

/** The query classes in report order, with their column names (also the scale report's). */
export const CLASSES: Array<[QueryClass, string]> = [
  ['oneWord', 'one word'],
  ['twoWords', 'two words'],
  ['phrase', 'phrase'],
  ['typo', 'typo'],
  ['prefix', 'prefix'],
  ['browse', 'browse+facets'],
];

export const ms = (n: number | undefined) => (n === undefined ? 'n/a' : n < 10 ? n.toFixed(2) : n.toFixed(1));
export const lat = (l: ClassLatency | undefined) => (l ? `${ms(l.p50)} / ${ms(l.p99)}` : 'n/a');

export function renderMarkdown(r: {
  machine: string;
  seed: number;
  quick: boolean;
  reports: CorpusReport[];
  throughput: ThroughputResult | null;
  wallSeconds: number;
  gitRev: string;
}): string {
  const out: string[] = [];
  out.push(
    `Machine: ${r.machine}. Commit ${r.gitRev} plus working tree; seed ${r.seed}${r.quick ? ', --quick' : ''}; whole run ${r.wallSeconds.toFixed(0)} s.`,
  );
  out.push(
    'Times in ms; latency columns are p50 / p99 per query class, each the median over the repeats. Load and heap are measured in a fresh process per engine (heap: `heapUsed` after `gc()`, minus the empty process; off-heap: `external`, which includes ArrayBuffers).',
  );
  for (const c of r.reports) {
    out.push('');
    out.push(
      `### ${c.corpus}: ${c.counts.articles} articles, ${c.counts.quotes} quotes, ${c.counts.entities} entities (${c.queriesPerClass} queries per class, ${c.repeats} repeats)`,
    );
    out.push('');
    out.push(
      `| engine | build s | index MB | load ms | heap MB | off-heap MB | first query ms | ${CLASSES.map(([, l]) => l).join(' | ')} | facets ms (common word with / without) |`,
    );
    out.push(`|---|---:|---:|---:|---:|---:|---:|${CLASSES.map(() => '---:').join('|')}|---:|`);
    for (const e of c.engines) {
      out.push(
        `| ${e.engine} | ${e.buildS.toFixed(1)} | ${(e.bytes / 1e6).toFixed(1)} | ${ms(e.loadMs)} | ${e.heapMB.toFixed(1)} | ${e.externalMB.toFixed(1)} | ${ms(e.firstQueryMs)} | ` +
          `${CLASSES.map(([k]) => lat(e.latency[k])).join(' | ')} | ${e.facetMs ? `${ms(e.facetMs.withFacets)} / ${ms(e.facetMs.without)}` : 'n/a'} |`,
      );
    }
    const ours = c.engines.find((e) => e.engine === 'ours');
    const plain = c.engines.find((e) => e.engine === 'minisearch');
    if (ours && plain) {
      out.push('');
      out.push(
        `Ours / plain MiniSearch: load ${(ours.loadMs / plain.loadMs).toFixed(2)}×, heap ${(ours.heapMB / plain.heapMB).toFixed(2)}×, ` +
          `heap + off-heap ${((ours.heapMB + ours.externalMB) / (plain.heapMB + plain.externalMB)).toFixed(2)}×, index bytes ${(ours.bytes / plain.bytes).toFixed(2)}×.`,
      );
    }
    const sharded = c.engines.find((e) => e.engine === 'sharded');
    if (sharded?.shards) {
      const each = sharded.shards.map((m) => m.heapMB + m.externalMB);
      out.push('');
      out.push(
        `Sharded (the row \`sharded\`: ${sharded.shards.length} shards, all loaded in one process and merged as the Worker merges its shard objects' answers, RPC excluded; ` +
          `its load and heap columns are the sum): each shard alone in a fresh process loads in ${sharded.shards.map((m) => ms(m.loadMs)).join(' / ')} ms and holds ` +
          `${each.map((v) => v.toFixed(1)).join(' / ')} MB heap + off-heap (budget ${SHARD_BUDGET_MB} MB: ${Math.max(...each) <= SHARD_BUDGET_MB ? 'every shard within it' : '**exceeded**'}).`,
      );
    }
    if (ours?.handler) {
      const h = ours.handler;
      out.push('');
      out.push(
        `\`/search\` end to end (Hono \`app.request\` in Node, fs index source), p50 / p99 ms: ${CLASSES.map(([k, l]) => `${l} ${lat(h.latency[k])}`).join('; ')}.`,
      );
      out.push(
        `Handler CPU per request: p99 ${ms(h.cpuP99Ms)} ms, max ${ms(h.cpuMaxMs)} ms; slowest: ${h.slowest.map((s) => `\`${s.q}\` ${ms(s.cpuMs)} ms`).join(', ')}.`,
      );
      if (CPU_BUDGET_MS !== null) {
        out.push(
          `CPU budget (wrangler.toml \`limits.cpu_ms\` = ${CPU_BUDGET_MS} ms): ${h.cpuMaxMs <= CPU_BUDGET_MS ? 'every request within it' : '**exceeded** by the slowest request'}.`,
        );
      }
    }
  }
  if (r.throughput) {
    const t = r.throughput;
    out.push('');
    out.push(
      `Throughput (${t.corpus}, \`wrangler dev --ip 127.0.0.1\`, autocannon ${t.connections} connections for ${t.seconds} s, loopback, mixed queries): ${t.requestsPerSecond.toFixed(0)} req/s, latency p50 ${t.p50} ms / p99 ${t.p99} ms, ${t.errors} errors, ${t.non2xx} non-2xx.`,
    );
  }
  return `${out.join('\n')}\n`;
}
