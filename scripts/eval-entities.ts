/**
 * Scores entity extraction (src/extract/entities/).
 *
 *   npx tsx scripts/eval-entities.ts --conll ../shared/corpus/conll2003/eng.testa [--json]
 *   npx tsx scripts/eval-entities.ts --seed ../shared/corpus/seed [--json]
 *   npx tsx scripts/eval-entities.ts --timing ../shared/corpus/polnear/articles.ndjson [--json]
 *   add --no-tagger to any of these to skip compromise's tagger (about 7x faster)
 *
 * Entity quality as a reader meets it (scripts/lib/entity-eval/):
 *   --polnear FILE [--gold FILE --split dev,train]  the pipeline run here: fragmentation of the
 *       most-mentioned people, contaminated names, wrong kinds (on the corpus entities and on
 *       extract's lines), extract's ids against the index's, speaker ids against the gold quotes
 *   --index DIR                 the same figures on a built index's stored entities
 *   --extract FILE --articles FILE [--sample N]  on `npm run extract` output; --sample prints
 *       every N-th one-word mention the archive gave to a target person, for reading by hand
 *   --reuters FILE --split train|test [--every K] [--index DIR] [--errors-shown N] [--fit-about]
 *       places (those each article is about, and every place named) and people per document
 *       against Reuters-21578's gold tags (every K-th document of the split); --fit-about
 *       cross-validates about.ts's two numbers on the split (train only)
 *
 * CoNLL mode: exact-span PER/ORG/LOC scoring (MISC ignored), gold mentions being maximal runs of
 * one type in the IOB1 tags. Text is rebuilt from the tokens with light detokenisation (no space
 * before "," "'s" ")" ...) so the extractor sees something close to wire copy, one sentence per
 * paragraph; predicted offsets that do not fall on token boundaries count as false positives.
 * Demonym mentions ("Ukrainian forces" → Ukraine) are not scored, since CoNLL tags them MISC.
 * Seed mode exits 1 when a gold entity or alias is missing or has the wrong kind.
 *
 * One script over several modes so every entity figure comes from one command line: the CoNLL,
 * seed and timing modes are here (each a short function), the reader-facing measures in
 * scripts/lib/entity-eval/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { entityId } from '../src/extract/entities/corpus/merge.js';
import { extractEntities, resolveSpeaker } from '../src/extract/entities/extract.js';
import { isDemonymMention } from '../src/extract/entities/word-classes.js';
import type { ArticleEntity, EntityKind } from '../src/model/documents.js';
import {
  bareSample,
  extractReport,
  indexReport,
  polnearReport,
  printPolnear,
  printQuality,
  printReuters,
  reutersReport,
} from './lib/entity-eval/report.js';

type ConllType = 'PER' | 'ORG' | 'LOC';
const KIND_TO_CONLL: Record<EntityKind, ConllType> = { person: 'PER', organization: 'ORG', place: 'LOC' };
const TYPES: ConllType[] = ['PER', 'ORG', 'LOC'];

interface ConllDoc {
  text: string;
  /** [start, end) offsets of each token in text. */
  tokens: Array<[number, number]>;
  /** "start:end:TYPE" over token indices, end exclusive. */
  gold: Set<string>;
}

const NO_SPACE_BEFORE = new Set([
  ',',
  '.',
  ';',
  ':',
  '!',
  '?',
  ')',
  ']',
  '}',
  '%',
  "'s",
  "'S",
  "n't",
  "'",
  "'re",
  "'ve",
  "'ll",
  "'d",
  "'m",
]);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$']);

function readConll(path: string): ConllDoc[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const docs: ConllDoc[] = [];
  let sentences: Array<Array<{ word: string; tag: string }>> = [];
  let current: Array<{ word: string; tag: string }> = [];
  const flushSentence = () => {
    if (current.length) sentences.push(current);
    current = [];
  };
  const flushDoc = () => {
    flushSentence();
    if (sentences.length) docs.push(buildDoc(sentences));
    sentences = [];
  };
  for (const line of lines) {
    if (line.startsWith('-DOCSTART-')) {
      // In this copy the separator follows its document.
      flushDoc();
      continue;
    }
    if (line.trim() === '') {
      flushSentence();
      continue;
    }
    const parts = line.split(' ');
    current.push({ word: parts[0]!, tag: parts[parts.length - 1]! });
  }
  flushDoc();
  return docs;
}

