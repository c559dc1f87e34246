/**
 * Runs in Node before the workerd tests: builds the sample corpus into public/test-index and
 * writes the broken indexes that the fault tests serve through the ASSETS binding.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildIndex } from '../../src/build/build.js';
import { defaultExtractor } from '../../src/pipeline/default-extractor.js';
import { corpusPath, hasCorpora } from '../corpora.js';
import { CONTRACT_FILES, CONTRACT_ROOT } from '../store/contract-files.js';
import { buildShards } from './setup-shards.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Whether PolNeAR was found, built into public/test-polnear and used for the shard tests. */
    polnear: boolean;
  }
}

const root = new URL('../../', import.meta.url).pathname;
const out = `${root}public/test-index`;
const faults = `${root}public/test-faults`;

const polnear = corpusPath('polnear/articles.ndjson');

/**
 * PolNeAR, indexed without extraction (facets by publisher and month need none), plus the counts
 * computed here from the raw NDJSON: the workerd test compares the Worker's facets with them.
 */
async function buildPolnear() {
  const dir = `${root}public/test-polnear`;
  await buildIndex({ inputs: [polnear], outDir: dir });
  const rows = (await readFile(polnear, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, any>);
  const count = (pick: (r: Record<string, any>) => string | null, of = rows) => {
    const m: Record<string, number> = {};
    for (const r of of) {
      const k = pick(r);
      if (k) m[k] = (m[k] ?? 0) + 1;
    }
    return m;
  };
  const benghazi = rows.filter((r) => /benghazi/i.test(`${r.title}\n${r.body}`));
  await writeFile(
    `${dir}/expected.json`,
    JSON.stringify({
      total: rows.length,
      publisher: count((r) => r.publisher),
      month: count((r) => r.published?.slice(0, 7) ?? null),
      benghazi: { total: benghazi.length, publisher: count((r) => r.publisher, benghazi) },
    }),
  );
}

/**
 * A second, different index for the publishing tests (test/worker/publish.test.ts): two articles
 * of its own, built like any index into public/test-publish-b.
 */
const PUBLISH_B_ARTICLES = [
  {
    id: 'publish-b-harbor-lights',
    title: 'Harbor Lights Return to the Old Quay',
    body: 'The harbor lights of the old quay were switched on again on Friday after a winter of repairs.\n\nVolunteers rebuilt the lamps by hand.',
    author: 'Mira Osterlund',
    publisher: 'Quayside Courier',
    published: '2027-02-01T08:00:00Z',
    url: 'https://quayside.example/harbor-lights',
    section: 'local',
    tags: ['harbor'],
  },
  {
    id: 'publish-b-harbor-ferry',
    title: 'New Harbor Ferry Runs on Batteries',
    body: 'A battery ferry now crosses the harbor every twenty minutes.\n\nThe operator says the crossing is quieter than before.',
    author: 'Jonas Pell',
    publisher: 'Quayside Courier',
    published: '2027-02-03T08:00:00Z',
    url: 'https://quayside.example/harbor-ferry',
    section: 'local',
    tags: ['harbor', 'transport'],
  },
];

async function buildPublishB() {
  const src = await mkdtemp(join(tmpdir(), 'publish-b-'));
  await writeFile(
    `${src}/articles.ndjson`,
    `${PUBLISH_B_ARTICLES.map((a) => JSON.stringify(a)).join('\n')}\n`,
  );
  await buildIndex({ inputs: [`${src}/articles.ndjson`], outDir: `${root}public/test-publish-b` });
  await rm(src, { recursive: true, force: true });
}

/** The files the assets driver must read back (test/worker/store-drivers.test.ts). */
async function writeStoreContract() {
  const dir = `${root}public/${CONTRACT_ROOT}`;
  await rm(dir, { recursive: true, force: true });
  for (const [path, bytes] of Object.entries(CONTRACT_FILES)) {
    await mkdir(dirname(`${dir}/${path}`), { recursive: true });
    await writeFile(`${dir}/${path}`, bytes);
  }
}

export default async function setup(project: TestProject) {
  await writeStoreContract();
  const withPolnear = hasCorpora(
    'PolNeAR in workerd (the shard tests use the sample)',
    'polnear/articles.ndjson',
  );
  project.provide('polnear', withPolnear);
  if (withPolnear) await buildPolnear();
  await buildPublishB();
  // The shard tests run on the bundled sample where PolNeAR is absent.
  await buildShards(withPolnear ? polnear : `${root}index-data/articles`);
  const summary = await buildIndex({
    inputs: [`${root}index-data/articles`],
    outDir: out,
    extractor: defaultExtractor,
  });
  // The same sample stored in chunks of 8 KiB (test/worker/publish.test.ts serves it from assets and R2).
  await buildIndex({
    inputs: [`${root}index-data/articles`],
    outDir: `${root}public/test-chunked`,
    extractor: defaultExtractor,
    chunkBytes: 8192,
    assetLimit: 8192,
  });
  const manifest = JSON.parse(await readFile(`${out}/manifest.json`, 'utf8'));
  const versionDir = `${out}/${summary.manifest.version}`;

  await rm(faults, { recursive: true, force: true });
  const variants: Record<string, (m: typeof manifest) => unknown> = {
    'options-mismatch': (m) => ({ ...m, optionsHash: '0000000000000000' }),
    'format-mismatch': (m) => ({ ...m, formatVersion: 999 }),
    'truncated-index': (m) => m,
    'missing-file': (m) => m,
    'store-not-json': (m) => m,
    'header-not-json': (m) => m,
  };
  for (const [name, change] of Object.entries(variants)) {
    const dir = `${faults}/${name}`;
    await mkdir(dir, { recursive: true });
    await cp(versionDir, `${dir}/${summary.manifest.version}`, { recursive: true });
    await writeFile(`${dir}/manifest.json`, JSON.stringify(change(manifest)));
  }
  const truncated = `${faults}/truncated-index/${summary.manifest.version}/${manifest.files.bin.path}`;
  const bytes = await readFile(truncated);
  await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
  // The manifest names a file that is not there, and a store that is not JSON at all.
  await rm(`${faults}/missing-file/${summary.manifest.version}/${manifest.files.docs.path}`);
  await writeFile(
    `${faults}/store-not-json/${summary.manifest.version}/${manifest.files.docs.path}`,
    '<html>502 Bad Gateway</html>',
  );
  // A header of the right size that is not JSON: only parsing can tell.
  const header = `${faults}/header-not-json/${summary.manifest.version}/${manifest.files.index.path}`;
  const size = (await readFile(header)).length;
  await writeFile(header, '<'.repeat(size));
}
