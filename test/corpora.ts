/**
 * The research corpora live beside the repository, in ../shared/corpus, for the team that has them;
 * anyone else clones the project without them. Suites that read a corpus ask here first: when it is
 * absent they are skipped with one line saying what and why, and everything else runs on the data
 * the repository ships. CI, where the corpora are present, sets NEWSROOM_REQUIRE_CORPORA=1 so that a
 * corpus that went missing (a moved file, a wrong path) fails the run instead of skipping quietly.
 */
import { existsSync, readFileSync } from 'node:fs';

export const CORPUS_DIR = new URL('../../shared/corpus/', import.meta.url).pathname;

const required = process.env.NEWSROOM_REQUIRE_CORPORA === '1';

/** The absolute path of a corpus file, e.g. `corpusPath('polnear/articles.ndjson')`. */
export function corpusPath(relative: string): string {
  return `${CORPUS_DIR}${relative}`;
}

/**
 * Whether every named corpus file is here. When one is not, says which suite is skipped (once per
 * call) or, where the corpora are required, throws so that the suite fails.
 */
export function hasCorpora(suite: string, ...files: string[]): boolean {
  const missing = files.filter((f) => !existsSync(corpusPath(f)));
  if (missing.length === 0) return true;
  const what = missing.map((f) => `../shared/corpus/${f}`).join(', ');
  if (required) throw new Error(`${suite}: ${what} not found, and NEWSROOM_REQUIRE_CORPORA=1 requires it`);
  console.warn(
    `[corpora] skipped "${suite}": ${what} not found (research corpora are not in the repository)`,
  );
  return false;
}

/**
 * A corpus file's text, or '' when it is absent: suites skipped for want of it still have their
 * bodies collected by vitest, so reading at collection time must not throw.
 */
export function readCorpus(relative: string): string {
  const path = corpusPath(relative);
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}
