import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BuildError, buildIndex } from '../../src/build/build.js';
import { loadIndex } from '../../src/index/load.js';
import { INDEX_FORMAT_VERSION, MINISEARCH_VERSION, OPTIONS_HASH } from '../../src/index/options.js';
import { articleById } from '../../src/search/lookup.js';
import { search } from '../../src/search/search.js';
import { fsSource } from '../../src/store/drivers/fs.js';
import { loadVersion } from '../../src/store/versions.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

function article(id: string, title: string, body: string, extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    id,
    title,
    body,
    author: 'Lena Ortiz',
    publisher: 'Test Gazette',
    published: '2026-10-02',
    url: null,
    section: 'politics',
    tags: ['council'],
    ...extra,
  });
}

async function tmp(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'nrs-build-'));
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      out[join(entry.parentPath, entry.name)] = await readFile(join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

const good = [
  article('a1', 'Harbor bridge vote delayed', 'The council delayed the harbor bridge vote until spring.'),
  article(
    'a2',
    'Budget talks resume',
    'Negotiators returned to the budget table on Monday.\n\nThe mayor stayed away.',
  ),
  article('a3', 'Ferry strike ends', 'Ferry crews went back to work after a two-day strike.', {
    author: 'By Sam Reyes and Ida Holm',
  }),
];

describe('buildIndex', () => {
  it('writes a manifest, a versioned index and stores that load and search', async () => {
    const dir = await tmp();
    await writeFile(join(dir, 'in.ndjson'), `${good.join('\n')}\n`);
    const summary = await buildIndex({ inputs: [join(dir, 'in.ndjson')], outDir: join(dir, 'out') });
    expect(summary.manifest).toMatchObject({
      formatVersion: INDEX_FORMAT_VERSION,
      minisearchVersion: MINISEARCH_VERSION,
      optionsHash: OPTIONS_HASH,
      counts: { article: 3, quote: 0, entity: 0 },
      skipped: 0,
    });
    const index = await loadIndex(fsSource(join(dir, 'out')));
    expect(articleById(index, 'a3')?.authors).toEqual(['Sam Reyes', 'Ida Holm']);
    const result = search(index, { q: 'bridge', types: [], limit: 10, offset: 0 });
    expect(result.hits.map((h) => h.id)).toEqual(['a1']);
  });

  it('still serves a format-1 index (MiniSearch JSON and one store per type), rebuilt in memory', async () => {
    const dir = await tmp();
    const articles = [
      {
        id: 'old1',
        title: 'Harbor bridge vote',
        subtitle: null,
        body: 'The council voted on the bridge.',
        authors: [],
        publisher: 'Gazette',
        section: null,
        tags: [],
        published: '2025-03-01',
        url: null,
      },
    ];
    const files: Record<string, string> = {
      index: '{}',
      articles: JSON.stringify(Object.fromEntries(articles.map((a) => [a.id, a]))),
      quotes: '{}',
      entities: '{}',
      lexicon: '[]',
    };
    const version = 'v-000000000001';
    await mkdir(join(dir, version), { recursive: true });
    for (const [name, text] of Object.entries(files))
      await writeFile(join(dir, version, `${name}.json`), text);
    const manifest = {
      formatVersion: 1,
      minisearchVersion: MINISEARCH_VERSION,
      optionsHash: OPTIONS_HASH,
      builtAt: '2025-03-02T00:00:00.000Z',
      contentHash: '0'.repeat(64),
      version,
      files: Object.fromEntries(
        Object.entries(files).map(([name, text]) => [
          name,
          { path: `${name}.json`, bytes: Buffer.byteLength(text) },
        ]),
      ),
      counts: { article: 1, quote: 0, entity: 0 },
      sources: [],
      skipped: 0,
    };
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    // The store's loader: the index reader alone refuses format 1 (it does not depend on the writer).
    await expect(loadIndex(fsSource(dir))).rejects.toMatchObject({ code: 'index_incompatible' });
    const index = await loadVersion(fsSource(dir));
    expect(index.manifest.version).toBe(version);
    const result = search(index, { q: 'bridge', types: [], limit: 10, offset: 0, facets: ['publisher'] });
    expect(result.hits.map((h) => h.id)).toEqual(['old1']);
    expect(result.facets?.publisher?.values).toEqual([{ value: 'Gazette', count: 1 }]);
  });

  it('skips bad records, naming file and line, and indexes the rest', async () => {
    const dir = await tmp();
    const file = join(dir, 'in.ndjson');
    const lines = [
      good[0],
      '{"id": "broken", "title": "cut off',
      good[1],
      JSON.stringify({ id: 'nobody', title: 'No body' }),
      '',
      good[2],
      article('a4', 'Bad date', 'Text.', { published: '2026-13-45' }),
    ];
    await writeFile(file, lines.join('\n'));
    const summary = await buildIndex({ inputs: [file], outDir: join(dir, 'out') });
    expect(summary.manifest.counts.article).toBe(3);
    expect(summary.read).toBe(6);
    expect(summary.skipped.map((i) => `${i.file}:${i.line}`)).toEqual([
      `${file}:2`,
      `${file}:4`,
      `${file}:7`,
    ]);
    expect(summary.skipped[0]!.reason).toMatch(/invalid JSON/);
    expect(summary.skipped[1]!.reason).toMatch(/^body:/);
    expect(summary.skipped[2]!.reason).toMatch(/^published:/);
    expect(summary.manifest.skipped).toBe(3);

    await expect(
      buildIndex({ inputs: [file], outDir: join(dir, 'strict'), strict: true }),
    ).rejects.toBeInstanceOf(BuildError);
  });

  it('resolves duplicate ids to the record read last and reports it', async () => {
    const dir = await tmp();
    const file = join(dir, 'in.ndjson');
    await writeFile(file, [good[0], article('a1', 'Harbor bridge vote held', 'Corrected text.')].join('\n'));
    const summary = await buildIndex({ inputs: [file], outDir: join(dir, 'out') });
    expect(summary.manifest.counts.article).toBe(1);
    expect(summary.warnings).toEqual([
      { file, line: 2, reason: `duplicate id "a1" replaces the record at ${file}:1` },
    ]);
    const index = await loadIndex(fsSource(join(dir, 'out')));
    expect(articleById(index, 'a1')?.title).toBe('Harbor bridge vote held');
  });

  it('leaves the previous index untouched when a build fails', async () => {
    const dir = await tmp();
    const out = join(dir, 'out');
    await writeFile(join(dir, 'good.ndjson'), good.join('\n'));
    await buildIndex({ inputs: [join(dir, 'good.ndjson')], outDir: out });
    const before = await snapshot(out);

    await writeFile(join(dir, 'bad.ndjson'), 'not json\n{"id": 3}\n');
    await expect(buildIndex({ inputs: [join(dir, 'bad.ndjson')], outDir: out })).rejects.toThrow(
      /No valid articles/,
    );
    await mkdir(join(dir, 'empty'));
    await expect(buildIndex({ inputs: [join(dir, 'empty')], outDir: out })).rejects.toThrow(
      /No valid articles/,
    );
    await expect(buildIndex({ inputs: [join(dir, 'missing.ndjson')], outDir: out })).rejects.toThrow(
      /not found/,
    );
    expect(await snapshot(out)).toEqual(before);
  });

  it('keeps the replaced version for rollback and prunes older ones and leftovers of killed builds', async () => {
    const dir = await tmp();
    const out = join(dir, 'out');
    const versions: string[] = [];
    for (let i = 1; i <= 3; i++) {
      await writeFile(join(dir, 'in.ndjson'), good.slice(0, i).join('\n'));
      if (i === 3) await mkdir(join(out, '.tmp-v-deadbeef0000-1234'));
      versions.push((await buildIndex({ inputs: [join(dir, 'in.ndjson')], outDir: out })).manifest.version);
    }
    expect((await readdir(out)).sort()).toEqual(['manifest.json', versions[1], versions[2]].sort());
  });
});

describe('npm run build-index', () => {
  it('exits non-zero with file:line for a corrupt input, and zero with a summary otherwise', async () => {
    const dir = await tmp();
    await writeFile(join(dir, 'bad.ndjson'), `${good[0]}\n{oops\n`);
    const ok = await run(
      'npx',
      ['tsx', 'scripts/build-index.ts', '--input', join(dir, 'bad.ndjson'), '--out', join(dir, 'out')],
      { cwd: root },
    );
    expect(ok.stderr).toContain(`skipped ${join(dir, 'bad.ndjson')}:2: invalid JSON`);
    expect(ok.stderr).toMatch(/1 articles, 0 quotes, 0 entities; 2 records read from 1 file\(s\), 1 skipped/);
    // --shards auto is the default: one index, because it fits one isolate's budget.
    expect(ok.stderr).toMatch(/one index, estimated [\d.]+ MB loaded \(budget 56 MB\)/);

    const strict = run(
      'npx',
      [
        'tsx',
        'scripts/build-index.ts',
        '--strict',
        '--input',
        join(dir, 'bad.ndjson'),
        '--out',
        join(dir, 'out2'),
      ],
      { cwd: root },
    );
    await expect(strict).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`error ${join(dir, 'bad.ndjson')}:2: invalid JSON`),
    });
  });
});

describe('index options', () => {
  it('name the MiniSearch version that is installed', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'node_modules/minisearch/package.json'), 'utf8'));
    expect(MINISEARCH_VERSION).toBe(pkg.version);
  });
});

describe('article urls', () => {
  it('keep http(s) links and drop others, keeping the article', async () => {
    const dir = await tmp();
    const file = join(dir, 'in.ndjson');
    await writeFile(
      file,
      [
        article('u1', 'One', 'Text one.', { url: 'javascript:alert(1)' }),
        article('u2', 'Two', 'Text two.', { url: 'https://example.com/two' }),
      ].join('\n'),
    );
    await buildIndex({ inputs: [file], outDir: join(dir, 'out') });
    const index = await loadIndex(fsSource(join(dir, 'out')));
    expect(articleById(index, 'u1')?.url).toBeNull();
    expect(articleById(index, 'u2')?.url).toBe('https://example.com/two');
  });
});
