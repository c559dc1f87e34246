import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildIndex, prepareCorpus } from '../../src/build/build.js';
import { extractorFingerprint, openExtractionCache } from '../../src/build/extraction-cache.js';
import { SPEAKER_WEIGHTS } from '../../src/extract/quotes/speaker-choice.js';
import { defaultExtractor } from '../../src/pipeline/default-extractor.js';
import { GENDER_BLIND } from '../fixtures/invented-articles.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

function article(id: string, body: string) {
  return JSON.stringify({
    id,
    title: `Story ${id}`,
    body,
    author: null,
    publisher: 'Test',
    published: '2026-10-01',
    url: null,
    section: null,
    tags: [],
  });
}

const bodies = [
  '“We will open the bridge in May,” Mayor Ines Daltrey said on Monday.\n\nDaltrey spoke in Lisbon.',
  'The union rejected the offer. “It is not enough,” said Tomas Wren, the union’s leader.',
  'Prime Minister Hale Okonjo visited Nairobi. “Trade must grow,” Okonjo told reporters.',
];

describe('the extraction cache', () => {
  it('extracts only new articles on a rebuild, and does not load the extractor when nothing is new', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nrs-cache-'));
    const input = join(dir, 'in.ndjson');
    const cacheFile = join(dir, 'cache.json');
    let loads = 0;
    const loadExtractor = async () => {
      loads++;
      return defaultExtractor;
    };
    await writeFile(
      input,
      bodies
        .slice(0, 2)
        .map((b, i) => article(`a${i}`, b))
        .join('\n'),
    );
    const first = await buildIndex({ inputs: [input], outDir: join(dir, 'out'), cacheFile, loadExtractor });
    expect(first.extracted).toEqual({ cached: 0, fresh: 2 });
    expect(loads).toBe(1);

    const again = await buildIndex({ inputs: [input], outDir: join(dir, 'out'), cacheFile, loadExtractor });
    expect(again.extracted).toEqual({ cached: 2, fresh: 0 });
    expect(loads).toBe(1);
    expect(again.manifest.contentHash).toBe(first.manifest.contentHash);

    await writeFile(input, bodies.map((b, i) => article(`a${i}`, b)).join('\n'));
    const grown = await buildIndex({ inputs: [input], outDir: join(dir, 'out'), cacheFile, loadExtractor });
    expect(grown.extracted).toEqual({ cached: 2, fresh: 1 });
    expect(grown.manifest.counts.quote).toBeGreaterThan(first.manifest.counts.quote);
  });
});

describe('the extraction cache file', () => {
  async function setUp() {
    const dir = await mkdtemp(join(tmpdir(), 'nrs-cache-file-'));
    const input = join(dir, 'in.ndjson');
    await writeFile(input, bodies.map((b, i) => article(`a${i}`, b)).join('\n'));
    let loads = 0;
    const options = {
      inputs: [input],
      outDir: join(dir, 'out'),
      cacheFile: join(dir, 'cache.json'),
      loadExtractor: async () => {
        loads++;
        return defaultExtractor;
      },
    };
    const fresh = await buildIndex(options);
    return { options, fresh, loads: () => loads };
  }

  it('is not rewritten when a rebuild used exactly the entries it holds', async () => {
    const { options } = await setUp();
    const before = await stat(options.cacheFile);
    await new Promise((r) => setTimeout(r, 20));
    const again = await buildIndex(options);
    expect(again.extracted).toEqual({ cached: 3, fresh: 0 });
    expect((await stat(options.cacheFile)).mtimeMs).toBe(before.mtimeMs);
  });

  it('ignores a file in the former format, or one that is not a cache, and extracts everything again', async () => {
    const { options, fresh } = await setUp();
    for (const content of [JSON.stringify({ fingerprint: 'x', entries: {} }), 'not a cache\n["a",{}]', '']) {
      await writeFile(options.cacheFile, content);
      const rebuilt = await buildIndex(options);
      expect(rebuilt.extracted).toEqual({ cached: 0, fresh: 3 });
      expect(rebuilt.manifest.contentHash).toBe(fresh.manifest.contentHash);
      // …and leaves a cache the next build uses.
      expect((await buildIndex(options)).extracted).toEqual({ cached: 3, fresh: 0 });
    }
  });

  it('extracts again only an article whose line is damaged, and repairs the line', async () => {
    const { options, fresh, loads } = await setUp();
    const lines = (await readFile(options.cacheFile, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 2 });
    lines[2] = lines[2]!.slice(0, 60);
    lines[3] = `${lines[3]!.slice(0, lines[3]!.indexOf(',') + 1)}{"quotes":"none"}]`;
    await writeFile(options.cacheFile, `${lines.join('\n')}\n`);
    const repaired = await buildIndex(options);
    expect(repaired.extracted).toEqual({ cached: 1, fresh: 2 });
    expect(repaired.manifest.contentHash).toBe(fresh.manifest.contentHash);
    expect(loads()).toBe(2);
    expect((await buildIndex(options)).extracted).toEqual({ cached: 3, fresh: 0 });
  });
});

