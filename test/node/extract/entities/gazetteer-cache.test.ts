import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  gazetteerKey,
  loadGazetteer,
  readGazetteerCache,
  writeGazetteerCache,
} from '../../../../src/extract/entities/gazetteer/cache.js';
import { deriveGazetteer, type Gazetteer } from '../../../../src/extract/entities/gazetteer/derive.js';
import { FrozenStringSet } from '../../../../src/extract/entities/gazetteer/frozen-string-set.js';

describe('FrozenStringSet', () => {
  const roundTrip = (set: FrozenStringSet) =>
    FrozenStringSet.fromData(v8.deserialize(v8.serialize(set.toData())));

  it('holds exactly its keys, numbered in the order given, also after a round trip through v8.serialize', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 8 }), { maxLength: 60 }),
        fc.array(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 30 }),
        (keys, probes) => {
          const distinct = [...new Set(keys)];
          for (const set of [FrozenStringSet.of(keys), roundTrip(FrozenStringSet.of(keys))!]) {
            expect(set.size).toBe(distinct.length);
            distinct.forEach((k, i) => {
              expect(set.indexOf(k)).toBe(i);
            });
            for (const p of probes) expect(set.has(p)).toBe(distinct.includes(p));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tells a key from its prefixes and extensions, and from the empty string', () => {
    const set = FrozenStringSet.of(['paris', 'par', 'parisian', 'é', '😀']);
    expect(['paris', 'par', 'parisian', 'é', '😀'].map((k) => set.has(k))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['pa', 'pari', 'parisiana', '', 'e', '\ud83d'].map((k) => set.has(k))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(FrozenStringSet.of(['']).has('')).toBe(true);
    expect(FrozenStringSet.of([]).has('')).toBe(false);
  });

  it('refuses data that is not one', () => {
    const good = FrozenStringSet.of(['a', 'bc']).toData();
    expect(FrozenStringSet.fromData(null)).toBeNull();
    expect(FrozenStringSet.fromData({ ...good, text: 42 })).toBeNull();
    expect(FrozenStringSet.fromData({ ...good, text: 'abcd' })).toBeNull();
    expect(FrozenStringSet.fromData({ ...good, ends: [1, 3] })).toBeNull();
    expect(FrozenStringSet.fromData({ ...good, slots: new Int32Array(3) })).toBeNull();
    // A table with no empty slot still answers (no endless probing).
    const full = FrozenStringSet.fromData({ ...good, slots: new Int32Array(4).fill(1) });
    expect(full?.has('zz')).toBe(false);
  });
});

describe('the gazetteer cache file', () => {
  let derived: Gazetteer;
  let key: string;
  let dir: string;
  beforeAll(async () => {
    derived = deriveGazetteer();
    key = gazetteerKey();
    dir = await mkdtemp(join(tmpdir(), 'nrs-gazetteer-'));
  });

  it('gives back what was derived', async () => {
    const file = join(dir, 'g.v8');
    writeGazetteerCache(file, key, derived);
    const cached = readGazetteerCache(file, key)!;
    expect(cached).not.toBeNull();
    expect(cached.countryByName).toEqual(derived.countryByName);
    expect(cached.countryByDemonym).toEqual(derived.countryByDemonym);
    expect(cached.otherPlaces).toEqual(derived.otherPlaces);
    // Typed arrays by their bytes: element by element, toEqual takes seconds on these sizes.
    const sameBytes = (a: ArrayBufferView, b: ArrayBufferView) =>
      Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
        Buffer.from(b.buffer, b.byteOffset, b.byteLength),
      );
    expect(sameBytes(cached.cityPopulation, derived.cityPopulation)).toBe(true);
    expect(JSON.stringify(cached.lexicon)).toBe(JSON.stringify(derived.lexicon));
    for (const name of ['englishWords', 'peopleNames', 'cityNames'] as const) {
      const [c, d] = [cached[name].toData(), derived[name].toData()];
      expect(cached[name].size).toBe(derived[name].size);
      expect(c.text === d.text && sameBytes(c.ends, d.ends) && sameBytes(c.slots, d.slots)).toBe(true);
    }
    expect(cached.englishWords.has('harbor')).toBe(true);
    expect(cached.peopleNames.has('Maria')).toBe(true);
    expect(cached.cityPopulation[cached.cityNames.indexOf('paris')]).toBeGreaterThan(1_000_000);
  });

  it("keeps compromise's lexicon as its ES modules build it (the tagger is loaded through require)", async () => {
    const nlp = (await import('compromise')).default as unknown as {
      world(): { model: { one: { lexicon: object } } };
    };
    expect(derived.lexicon).toEqual(nlp.world().model.one.lexicon);
  });

  it('ignores a file saved under another key, a damaged file and a missing one', async () => {
    const file = join(dir, 'other.v8');
    writeGazetteerCache(file, 'another key', derived);
    expect(readGazetteerCache(file, key)).toBeNull();

    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length >> 1));
    expect(readGazetteerCache(file, key)).toBeNull();
    await writeFile(file, 'not a cache');
    expect(readGazetteerCache(file, key)).toBeNull();
    await writeFile(file, v8.serialize({ key, data: { ...derived, englishWords: [...'abc'] } }));
    expect(readGazetteerCache(file, key)).toBeNull();
    expect(readGazetteerCache(join(dir, 'missing.v8'), key)).toBeNull();
  });

  it('derives the data again over a damaged file, and saves it for the next load', async () => {
    const file = join(dir, 'load.v8');
    await writeFile(file, 'garbage');
    const loaded = loadGazetteer(file);
    expect(loaded.englishWords.size).toBe(derived.englishWords.size);
    expect(readGazetteerCache(file, key)).not.toBeNull();
  });
});

describe('the gazetteer cache key', () => {
  const source = fileURLToPath(new URL('../../../../src/extract/entities/gazetteer/', import.meta.url));

  it('covers every source file of the gazetteer folder', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'nrs-gazetteer-src-'));
    await cp(source, copy, { recursive: true });
    const key = gazetteerKey(copy);
    expect(key).toBe(gazetteerKey());
    // Files other than sources do not count.
    await writeFile(join(copy, 'notes.txt'), 'anything');
    expect(gazetteerKey(copy)).toBe(key);
    const places = join(copy, 'place-names.ts');
    await writeFile(places, `${await readFile(places, 'utf8')}\n// another place\n`);
    const edited = gazetteerKey(copy);
    expect(edited).not.toBe(key);
    await writeFile(join(copy, 'more-places.ts'), 'export const MORE = [];\n');
    expect(gazetteerKey(copy)).not.toBe(edited);
  });
});
