/**
 * Faults fed to the build: bad records of every kind, an empty folder, and a build process
 * killed while writing. In every case the index that was serving keeps serving, unchanged,
 * and every bad record is reported by file and line.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BuildError, buildIndex } from '../../src/build/build.js';
import { loadIndex } from '../../src/index/load.js';
import { manifestSchema } from '../../src/index/manifest.js';
import { allOfType, articleById } from '../../src/search/lookup.js';
import { fsSource } from '../../src/store/drivers/fs.js';

const root = new URL('../../', import.meta.url).pathname;

/** Articles carry their own (empty) quotes and entities: no extraction, so big corpora build fast. */
function article(id: string, extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    id,
    title: `Harbor council report ${id}`,
    body: `The council met about item ${id}.\n\nThe vote on the harbor bridge was delayed again.`,
    author: 'Lena Ortiz',
    publisher: 'Test Gazette',
    published: '2026-10-02',
    url: null,
    section: 'politics',
    tags: ['council'],
    quotes: [],
    entities: [],
    ...extra,
  });
}

const tmp = () => mkdtemp(join(tmpdir(), 'nrs-faults-'));

async function served(out: string) {
  const index = await loadIndex(fsSource(out));
  return {
    manifest: index.manifest,
    articleIds: allOfType(index, 'article')
      .map((a) => a.id)
      .sort(),
  };
}

let dir: string;
let out: string;
let previous: Awaited<ReturnType<typeof served>>;

beforeEach(async () => {
  dir = await tmp();
  out = join(dir, 'out');
  const good = join(dir, 'good.ndjson');
  await writeFile(good, ['p1', 'p2', 'p3'].map((id) => article(id)).join('\n'));
  await buildIndex({ inputs: [good], outDir: out });
  previous = await served(out);
});

const BIG_BODY = 'x'.repeat(50 * 1024 * 1024);

const FAULTS: Array<[string, () => Buffer, RegExp]> = [
  ['a truncated NDJSON line', () => Buffer.from('{"id": "t1", "title": "Cut off mid-'), /invalid JSON/],
  [
    'invalid UTF-8 bytes',
    () =>
      Buffer.concat([
        Buffer.from(article('u1').slice(0, 30)),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from(article('u1').slice(30)),
      ]),
    /invalid UTF-8/,
  ],
  [
    'a missing required field',
    () => Buffer.from(JSON.stringify({ id: 'm1', title: 'No body here' })),
    /^body:/,
  ],
  ['a 50 MB body', () => Buffer.from(article('big', { body: BIG_BODY })), /record too large/],
];

describe('a build fed only bad records fails and leaves the previous index serving', () => {
  it.each(FAULTS)(
    '%s',
    async (_name, bytes, reason) => {
      const file = join(dir, 'bad.ndjson');
      await writeFile(file, bytes());
      const err = await buildIndex({ inputs: [file], outDir: out }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BuildError);
      const issues = (err as BuildError).issues;
      expect(issues.map((i) => `${i.file}:${i.line}`)).toEqual([`${file}:1`]);
      expect(issues[0]!.reason).toMatch(reason);
      expect(await served(out)).toEqual(previous);
    },
    60_000,
  );

  it('an empty folder', async () => {
    const empty = join(dir, 'empty');
    await mkdir(empty);
    await expect(buildIndex({ inputs: [empty], outDir: out })).rejects.toBeInstanceOf(BuildError);
    expect(await served(out)).toEqual(previous);
  });

  it('only duplicates of one id: the last wins, each replaced record is reported', async () => {
    const file = join(dir, 'dups.ndjson');
    await writeFile(
      file,
      [
        article('d1', { title: 'first' }),
        article('d1', { title: 'second' }),
        article('d1', { title: 'third' }),
      ].join('\n'),
    );
    const summary = await buildIndex({ inputs: [file], outDir: out });
    expect(summary.warnings.map((w) => `${w.file}:${w.line}`)).toEqual([`${file}:2`, `${file}:3`]);
    const index = await loadIndex(fsSource(out));
    expect(allOfType(index, 'article').map((a) => a.id)).toEqual(['d1']);
    expect(articleById(index, 'd1')?.title).toBe('third');
  });
});

