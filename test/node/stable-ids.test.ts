/**
 * The id `npm run extract` prints for an entity is the id the index stores the entity's article
 * under, article by article, on a real archive; and every quote's speaker id is a person's id or
 * null, never a one-word fragment.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PreparedArticle, prepareCorpus } from '../../src/build/build.js';
import { type ExtractLine, extractLines } from '../../src/build/extract-lines.js';
import type { Corpus } from '../../src/model/corpus.js';
import type { MergedEntities } from '../../src/pipeline/corpus.js';
import { loadDefaultExtractor } from '../../src/pipeline/load-extractor.js';
import { hasCorpora, readCorpus } from '../corpora.js';

const present = hasCorpora('extract ids against the index', 'polnear/articles.ndjson');
const dir = mkdtempSync(join(tmpdir(), 'stable-ids-'));
let corpus: Corpus;
let merged: MergedEntities;
let items: PreparedArticle[];
let lines: ExtractLine[];

beforeAll(async () => {
  if (!present) return;
  // Every fifth article: enough for surnames, namesakes and places shared across articles.
  const records = readCorpus('polnear/articles.ndjson')
    .split('\n')
    .filter(Boolean)
    .filter((_, i) => i % 5 === 0);
  const file = join(dir, 'articles.ndjson');
  writeFileSync(file, `${records.join('\n')}\n`);
  ({ corpus, merged, items } = await prepareCorpus({ inputs: [file], loadExtractor: loadDefaultExtractor }));
  lines = extractLines(items, corpus, merged);
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!present)('entity ids', () => {
  it("gives every article the same entity ids in extract's lines as in the index", () => {
    const stored = new Map<string, Set<string>>();
    for (const e of corpus.entities)
      for (const a of e.articleIds) {
        let ids = stored.get(a);
        if (!ids) stored.set(a, (ids = new Set()));
        ids.add(e.id);
      }
    const differing = lines.filter((line) => {
      const printed = new Set(line.entities.map((e) => e.id));
      const indexed = stored.get(line.id) ?? new Set<string>();
      return printed.size !== indexed.size || [...printed].some((id) => !indexed.has(id));
    });
    expect(lines.length).toBeGreaterThan(150);
    expect(differing.map((l) => l.id)).toEqual([]);
  });

  it('prints each entity with the kind of its id', () => {
    const kinds = new Map(corpus.entities.map((e) => [e.id, e.kind]));
    for (const line of lines) for (const e of line.entities) expect(kinds.get(e.id)).toBe(e.kind);
  });

  it("resolves speakers to people's ids, never to a fragment", () => {
    const kinds = new Map(corpus.entities.map((e) => [e.id, e.kind]));
    const speakers = corpus.quotes.map((q) => q.speakerId).filter((id): id is string => id !== null);
    expect(speakers.length).toBeGreaterThan(100);
    for (const id of speakers) {
      expect(['person', 'organization']).toContain(kinds.get(id));
      expect(merged.isFragment(id)).toBe(false);
    }
  });
});
