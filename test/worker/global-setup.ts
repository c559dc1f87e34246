/**
 * Runs in Node before the workerd tests: builds the sample corpus into public/test-index and
 * writes the broken indexes that the fault tests serve through the ASSETS binding.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { buildIndex } from '../../src/build/build.js';
import { defaultExtractor } from '../../src/pipeline/default-extractor.js';

const root = new URL('../../', import.meta.url).pathname;
const out = `${root}public/test-index`;
const faults = `${root}public/test-faults`;

export default async function setup() {
  const summary = await buildIndex({ inputs: [`${root}index-data/articles`], outDir: out, extractor: defaultExtractor });
  const manifest = JSON.parse(await readFile(`${out}/manifest.json`, 'utf8'));
  const versionDir = `${out}/${summary.manifest.version}`;

  await rm(faults, { recursive: true, force: true });
  const variants: Record<string, (m: typeof manifest) => unknown> = {
    'options-mismatch': (m) => ({ ...m, optionsHash: '0000000000000000' }),
    'format-mismatch': (m) => ({ ...m, formatVersion: 999 }),
    'truncated-index': (m) => m,
    'missing-file': (m) => m,
    'store-not-json': (m) => m,
  };
  for (const [name, change] of Object.entries(variants)) {
    const dir = `${faults}/${name}`;
    await mkdir(dir, { recursive: true });
    await cp(versionDir, `${dir}/${summary.manifest.version}`, { recursive: true });
    await writeFile(`${dir}/manifest.json`, JSON.stringify(change(manifest)));
  }
  const truncated = `${faults}/truncated-index/${summary.manifest.version}/index.json`;
  const text = await readFile(truncated, 'utf8');
  await writeFile(truncated, text.slice(0, Math.floor(text.length / 2)));
  // The manifest names a file that is not there, and a store that is not JSON at all.
  await rm(`${faults}/missing-file/${summary.manifest.version}/${manifest.files.quotes.path}`);
  await writeFile(`${faults}/store-not-json/${summary.manifest.version}/${manifest.files.articles.path}`, '<html>502 Bad Gateway</html>');
}