describe('one bad record in a thousand', () => {
  it('yields an index of the other 999, naming each bad record by file and line', async () => {
    const faults = new Map<number, [Buffer, RegExp]>([
      [101, [FAULTS[0]![1](), /invalid JSON/]],
      [333, [FAULTS[1]![1](), /invalid UTF-8/]],
      [500, [FAULTS[2]![1](), /^body:/]],
      [777, [FAULTS[3]![1](), /record too large/]],
    ]);
    // Four files of 1000 lines each, one fault in each: 4 × 999 good records.
    const files: string[] = [];
    for (const [n, [bad]] of faults) {
      const lines: Buffer[] = [];
      for (let line = 1; line <= 1000; line++)
        lines.push(line === n ? bad : Buffer.from(article(`f${n}-${line}`)));
      const file = join(dir, `part-${n}.ndjson`);
      await writeFile(file, Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
      files.push(file);
    }
    const summary = await buildIndex({ inputs: files, outDir: out });
    expect(summary.manifest.counts.article).toBe(4 * 999);
    expect(summary.read).toBe(4 * 1000);
    expect(summary.skipped.map((i) => `${i.file}:${i.line}`).sort()).toEqual(
      [...faults.keys()].map((n) => `${join(dir, `part-${n}.ndjson`)}:${n}`).sort(),
    );
    for (const [n, [, reason]] of faults) {
      expect(summary.skipped.find((i) => i.line === n)!.reason).toMatch(reason);
    }
    const index = await served(out);
    expect(index.articleIds).toHaveLength(4 * 999);
    expect(index.articleIds).not.toContain('f101-101');
  }, 60_000);
});

describe('a build killed while writing', () => {
  it('leaves the previous index serving and no half-written version referenced', async () => {
    const big = join(dir, 'big.ndjson');
    const body = 'The harbor council met again to discuss the bridge. '.repeat(60);
    await writeFile(
      big,
      Array.from({ length: 6000 }, (_, i) => article(`k${i}`, { body: `${body} Item ${i}.` })).join('\n'),
    );

    // node itself, not the tsx CLI: tsx runs the script in a child process, which a SIGKILL of tsx
    // would leave running (and writing) as an orphan.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        `${root}scripts/build-index.ts`,
        '--input',
        big,
        '--out',
        out,
        '--no-cache',
        '--quiet',
      ],
      {
        cwd: root,
        stdio: 'ignore',
      },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let killedDuringWrite = false;
    // The write phase is when a .tmp- version folder exists: kill the build right then.
    while (child.exitCode === null) {
      const entries = await readdir(out).catch(() => [] as string[]);
      if (entries.some((e) => e.startsWith('.tmp-'))) {
        child.kill('SIGKILL');
        killedDuringWrite = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    await exited;
    expect(killedDuringWrite, 'the build finished before its write phase could be interrupted').toBe(true);

    // The manifest still names the previous, complete version.
    const manifest = manifestSchema.parse(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')));
    expect(manifest.version).toBe(previous.manifest.version);
    for (const f of Object.values(manifest.files)) {
      expect((await stat(join(out, manifest.version, f.path))).size).toBe(f.bytes);
    }
    expect(await served(out)).toEqual(previous);

    // The next build clears the leftovers of the killed one.
    const small = join(dir, 'small.ndjson');
    await writeFile(small, article('s1'));
    await buildIndex({ inputs: [small], outDir: out });
    expect((await readdir(out)).filter((e) => e.startsWith('.tmp-') || e.startsWith('.manifest-'))).toEqual(
      [],
    );
  }, 120_000);
});