function buildDoc(sentences: Array<Array<{ word: string; tag: string }>>): ConllDoc {
  let text = '';
  const tokens: Array<[number, number]> = [];
  const tags: string[] = [];
  const sentenceStarts = new Set<number>();
  for (const sentence of sentences) {
    if (text) text += '\n\n';
    sentenceStarts.add(tokens.length);
    let prev = '';
    for (const [i, { word, tag }] of sentence.entries()) {
      if (i > 0 && !NO_SPACE_BEFORE.has(word) && !NO_SPACE_AFTER.has(prev)) text += ' ';
      tokens.push([text.length, text.length + word.length]);
      tags.push(tag);
      text += word;
      prev = word;
    }
  }
  const gold = new Set<string>();
  let open: { start: number; type: string } | null = null;
  const close = (end: number) => {
    if (open && (TYPES as string[]).includes(open.type)) gold.add(`${open.start}:${end}:${open.type}`);
    open = null;
  };
  tags.forEach((tag, i) => {
    const [bio, type] = tag === 'O' ? ['O', ''] : (tag.split('-') as [string, string]);
    // Mentions never cross sentences.
    if (sentenceStarts.has(i)) close(i);
    if (bio === 'O') close(i);
    else if (bio === 'B' || !open || open.type !== type) {
      close(i);
      open = { start: i, type };
    }
  });
  close(tags.length);
  return { text, tokens, gold };
}

