/**
 * Corpus → the flat records MiniSearch indexes. Which text goes into which field is decided here,
 * beside the fields themselves (./options.ts): it is part of the index format, not of the pipeline.
 */

import type { Corpus } from '../model/corpus.js';
import { indexId } from './ids.js';
import type { IndexDoc } from './options.js';

export function toIndexDocs(corpus: Corpus): IndexDoc[] {
  const docs: IndexDoc[] = [];
  for (const a of corpus.articles) {
    docs.push({
      id: indexId('article', a.id),
      title: a.title,
      ...(a.subtitle ? { subtitle: a.subtitle } : {}),
      body: a.body,
    });
  }
  for (const q of corpus.quotes) {
    docs.push({ id: indexId('quote', q.id), text: q.text, ...(q.speaker ? { speaker: q.speaker } : {}) });
  }
  for (const e of corpus.entities) {
    docs.push({ id: indexId('entity', e.id), name: e.name, aliases: e.aliases.join(' \n ') });
  }
  return docs;
}
