/** The default extractor, imported on demand: its gazetteers take a second to load. */
import type { Extractor } from './extraction.js';

export async function loadDefaultExtractor(): Promise<Extractor> {
  return (await import('./default-extractor.js')).defaultExtractor;
}