describe('npm run extract', () => {
  it('reports offsets into the body as given, through normalization', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nrs-extract-'));
    // Doubled spaces, a no-break space and mojibake: normalization changes every offset after them.
    const raw =
      'The  council met.\u00a0Caf\u00c3\u00a9 owners came.\n\n“We will fight this plan,” said Mayor Ines Daltrey.\n\n\n“It is too late,”   Daltrey added.';
    const input = join(dir, 'in.ndjson');
    await writeFile(input, article('x1', raw));
    const { stdout } = await run('npx', ['tsx', 'scripts/extract.ts', '--no-cache', '--input', input], {
      cwd: root,
    });
    const line = JSON.parse(stdout.trim());
    expect(line.id).toBe('x1');
    expect(line.quotes.map((q: any) => q.text)).toEqual(['“We will fight this plan,”', '“It is too late,”']);
    for (const q of line.quotes) expect(raw.slice(q.start, q.end)).toBe(q.text);
    expect(line.quotes.every((q: any) => q.speakerId === 'person-ines-daltrey')).toBe(true);
    const person = line.entities.find((e: any) => e.id === 'person-ines-daltrey');
    expect(person.mentions.length).toBeGreaterThanOrEqual(2);
    for (const [s, e] of person.mentions) expect([person.name, ...person.aliases]).toContain(raw.slice(s, e));
  });
});

describe('the extraction context', () => {
  it('is part of what the cache holds: other speaker weights, other extractions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nrs-cache-context-'));
    const file = join(dir, 'cache.json');
    const [a] = (await prepareCorpus({ inputs: [`${root}index-data/articles`] })).items.map((i) => i.article);
    const defaults = await openExtractionCache(file, {});
    defaults.set(a!, defaultExtractor(a!));
    await defaults.save();
    const genderBlind = { speakerWeights: GENDER_BLIND };
    expect((await openExtractionCache(file, genderBlind)).get(a!)).toBeUndefined();
    expect((await openExtractionCache(file, {})).get(a!)).toEqual(defaultExtractor(a!));
  });

  it('is recorded in the manifest and the build summary', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nrs-context-'));
    const summary = await buildIndex({
      inputs: [`${root}index-data/articles`],
      outDir: join(dir, 'out'),
      loadExtractor: async () => defaultExtractor,
    });
    expect(summary.speakerWeights).toMatchObject({ adopted: false, weights: SPEAKER_WEIGHTS });
    expect(summary.manifest.extraction).toEqual({ speakerWeights: SPEAKER_WEIGHTS });
    const written = JSON.parse(await readFile(join(dir, 'out', 'manifest.json'), 'utf8'));
    expect(written.extraction).toEqual({ speakerWeights: SPEAKER_WEIGHTS });
  });
});

describe('the extractor fingerprint', () => {
  it('changes with any source file under the extraction folder, sub-folders included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nrs-extract-src-'));
    await mkdir(join(dir, 'quotes', 'deeper'), { recursive: true });
    await writeFile(join(dir, 'quotes', 'cues.ts'), 'export const CUES = 1;\n');
    const url = pathToFileURL(`${dir}/`);
    const first = await extractorFingerprint(url);
    expect(await extractorFingerprint(url)).toBe(first);
    // Not a source file: no change.
    await writeFile(join(dir, 'quotes', 'notes.md'), 'anything');
    expect(await extractorFingerprint(url)).toBe(first);
    await writeFile(join(dir, 'quotes', 'cues.ts'), 'export const CUES = 2;\n');
    const edited = await extractorFingerprint(url);
    expect(edited).not.toBe(first);
    await writeFile(join(dir, 'quotes', 'deeper', 'more.ts'), 'export {};\n');
    expect(await extractorFingerprint(url)).not.toBe(edited);
  });

  it('covers the extraction code itself', async () => {
    const here = await extractorFingerprint();
    const src = new URL('../../src/extract/', import.meta.url);
    expect(await extractorFingerprint(src)).toBe(here);
    expect(await extractorFingerprint(new URL('entities/', src))).not.toBe(here);
  });
});
