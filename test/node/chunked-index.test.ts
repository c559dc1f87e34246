/**
 * Files stored in chunks (format 3): cut where nothing straddles, every stored file within the
 * limit, read back as views of the chunks (no second copy), answering exactly as the same index
 * stored whole; older unchunked manifests still read; a document that cannot fit fails the build
 * before anything is written. The limit is lowered through the build's option, so that a small
 * corpus makes many chunks.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BuildError, buildIndex, prepareCorpus } from '../../src/build/build.js';
import { ChunkedBytes } from '../../src/index/chunks.js';
import { FACETS } from '../../src/index/columns.js';
import { ASSET_LIMIT_BYTES, CHUNK_BYTES } from '../../src/index/limits.js';
import { type IndexUnavailableError, type LoadedIndex, loadIndex } from '../../src/index/load.js';
import { type Manifest, storedFiles } from '../../src/index/manifest.js';
import { memorySource } from '../../src/index/memory-source.js';
import { SEARCH_FIELDS } from '../../src/index/options.js';
import { type SerializedIndex, serializeIndex, storedBytes } from '../../src/index/serialize.js';
import type { IndexSource } from '../../src/index/source.js';
import { chunkRanges, utf8Boundary } from '../../src/index/split.js';
import type { Corpus } from '../../src/model/corpus.js';
import { defaultExtractor } from '../../src/pipeline/default-extractor.js';
import { localEngine } from '../../src/search/engine.js';
import { fsSource } from '../../src/store/drivers/fs.js';

const root = new URL('../../', import.meta.url).pathname;
const CHUNK = 8 * 1024;

describe('chunkRanges', () => {
  it('keeps a file that fits whole, and cuts at the last allowed offset within the limit', () => {
    expect(chunkRanges(100, 100, { oversize: 'split' })).toEqual([[0, 100]]);
    expect(chunkRanges(250, 100, { oversize: 'split' })).toEqual([
      [0, 100],
      [100, 200],
      [200, 250],
    ]);
    const cuts = [0, 30, 90, 120, 200, 260];
    expect(chunkRanges(260, 100, { cuts, oversize: 'split' })).toEqual([
      [0, 90],
      [90, 120],
      [120, 200],
      [200, 260],
    ]);
  });

  it('cuts text between UTF-8 characters, so that each chunk decodes alone', () => {
    const bytes = new TextEncoder().encode('Kovačević «quoted» 東京 '.repeat(40));
    const ranges = chunkRanges(bytes.length, 64, { snap: utf8Boundary(bytes), oversize: 'split' });
    expect(ranges.length).toBeGreaterThan(bytes.length / 64);
    const strict = new TextDecoder('utf-8', { fatal: true });
    expect(ranges.map(([a, b]) => strict.decode(bytes.subarray(a, b))).join('')).toBe(
      new TextDecoder().decode(bytes),
    );
  });

  it('cuts a unit larger than a chunk at 8-byte steps, or refuses it', () => {
    expect(chunkRanges(300, 100, { cuts: [0, 10, 290, 300], oversize: 'split' })).toEqual([
      [0, 10],
      [10, 106],
      [106, 202],
      [202, 300],
    ]);
    expect(() =>
      chunkRanges(300, 100, {
        cuts: [0, 10, 290, 300],
        oversize: (start, end, limit) => `unit ${start}..${end} over ${limit}`,
      }),
    ).toThrow('unit 10..290 over 100');
  });
});

describe('ChunkedBytes', () => {
  const a = new Uint8Array([1, 2, 3, 4]);
  const b = new Uint8Array([5, 6]);
  const c = new Uint8Array([7, 8, 9]);
  const file = new ChunkedBytes([a, b, c]);

  it('is a view of one chunk when the range lies in it, a copy when it straddles', () => {
    expect(file.byteLength).toBe(9);
    const inside = file.range(4, 6);
    expect(inside.buffer).toBe(b.buffer);
    expect([...inside]).toEqual([5, 6]);
    expect([...file.range(3, 8)]).toEqual([4, 5, 6, 7, 8]);
    expect(file.range(3, 8).buffer).not.toBe(a.buffer);
    expect([...file.range(9, 9)]).toEqual([]);
    expect(() => file.range(5, 10)).toThrow(RangeError);
  });

  it('decodes text whose characters straddle chunks', () => {
    const bytes = new TextEncoder().encode('Kovačević «quoted» 東京');
    for (let cut = 1; cut < bytes.length; cut++) {
      const text = new ChunkedBytes([bytes.subarray(0, cut), bytes.subarray(cut)]).text();
      expect(text).toBe('Kovačević «quoted» 東京');
    }
  });
});

describe('an index stored in chunks', () => {
  let corpus: Corpus;
  let whole: SerializedIndex;
  let chunked: SerializedIndex;

  beforeAll(async () => {
    ({ corpus } = await prepareCorpus({
      inputs: [`${root}index-data/articles`],
      extractor: defaultExtractor,
    }));
    whole = await serializeIndex(corpus, { sources: [], skipped: 0 });
    chunked = await serializeIndex(corpus, { sources: [], skipped: 0, chunkBytes: CHUNK });
  }, 120_000);

  it('keeps every stored file within the limit, the whole files in the manifest and their bytes', () => {
    expect(CHUNK_BYTES).toBeLessThan(ASSET_LIMIT_BYTES);
    const { files } = chunked.manifest;
    for (const name of ['index', 'bin', 'docs']) {
      expect(files[name]!.chunks!.length).toBeGreaterThan(1);
      expect(files[name]!.bytes).toBe(whole.manifest.files[name]!.bytes);
      expect(files[name]!.chunks!.reduce((n, c) => n + c.bytes, 0)).toBe(files[name]!.bytes);
    }
    for (const part of storedFiles(chunked.manifest)) expect(part.bytes).toBeLessThanOrEqual(CHUNK);
    expect(storedFiles(chunked.manifest).map((p) => p.path)).toContain('docs.0.ndjson');
    // The same bytes, cut otherwise: another version.
    expect(chunked.manifest.contentHash).not.toBe(whole.manifest.contentHash);
    expect(Buffer.from(chunked.files.docs!)).toEqual(Buffer.from(whole.files.docs!));
  });

  it('cuts docs.ndjson between documents', () => {
    for (const part of storedBytes(chunked).filter((p) => p.path.startsWith('docs.'))) {
      const text = new TextDecoder().decode(part.bytes);
      expect(text.endsWith('\n')).toBe(true);
      for (const line of text.slice(0, -1).split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    }
  });

  /** A source that remembers every buffer it handed out. */
  function recording(source: IndexSource): { source: IndexSource; buffers: Set<ArrayBufferLike> } {
    const buffers = new Set<ArrayBufferLike>();
    return {
      buffers,
      source: {
        name: source.name,
        async read(path) {
          const bytes = await source.read(path);
          if (bytes) buffers.add(bytes.buffer);
          return bytes;
        },
      },
    };
  }

  it('loads views of the chunks it read: sections that fit in a chunk are not copied', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nrs-chunks-'));
    await buildIndex({
      inputs: [`${root}index-data/articles`],
      outDir: dir,
      extractor: defaultExtractor,
      chunkBytes: CHUNK,
      assetLimit: CHUNK,
    });
    const { source, buffers } = recording(fsSource(dir));
    const index = await loadIndex(source);
    expect(index.manifest.files.docs!.chunks!.length).toBeGreaterThan(1);
    // Section views (a u32 table smaller than a chunk) and stored documents share the chunks' memory.
    expect(index.fieldLengths.byteLength).toBeLessThan(CHUNK);
    expect(buffers.has(index.fieldLengths.buffer)).toBe(true);
    expect(buffers.has(index.globalDocs.buffer)).toBe(true);
    const last = index.docs.count - 1;
    expect(index.docs.get(last)).toEqual((await loadIndex(memorySource(whole))).docs.get(last));
  });

  it('answers as the same index stored whole', async () => {
    const one = localEngine(await loadIndex(memorySource(whole)));
    const cut = localEngine(await loadIndex(memorySource(chunked)));
    for (const q of ['harbor', 'council bridge', 'mayor', 'brid', 'councel vote', '']) {
      const params = {
        q,
        types: [],
        limit: 20,
        offset: 0,
        facets: [...FACETS],
      };
      expect(await cut.search(params)).toEqual(await one.search(params));
    }
    for (const [i, a] of corpus.articles.entries()) {
      if (i % 5 === 0) expect(await cut.document('article', a.id)).toEqual(a);
    }
    expect(await cut.suggest('har', 8)).toEqual(await one.suggest('har', 8));
  });

  it('still reads a format-2 manifest (files stored whole, no hashes)', async () => {
    const files: Manifest['files'] = Object.fromEntries(
      Object.entries(whole.manifest.files).map(([n, f]) => [n, { path: f.path, bytes: f.bytes }]),
    );
    const old = { ...whole, manifest: { ...whole.manifest, formatVersion: 2, files } };
    const index: LoadedIndex = await loadIndex(memorySource(old));
    expect(index.manifest.formatVersion).toBe(2);
    expect(index.fieldLengths.length).toBe(index.docs.count * SEARCH_FIELDS.length);
  });

  it('fails the load when a chunk is missing, of another size, or the chunks do not add up', async () => {
    const source = memorySource(chunked);
    const v = chunked.manifest.version;
    const missing: IndexSource = {
      name: 'm',
      read: (p) => (p === `${v}/docs.1.ndjson` ? Promise.resolve(null) : source.read(p)),
    };
    await expect(loadIndex(missing)).rejects.toThrow(/docs\.1\.ndjson is missing/);
    const short: IndexSource = {
      name: 's',
      read: async (p) =>
        ((await source.read(p)) ?? new Uint8Array()).subarray(0, p.endsWith('index.1.bin') ? 8 : undefined),
    };
    await expect(loadIndex(short)).rejects.toThrow(/index\.1\.bin has 8 bytes/);
    const docs = chunked.manifest.files.docs!;
    const bad = {
      ...chunked,
      manifest: {
        ...chunked.manifest,
        files: { ...chunked.manifest.files, docs: { ...docs, bytes: docs.bytes + 1 } },
      },
    };
    await expect(loadIndex(memorySource(bad))).rejects.toMatchObject({
      code: 'index_corrupt',
      message: expect.stringMatching(/do not add up/),
    } satisfies Partial<IndexUnavailableError>);
  });
});

describe('a document larger than a chunk', () => {
  it('fails the build with its id, before anything is written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nrs-chunks-'));
    const input = join(dir, 'articles.ndjson');
    const body = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} of the long harbor report.`).join(
      '\n\n',
    );
    await writeFile(
      input,
      `${JSON.stringify({ id: 'long-harbor-report', title: 'The long report', body, quotes: [], entities: [] })}\n`,
    );
    const out = join(dir, 'out');
    const failed = buildIndex({ inputs: [input], outDir: out, chunkBytes: 4096, assetLimit: 4096 });
    await expect(failed).rejects.toThrow(BuildError);
    await expect(failed).rejects.toThrow(
      /stored document a:long-harbor-report is .* a document cannot be split/,
    );
    expect(await readdir(dir)).toEqual(['articles.ndjson']);
    // With the real limit it builds.
    await buildIndex({ inputs: [input], outDir: out });
    expect(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')).counts.article).toBe(1);
  });
});
