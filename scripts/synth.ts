/**
 * npm run synth -- --articles 200000 [--out DIR] [--seed 1] [--corpus ../shared/corpus]
 * Makes a large archive for measurements out of the research corpora at hand (Reuters, PolNeAR,
 * BBC): each synthetic article keeps a real article's lede, byline, publisher, section and tags,
 * and takes its other paragraphs and its title from real articles of the same corpus and topic,
 * with a fresh id and a date spread over 2000-2026. Words, names and quotes are real, so term
 * frequencies, posting-list lengths and what extraction finds stay those of news text; the
 * vocabulary stops growing at the sources' (about 71,000 terms), where a real archive's keeps
 * growing (docs/design.md › How cost grows). The output is derived from the corpora: it is
 * written outside the repository (default: the system's temporary folder), never into it, as
 * NDJSON files of 10,000 articles that `npm run build-index -- --input DIR` reads.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { Command } from 'commander';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

const root = resolve(new URL('../', import.meta.url).pathname);
const opts = new Command()
  .name('synth')
  .option('--articles <n>', 'number of articles', '200000')
  .option('--out <dir>', 'output folder (outside the repository)')
  .option('--seed <n>', 'seed: the same seed gives the same archive', '1')
  .option('--corpus <dir>', 'the research corpora', join(root, '../shared/corpus'))
  .parse()
  .opts<{ articles: string; out?: string; seed: string; corpus: string }>();

const SOURCES = ['reuters21578', 'polnear', 'bbc'];
const PER_FILE = 10_000;
const FIRST_DAY = Date.UTC(2000, 0, 1);
const LAST_DAY = Date.UTC(2026, 5, 30);

interface Source {
  title: string | null;
  paragraphs: string[];
  author: string | null;
  publisher: string | null;
  section: string | null;
  tags: string[];
  /** Articles of one corpus and topic (first tag or section) lend each other paragraphs and titles. */
  group: string;
}

async function readSources(dir: string): Promise<Source[]> {
  const out: Source[] = [];
  for (const name of SOURCES) {
    const text = await readFile(join(dir, name, 'articles.ndjson'), 'utf8');
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const a = JSON.parse(line) as {
        title: string | null;
        body: string;
        author: string | null;
        publisher: string | null;
        section: string | null;
        tags?: string[];
      };
      const paragraphs = a.body.split('\n\n').filter((p) => p.trim());
      if (paragraphs.length === 0) continue;
      const tags = a.tags ?? [];
      out.push({
        title: a.title?.trim() || null,
        paragraphs,
        author: a.author,
        publisher: a.publisher,
        section: a.section,
        tags,
        group: `${name}:${tags[0] ?? a.section ?? ''}`,
      });
    }
  }
  return out;
}

async function main() {
  const count = Number(opts.articles);
  if (!(Number.isInteger(count) && count > 0)) throw new Error('--articles must be a positive whole number');
  const out = resolve(opts.out ?? join(tmpdir(), 'newsroom-synth', String(count)));
  if (!relative(root, out).startsWith('..'))
    throw new Error(
      `--out ${out} is inside the repository: the archive is derived from the corpora, keep it outside`,
    );
  const sources = await readSources(opts.corpus);
  const groups = new Map<string, Source[]>();
  for (const s of sources) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  const titled = new Map([...groups].map(([g, list]) => [g, list.filter((s) => s.title)]));

  const rng = xoroshiro128plus(Number(opts.seed));
  const pick = <T>(items: readonly T[]): T => items[uniformInt(rng, 0, items.length - 1)]!;
  const days = Math.floor((LAST_DAY - FIRST_DAY) / 86_400_000);

  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  let lines: string[] = [];
  let files = 0;
  let bytes = 0;
  const flush = async () => {
    if (lines.length === 0) return;
    const text = `${lines.join('\n')}\n`;
    await writeFile(join(out, `articles-${String(files++).padStart(5, '0')}.ndjson`), text);
    bytes += Buffer.byteLength(text);
    lines = [];
  };
  for (let i = 0; i < count; i++) {
    const base = pick(sources);
    const group = groups.get(base.group)!;
    // The lede stays with its byline and topic; the rest comes from articles on the same topic.
    const paragraphs = [base.paragraphs[0]!];
    for (let k = 1; k < base.paragraphs.length; k++) paragraphs.push(pick(pick(group).paragraphs));
    const titles = titled.get(base.group)!;
    const published = new Date(FIRST_DAY + uniformInt(rng, 0, days) * 86_400_000).toISOString().slice(0, 10);
    lines.push(
      JSON.stringify({
        id: `synth-${opts.seed}-${i}`,
        title: titles.length > 0 ? pick(titles).title : base.title,
        body: paragraphs.join('\n\n'),
        author: base.author,
        publisher: base.publisher,
        published,
        url: null,
        section: base.section,
        tags: base.tags,
      }),
    );
    if (lines.length === PER_FILE) await flush();
  }
  await flush();
  process.stderr.write(
    `wrote ${count} articles (${(bytes / 1e6).toFixed(0)} MB, ${files} files) from ${sources.length} source articles to ${out}\n`,
  );
  process.stdout.write(`${out}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`synth failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
