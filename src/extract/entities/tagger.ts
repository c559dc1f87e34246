/**
 * Part-of-speech tags from compromise for the tokens of an article, when the tagger is on. It
 * costs about six times the rest of entity extraction, so the build runs without it (every token
 * then has no tag) and the rules lean on the gazetteers and compromise's lexicon instead.
 */
import { createRequire } from 'node:module';
import type Nlp from 'compromise';
import type { Token } from '../text/article-tokens.js';

export interface Tags {
  has(tag: string): boolean;
}
export const NO_TAGS: Tags = { has: () => false };

const require = createRequire(import.meta.url);
let nlp: typeof Nlp | null = null;

/** Each token's part-of-speech tags (compromise's terms, matched by start offset); NO_TAGS untagged. */
export function tagTokens(body: string, tokens: Token[], useTagger: boolean): Tags[] {
  const out: Tags[] = tokens.map(() => NO_TAGS);
  if (!useTagger) return out;
  const byStart = new Map<number, number>();
  tokens.forEach((t, i) => {
    byStart.set(t.start, i);
  });
  // Loaded on first use: extraction without the tagger needs only the lexicon (from the gazetteer
  // cache). The CommonJS build, because require is synchronous; it is the same code as the ES modules.
  nlp ??= require('compromise') as typeof Nlp;
  const doc = nlp(body);
  doc.compute('offset');
  const sentences = (
    doc as unknown as { document: Array<Array<{ tags: Set<string>; offset: { start: number } }>> }
  ).document;
  for (const sentence of sentences) {
    for (const term of sentence) {
      const i = byStart.get(term.offset.start);
      if (i !== undefined) out[i] = term.tags;
    }
  }
  return out;
}
