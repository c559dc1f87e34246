/**
 * `build-index --watch` as an editor uses it: the real script in its own process, a folder of
 * articles, files added, edited and broken while it runs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndex, createMemo } from '../../src/build/build.js';
import type { Extractor } from '../../src/pipeline/extraction.js';

const root = new URL('../../', import.meta.url).pathname;

const article = (id: string, title: string, body: string) =>
  JSON.stringify({
    id,
    title,
    body,
    author: 'Lena Ortiz',
    publisher: 'Test Gazette',
    published: '2026-10-02',
    section: 'local',
  });

/** Lines of the child's stderr, with a way to wait for the next one that matches. */
function lines(child: ChildProcess) {
  const seen: string[] = [];
  let waiters: Array<() => void> = [];
  let buffer = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    seen.push(...parts);
    for (const w of waiters) w();
  });
  return {
    seen,
    /** The first line from `from` on that matches; rejects after `ms`. */
    async next(pattern: RegExp, from: number, ms = 60_000): Promise<{ line: string; at: number }> {
      const deadline = Date.now() + ms;
      for (;;) {
        const at = seen.findIndex((l, i) => i >= from && pattern.test(l));
        if (at >= 0) return { line: seen[at]!, at };
        if (Date.now() > deadline) throw new Error(`no line matching ${pattern} in:\n${seen.join('\n')}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, 200);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
        waiters = [];
      }
    },
  };
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

describe('build-index --watch', () => {
  it('rebuilds when an article is added, edited or broken, and keeps the last good index', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nrs-watch-'));
    const input = join(dir, 'articles');
    const out = join(dir, 'out');
    await mkdir(input);
    await writeFile(
      join(input, 'first.ndjson'),
      `${article('w1', 'Harbor bridge vote delayed', 'The council delayed the harbor bridge vote until spring.')}\n`,
    );
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/build-index.ts',
        '--input',
        input,
        '--out',
        out,
        '--cache',
        join(dir, 'cache.json'),
        '--quiet',
        '--watch',
      ],
      { cwd: root },
    );
    children.push(child);
    const log = lines(child);
    const pointer = async () =>
      JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as {
        version: string;
        counts: { article: number };
      };

    let at = (await log.next(/^watching /, 0)).at;
    const first = await pointer();
    expect(first.counts.article).toBe(1);

    // A new file: only its article is new.
    await writeFile(
      join(input, 'second.ndjson'),
      `${article('w2', 'Ferry strike ends', 'Ferry crews went back to work after a two-day strike.\n\n"We are back on the water," said union leader Maria Costa.')}\n`,
    );
    at = (await log.next(/^built v-/, at + 1)).at;
    expect(log.seen[at]).toMatch(/2 articles, 1 quotes.*1 extracted, 1 from cache/);
    const second = await pointer();
    expect(second.counts.article).toBe(2);
    expect(second.version).not.toBe(first.version);

    // An edit of an existing article.
    await writeFile(
      join(input, 'second.ndjson'),
      `${article('w2', 'Ferry strike ends after three days', 'Ferry crews went back to work.')}\n`,
    );
    at = (await log.next(/^built v-/, at + 1)).at;
    const third = await pointer();
    expect(third.version).not.toBe(second.version);

    // A broken line: reported with file and line, the other records still indexed.
    await writeFile(
      join(input, 'second.ndjson'),
      `${article('w2', 'Ferry strike ends after three days', 'Ferry crews went back to work.')}\n{"id": "w3", "title": \n`,
    );
    const skipped = await log.next(/^skipped .*second\.ndjson:2: /, at + 1);
    at = (await log.next(/^built v-/, skipped.at)).at;
    expect(log.seen[at]).toMatch(/\(unchanged\).*2 articles.*1 skipped/);
    expect((await pointer()).version).toBe(third.version);

    // Every article gone: the build fails and the last good index stays.
    await writeFile(join(input, 'first.ndjson'), 'not json\n');
    await writeFile(join(input, 'second.ndjson'), '');
    at = (await log.next(/^build failed: /, at + 1)).at;
    expect((await pointer()).version).toBe(third.version);
    expect(child.exitCode).toBeNull();
  }, 120_000);
});

describe('a build memo', () => {
  it('normalizes and extracts only the records that changed since the last build', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nrs-memo-'));
    const file = join(dir, 'in.ndjson');
    const extracted: string[] = [];
    const extractor: Extractor = (a) => {
      extracted.push(a.id);
      return { quotes: [], entities: [] };
    };
    const memo = createMemo();
    const build = () =>
      buildIndex({
        inputs: [file],
        outDir: join(dir, 'out'),
        memo,
        loadExtractor: async () => extractor,
        cacheFile: join(dir, 'cache.json'),
      });
    await writeFile(
      file,
      [article('m1', 'One', 'First body.'), article('m2', 'Two', 'Second body.')].join('\n'),
    );
    await build();
    expect(extracted).toEqual(['m1', 'm2']);
    expect(memo.extractor).toBe(extractor);
    const kept = [...memo.normalized.values()][0];
    await writeFile(
      file,
      [
        article('m1', 'One', 'First body.'),
        article('m2', 'Two', 'Second body, edited.'),
        article('m3', 'Three', 'Third.'),
      ].join('\n'),
    );
    const summary = await build();
    expect(extracted).toEqual(['m1', 'm2', 'm2', 'm3']);
    expect(summary.extracted).toEqual({ cached: 1, fresh: 2 });
    // The unchanged record's normalization was reused, the edited one's old form dropped.
    expect([...memo.normalized.values()][0]).toBe(kept);
    expect(memo.normalized.size).toBe(3);
  });
});
