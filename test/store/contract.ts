/**
 * The one contract every driver of the index store (src/store/drivers/) passes, run against each:
 * in workerd for assets and R2 (Miniflare's local implementations, test/worker/store-drivers.test.ts)
 * and in Node for the file system and memory (test/node/store-drivers.test.ts). Reading is asked of
 * every driver; writing, listing and deleting of those that publish (R2, memory).
 */
import { describe, expect, it } from 'vitest';
import type { IndexSource } from '../../src/index/source.js';
import type { IndexStorage } from '../../src/store/storage.js';
import { CONTRACT_FILES } from './contract-files.js';

export interface ReadableDriver {
  name: string;
  /** A source over a root holding exactly CONTRACT_FILES. */
  open(): Promise<IndexSource>;
}

export interface WritableDriver {
  name: string;
  /** An empty storage, a new one (another root) on every call. */
  open(): Promise<IndexStorage>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function streamOf(...parts: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const p of parts) controller.enqueue(encoder.encode(p));
      controller.close();
    },
  });
}

export function readContract(driver: ReadableDriver): void {
  describe(`the ${driver.name} driver reads`, () => {
    it('every file byte for byte: JSON, text, binary, an empty file', async () => {
      const source = await driver.open();
      expect(source.name).toMatch(/\S/);
      for (const [path, bytes] of Object.entries(CONTRACT_FILES)) {
        const read = await source.read(path);
        expect(read, path).toBeInstanceOf(Uint8Array);
        expect([...read!], path).toEqual([...bytes]);
      }
    });

    it('null for a file or a folder that is not there', async () => {
      const source = await driver.open();
      for (const path of [
        'nothing.json',
        'v-c0ffee/nothing.bin',
        'v-000000/index.bin',
        'v-c0ffee/shard-9/docs.ndjson',
      ])
        expect(await source.read(path), path).toBeNull();
    });

    it('a fresh copy each time: changing what was read changes nothing stored', async () => {
      const source = await driver.open();
      const first = (await source.read('v-c0ffee/index.bin'))!;
      first.fill(0);
      expect([...(await source.read('v-c0ffee/index.bin'))!]).toEqual([
        ...CONTRACT_FILES['v-c0ffee/index.bin']!,
      ]);
    });
  });
}

export function writeContract(driver: WritableDriver): void {
  describe(`the ${driver.name} driver writes`, () => {
    it('bytes and text, read back as written, replacing what was there', async () => {
      const storage = await driver.open();
      const bytes = Uint8Array.from([0, 1, 2, 250, 255]);
      expect(await storage.write('v-a1b2c3/index.bin', bytes)).toBe(5);
      expect([...(await storage.read('v-a1b2c3/index.bin'))!]).toEqual([0, 1, 2, 250, 255]);
      expect(
        await storage.write('manifest.json', '{"version":"v-a1b2c3"}', { contentType: 'application/json' }),
      ).toBe(22);
      expect(decoder.decode((await storage.read('manifest.json'))!)).toBe('{"version":"v-a1b2c3"}');
      await storage.write('manifest.json', 'ü');
      expect(decoder.decode((await storage.read('manifest.json'))!)).toBe('ü');
      // What was written is stored, not a view of the caller's array.
      bytes.fill(9);
      expect([...(await storage.read('v-a1b2c3/index.bin'))!]).toEqual([0, 1, 2, 250, 255]);
    });

    it('a stream of the declared length, and refuses one of another length or of none', async () => {
      const storage = await driver.open();
      expect(
        await storage.write('v-a1b2c3/docs.ndjson', streamOf('{"a":1}\n', '{"b":2}\n'), { length: 16 }),
      ).toBe(16);
      expect(decoder.decode((await storage.read('v-a1b2c3/docs.ndjson'))!)).toBe('{"a":1}\n{"b":2}\n');
      expect(await storage.write('v-a1b2c3/empty.bin', streamOf(), { length: 0 })).toBe(0);
      expect((await storage.read('v-a1b2c3/empty.bin'))?.byteLength).toBe(0);
      await expect(storage.write('v-a1b2c3/short.bin', streamOf('abc'), { length: 4 })).rejects.toThrow();
      await expect(storage.write('v-a1b2c3/long.bin', streamOf('abcde'), { length: 4 })).rejects.toThrow();
      await expect(storage.write('v-a1b2c3/unsized.bin', streamOf('abc'))).rejects.toThrow();
      for (const path of ['v-a1b2c3/short.bin', 'v-a1b2c3/long.bin', 'v-a1b2c3/unsized.bin'])
        expect(await storage.read(path), path).toBeNull();
    });

    it('stats a file without reading it, and null for none', async () => {
      const storage = await driver.open();
      await storage.write('v-a1b2c3/index.json', '{"terms":[]}');
      const stat = await storage.stat('v-a1b2c3/index.json');
      expect(stat?.bytes).toBe(12);
      expect(stat?.written).toBeInstanceOf(Date);
      expect(Number.isNaN(stat!.written.getTime())).toBe(false);
      expect(await storage.stat('v-a1b2c3/nothing.json')).toBeNull();
    });

    it('lists files under a folder at any depth, and the folders of the root, sorted', async () => {
      const storage = await driver.open();
      for (const path of [
        'manifest.json',
        'versions.json',
        'v-bbbbbb/index.bin',
        'v-aaaaaa/shard-1/index.bin',
        'v-aaaaaa/index.json',
        'v-aaaaaa/shard-0/index.bin',
        'v-aaaaaa-extra/x.bin',
      ])
        await storage.write(path, 'x');
      expect(await storage.list('v-aaaaaa/')).toEqual([
        'v-aaaaaa/index.json',
        'v-aaaaaa/shard-0/index.bin',
        'v-aaaaaa/shard-1/index.bin',
      ]);
      expect(await storage.list('v-cccccc/')).toEqual([]);
      expect(await storage.list('')).toHaveLength(7);
      expect(await storage.folders()).toEqual(['v-aaaaaa', 'v-aaaaaa-extra', 'v-bbbbbb']);
    });

    it('deletes files, ignoring paths that are not there', async () => {
      const storage = await driver.open();
      await storage.write('v-aaaaaa/a.bin', 'a');
      await storage.write('v-aaaaaa/b/c.bin', 'c');
      await storage.write('manifest.json', '{}');
      await storage.delete(['v-aaaaaa/a.bin', 'v-aaaaaa/b/c.bin', 'v-aaaaaa/nothing.bin']);
      expect(await storage.read('v-aaaaaa/a.bin')).toBeNull();
      expect(await storage.list('')).toEqual(['manifest.json']);
      expect(await storage.folders()).toEqual([]);
      await storage.delete([]);
    });

    it('keeps two roots apart', async () => {
      const [a, b] = [await driver.open(), await driver.open()];
      await a.write('manifest.json', '{}');
      await a.write('v-aaaaaa/index.bin', 'x');
      expect(await b.read('manifest.json')).toBeNull();
      expect(await b.list('')).toEqual([]);
      expect(await b.folders()).toEqual([]);
    });
  });
}
