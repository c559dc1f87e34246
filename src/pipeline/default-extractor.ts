/** The extractor the build uses by default. */
import { noExtraction, type Extractor } from './extraction.js';

export const defaultExtractor: Extractor = noExtraction;
