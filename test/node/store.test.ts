/**
 * The index store on its own, in Node over the memory driver: a version published through the
 * store's protocol is what the holder serves; concurrent first requests share one load; a new
 * version is switched to only once it loaded, and only when the pointer is re-read; rollback and
 * pruning. The same protocol runs through the Worker against R2 in test/worker/publish.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { type SerializedIndex, serializeIndex } from '../../src/index/serialize.js';
import type { IndexSource } from '../../src/index/source.js';
import type { Article } from '../../src/model/documents.js';
import { memoryStorage } from '../../src/store/drivers/memory.js';
import { listVersions, PublishError, publish, rollback, uploadFile } from '../../src/store/publish.js';
import { type IndexAccess, indexHolder } from '../../src/store/served.js';
import type { IndexStorage } from '../../src/store/storage.js';

const article = (id: string, title: string): Article => ({
  id,
  title,
  subtitle: null,
  body: `${title}. The council of an invented town met on Tuesday.`,
  authors: [],
  publisher: 'Invented Gazette',
  section: null,
  tags: [],
  published: '2026-01-02',
  url: null,
});

async function version(...titles: string[]): Promise<SerializedIndex> {
  const articles = titles.map((t, i) => article(`a${i}-${t.toLowerCase().replaceAll(' ', '-')}`, t));
  return serializeIndex({ articles, quotes: [], entities: [] }, { sources: [], skipped: 0 });
}

async function upload(storage: IndexStorage, v: SerializedIndex): Promise<void> {
  for (const [name, bytes] of Object.entries(v.files))
    await uploadFile(storage, v.manifest.version, v.manifest.files[name]!.path, bytes, bytes.byteLength);
}

const noShards = { clients: () => [], timeoutMs: 1000 };
const access = (source: IndexSource, refreshSeconds: number | null = 0): IndexAccess => ({
  source: () => source,
  refreshSeconds,
  shards: noShards,
});

/** A source that counts reads of each path. */
function counted(source: IndexSource): IndexSource & { reads: Map<string, number> } {
  const reads = new Map<string, number>();
  return {
    name: source.name,
    reads,
    read(path) {
      reads.set(path, (reads.get(path) ?? 0) + 1);
      return source.read(path);
    },
  };
}

describe('publishing and serving through the store', () => {
  it('serves what is published, switches on the next pointer read, rolls back', async () => {
    const storage = memoryStorage();
    const [a, b] = await Promise.all([
      version('Harbor Bridge Opens'),
      version('Ferry Timetable', 'Harbor Lights'),
    ]);
    const holder = indexHolder();
    await expect(holder.get(access(storage))).rejects.toMatchObject({ code: 'index_missing' });

    await upload(storage, a);
    expect((await publish(storage, a.manifest)).previous).toBeNull();
    expect((await holder.get(access(storage))).manifest.version).toBe(a.manifest.version);

    await upload(storage, b);
    expect((await publish(storage, b.manifest)).previous).toBe(a.manifest.version);
    const served = await holder.get(access(storage));
    expect(served.manifest.version).toBe(b.manifest.version);
    const result = await served.search({ q: 'harbor', types: [], limit: 10, offset: 0 });
    expect(result.hits.map((h) => h.id)).toEqual(['a1-harbor-lights']);

    expect(await rollback(storage)).toMatchObject({
      version: a.manifest.version,
      rolledBackFrom: b.manifest.version,
    });
    expect((await holder.get(access(storage))).manifest.version).toBe(a.manifest.version);
    expect(await listVersions(storage)).toMatchObject({
      current: a.manifest.version,
      stored: [a.manifest.version, b.manifest.version].sort(),
    });
  });

  it('refuses an incomplete version without touching the pointer, and prunes all but three versions', async () => {
    const storage = memoryStorage();
    const a = await version('Harbor Bridge Opens');
    const [first] = Object.keys(a.files);
    await uploadFile(
      storage,
      a.manifest.version,
      a.manifest.files[first!]!.path,
      a.files[first!]!,
      a.files[first!]!.byteLength,
    );
    const refused = await publish(storage, a.manifest).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(PublishError);
    expect(refused).toMatchObject({ code: 'incomplete_version' });
    expect(await storage.read('manifest.json')).toBeNull();

    const names = ['v-a00001', 'v-a00002', 'v-a00003', 'v-a00004'];
    const pruned: string[][] = [];
    for (const name of names) {
      const renamed = { ...a, manifest: { ...a.manifest, version: name } };
      await upload(storage, renamed);
      pruned.push((await publish(storage, renamed.manifest)).pruned);
    }
    // The incomplete upload goes with the first prune; then the oldest beyond the kept three.
    expect(pruned).toEqual([[a.manifest.version], [], [], ['v-a00001']]);
    expect((await listVersions(storage)).stored).toEqual(['v-a00002', 'v-a00003', 'v-a00004']);
  });
});

describe('the index holder', () => {
  it('shares one load between concurrent first requests', async () => {
    const storage = memoryStorage();
    const a = await version('Harbor Bridge Opens');
    await upload(storage, a);
    await publish(storage, a.manifest);
    const source = counted(storage);
    const holder = indexHolder();
    const engines = await Promise.all(Array.from({ length: 5 }, () => holder.get(access(source, null))));
    expect(new Set(engines).size).toBe(1);
    expect(source.reads.get('manifest.json')).toBe(1);
    // With no refresh (a bundled index) the pointer is never read again.
    await holder.get(access(source, null));
    expect(source.reads.get('manifest.json')).toBe(1);
  });

  it('re-reads the pointer once per interval, and keeps serving when a new version fails to load', async () => {
    const storage = memoryStorage();
    const [a, b] = await Promise.all([version('Harbor Bridge Opens'), version('Ferry Timetable')]);
    await upload(storage, a);
    await publish(storage, a.manifest);
    const holder = indexHolder();
    const source = counted(storage);
    expect((await holder.get(access(source, 60))).manifest.version).toBe(a.manifest.version);

    // B is complete by name and size, so it publishes, but its header is not an index's.
    await upload(storage, b);
    const header = Object.values(b.manifest.files).find((f) => f.path === 'index.json')!;
    await storage.write(`${b.manifest.version}/index.json`, '<'.repeat(header.bytes));
    await publish(storage, b.manifest);
    // Within the interval: not even read.
    expect((await holder.get(access(source, 60))).manifest.version).toBe(a.manifest.version);
    expect(source.reads.get('manifest.json')).toBe(1);

    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 61_000);
      expect((await holder.get(access(source, 60))).manifest.version).toBe(a.manifest.version);
      expect(source.reads.get('manifest.json')).toBe(2);
      expect(
        errors.mock.calls.some((c) => String(c[0]).includes(`${b.manifest.version} could not be loaded`)),
      ).toBe(true);
    } finally {
      vi.useRealTimers();
      errors.mockRestore();
    }
  });
});
