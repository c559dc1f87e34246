/** Where the build reads from and writes to unless told otherwise. */
export const DEFAULT_INPUT = 'index-data/articles';
/** Served by the Worker through the ASSETS binding at INDEX_PATH (/index). */
export const DEFAULT_OUT = 'public/index';