/** Predicted mentions as token spans; offsets not on token boundaries yield an unmatchable key. */
function predictedSpans(doc: ConllDoc, entities: ArticleEntity[]): Set<string> {
  const startIdx = new Map<number, number>();
  const endIdx = new Map<number, number>();
  doc.tokens.forEach(([s, e], i) => {
    startIdx.set(s, i);
    endIdx.set(e, i + 1);
  });
  const spans: Array<{ s: number; e: number; type: ConllType }> = [];
  for (const entity of entities) {
    for (const [s, e] of entity.mentions) {
      if (isDemonymMention(doc.text.slice(s, e))) continue;
      spans.push({ s, e, type: KIND_TO_CONLL[entity.kind] });
    }
  }
  // CoNLL annotation is flat: keep outermost mentions only.
  const flat = spans.filter(
    (a) => !spans.some((b) => b !== a && b.s <= a.s && b.e >= a.e && b.e - b.s > a.e - a.s),
  );
  const out = new Set<string>();
  for (const { s, e, type } of flat) {
    const ts = startIdx.get(s);
    const te = endIdx.get(e);
    out.add(ts === undefined || te === undefined ? `x${s}:${e}:${type}` : `${ts}:${te}:${type}`);
  }
  return out;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const prf = ({ tp, fp, fn }: Counts) => {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

function evalConll(path: string, asJson: boolean, errorsOut?: string) {
  const docs = readConll(path);
  const counts: Record<ConllType, Counts> = {
    PER: { tp: 0, fp: 0, fn: 0 },
    ORG: { tp: 0, fp: 0, fn: 0 },
    LOC: { tp: 0, fp: 0, fn: 0 },
  };
  const errors: string[] = [];
  const t0 = performance.now();
  for (const doc of docs) {
    const predicted = predictedSpans(doc, extractEntities(doc.text, { tagger }));
    const spanText = (key: string) => {
      const [s, e] = key.split(':');
      if (s!.startsWith('x')) return doc.text.slice(Number(s!.slice(1)), Number(e));
      return doc.text.slice(doc.tokens[Number(s)]![0], doc.tokens[Number(e) - 1]![1]);
    };
    /** The line (CoNLL sentence) holding a span, for reading errors. */
    const lineOf = (key: string) => {
      const [s] = key.split(':');
      const at = s!.startsWith('x') ? Number(s!.slice(1)) : doc.tokens[Number(s)]![0];
      const a = doc.text.lastIndexOf('\n', at) + 1;
      const b = doc.text.indexOf('\n', at);
      return doc.text.slice(a, b < 0 ? undefined : b).slice(0, 200);
    };
    for (const key of predicted) {
      const type = key.split(':')[2] as ConllType;
      if (doc.gold.has(key)) counts[type].tp++;
      else {
        counts[type].fp++;
        if (errorsOut) errors.push(`FP\t${type}\t${spanText(key)}\t${lineOf(key)}`);
      }
    }
    for (const key of doc.gold) {
      if (!predicted.has(key)) {
        const type = key.split(':')[2] as ConllType;
        counts[type].fn++;
        if (errorsOut) errors.push(`FN\t${type}\t${spanText(key)}\t${lineOf(key)}`);
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  if (errorsOut) writeFileSync(errorsOut, `${errors.join('\n')}\n`);
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const t of TYPES) {
    total.tp += counts[t].tp;
    total.fp += counts[t].fp;
    total.fn += counts[t].fn;
  }
  const rows = [
    ...TYPES.map((t) => ({ type: t, ...counts[t], ...prf(counts[t]) })),
    { type: 'micro', ...total, ...prf(total) },
  ];
  if (asJson) {
    console.log(JSON.stringify({ file: path, documents: docs.length, seconds, rows }, null, 2));
    return;
  }
  console.log(`CoNLL ${path}: ${docs.length} documents, ${seconds.toFixed(1)} s\n`);
  console.log('| type | gold | predicted | TP | precision | recall | F1 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.type} | ${r.tp + r.fn} | ${r.tp + r.fp} | ${r.tp} | ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} | ${r.f1.toFixed(3)} |`,
    );
  }
}

/** Whether the body writes `form` on its own, not inside a longer capitalised name. */
function writtenAlone(body: string, form: string): boolean {
  const esc = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}]|\\p{Lu}[\\p{L}.]*\\s)${esc}(?![\\p{L}\\p{N}]|\\s\\p{Lu})`, 'u').test(
    body,
  );
}

const GOLD_KINDS: Record<string, EntityKind> = {
  people: 'person',
  organizations: 'organization',
  places: 'place',
};

function evalSeed(dir: string, asJson: boolean): boolean {
  const article = JSON.parse(readFileSync(join(dir, 'articles.ndjson'), 'utf8').split('\n')[0]!) as {
    body: string;
    title: string;
  };
  const gold = JSON.parse(readFileSync(join(dir, 'entities-gold.json'), 'utf8')) as Record<string, unknown>;
  const found = extractEntities(article.body, { title: article.title, tagger });
  const rows: Array<{ name: string; kind: EntityKind; status: string; detail: string }> = [];
  const matched = new Set<ArticleEntity>();
  for (const [group, kind] of Object.entries(GOLD_KINDS)) {
    for (const [name, aliases] of Object.entries(gold[group] as Record<string, string[]>)) {
      const entity = found.find((e) => e.name === name);
      if (!entity) {
        rows.push({ name, kind, status: 'MISSING', detail: '' });
        continue;
      }
      matched.add(entity);
      const problems: string[] = [];
      if (entity.kind !== kind) problems.push(`kind ${entity.kind}`);
      const unwritten = aliases.filter((a) => !writtenAlone(article.body, a) && !entity.aliases.includes(a));
      for (const alias of aliases) {
        if (entity.aliases.includes(alias)) continue;
        // A form the body never writes on its own cannot be a mention; it must still resolve.
        if (unwritten.includes(alias) && resolveSpeaker(alias, found) === entityId(entity.kind, entity.name))
          continue;
        problems.push(`alias "${alias}" not merged`);
      }
      rows.push({
        name,
        kind,
        status: problems.length ? 'WRONG' : 'ok',
        detail: [
          ...problems,
          ...(unwritten.length ? [`not written alone in body (resolved): ${unwritten.join(', ')}`] : []),
          `aliases: ${entity.aliases.join(' | ') || '-'}`,
          `mentions: ${entity.mentions.length}`,
        ].join('; '),
      });
    }
  }
  for (const entity of found) {
    if (!matched.has(entity))
      rows.push({
        name: entity.name,
        kind: entity.kind,
        status: 'EXTRA',
        detail: `aliases: ${entity.aliases.join(' | ') || '-'}`,
      });
  }
  const ok = rows.every((r) => r.status === 'ok' || r.status === 'EXTRA');
  if (asJson) {
    console.log(JSON.stringify({ ok, rows }, null, 2));
  } else {
    console.log(`Seed ${dir}: ${ok ? 'all gold entities found' : 'FAILED'}\n`);
    console.log('| status | kind | name | detail |');
    console.log('|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.status} | ${r.kind} | ${r.name} | ${r.detail} |`);
  }
  return ok;
}

