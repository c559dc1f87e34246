/** Where the build reads from and writes to unless told otherwise. */
export const DEFAULT_INPUT = 'index-data/articles';
/** Served by the Worker through the ASSETS binding at INDEX_PATH (/index). */
export const DEFAULT_OUT = 'public/index';
/** Extraction results by article content, so rebuilds extract only new or changed articles. */
export const DEFAULT_CACHE = '.cache/extract.json';