function timing(path: string, asJson: boolean) {
  const articles = readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; body: string; title: string | null });
  const chars = articles.reduce((n, a) => n + a.body.length, 0);
  const t0 = performance.now();
  let entities = 0;
  for (const a of articles)
    entities += extractEntities(a.body, { title: a.title ?? undefined, tagger }).length;
  const seconds = (performance.now() - t0) / 1000;
  const out = {
    file: path,
    articles: articles.length,
    chars,
    entities,
    seconds,
    msPerArticle: (seconds * 1000) / articles.length,
  };
  if (asJson) console.log(JSON.stringify(out, null, 2));
  else
    console.log(
      `${articles.length} articles, ${(chars / 1e6).toFixed(2)} M chars, ${entities} entities, ${seconds.toFixed(1)} s (${out.msPerArticle.toFixed(1)} ms/article)`,
    );
}

const program = new Command()
  .name('eval-entities')
  .description('Evaluate entity extraction against CoNLL-2003 or the seed article gold')
  .option('--conll <file>', 'CoNLL-2003 file (IOB1) to score PER/ORG/LOC mentions on')
  .option('--seed <dir>', 'seed directory with articles.ndjson and entities-gold.json')
  .option('--timing <ndjson>', 'time extraction over an articles.ndjson file')
  .option('--errors <file>', 'CoNLL mode: write every false positive / negative to this file')
  .option('--no-tagger', "skip compromise's part-of-speech tagger (faster, less accurate)")
  .option('--polnear <ndjson>', 'run the pipeline over PolNeAR and report entity quality')
  .option('--gold <ndjson>', 'with --polnear: gold quotes, to score speaker ids')
  .option(
    '--split <names>',
    'with --gold: article splits (comma-separated); with --reuters: train or test',
    '',
  )
  .option('--index <dir>', 'a built index folder: entity quality of its stored entities')
  .option('--extract <ndjson>', 'output of npm run extract: entity quality by id')
  .option('--articles <ndjson>', 'with --extract: the articles it was extracted from')
  .option('--sample <n>', 'with --extract: print every n-th resolved one-word mention of a target person')
  .option('--reuters <ndjson>', 'Reuters-21578 articles: places and people against the gold tags')
  .option('--every <k>', 'with --reuters: every k-th document of the split', '1')
  .option('--errors-shown <n>', 'with --reuters: show up to n place and people errors', '0')
  .option('--fit-about', "with --reuters: cross-validate the numbers of an article's `about` places")
  .option('--json', 'machine-readable output')
  .parse();

const opts = program.opts<{
  conll?: string;
  seed?: string;
  timing?: string;
  errors?: string;
  json?: boolean;
  tagger: boolean;
  polnear?: string;
  gold?: string;
  split: string;
  index?: string;
  extract?: string;
  articles?: string;
  sample?: string;
  reuters?: string;
  every: string;
  errorsShown: string;
  fitAbout?: boolean;
}>();
const tagger = opts.tagger;
if (
  !opts.conll &&
  !opts.seed &&
  !opts.timing &&
  !opts.polnear &&
  !opts.index &&
  !opts.extract &&
  !opts.reuters
)
  program.help({ error: true });
const show = (report: unknown, print: () => void) =>
  opts.json ? console.log(JSON.stringify(report, null, 2)) : print();
let failed = false;
if (opts.conll) evalConll(opts.conll, !!opts.json, opts.errors);
if (opts.seed) failed = !evalSeed(opts.seed, !!opts.json) || failed;
if (opts.timing) timing(opts.timing, !!opts.json);
if (opts.polnear) {
  const r = await polnearReport(
    opts.polnear,
    opts.gold,
    opts.split ? opts.split.split(',') : ['dev', 'train'],
  );
  show(r, () => printPolnear(r));
} else if (opts.index && !opts.reuters) {
  const r = indexReport(opts.index);
  show(r, () => printQuality(`Index ${opts.index}`, r));
}
if (opts.extract) {
  const articles = opts.articles ?? program.error('--extract needs --articles');
  const r = extractReport(opts.extract, articles);
  show(r, () => printQuality(`Extract ${opts.extract}`, r));
  if (opts.sample)
    for (const line of bareSample(opts.extract, articles, Number(opts.sample))) console.log(line);
}
if (opts.reuters) {
  const split = opts.split || 'test';
  const r = await reutersReport(opts.reuters, split, Number(opts.every), opts.index, !!opts.fitAbout);
  show(r, () => printReuters(split, r, Number(opts.errorsShown)));
}
process.exitCode = failed ? 1 : 0;
