/**
 * Article titles as sequences of term positions (in the index's sorted term list), written at
 * build time. The index keeps no word positions; ranking needs them for titles only (does the
 * title start with the query's words, are they adjacent and in order), and a title is a handful
 * of words: Reuters' 19k titles take about half a megabyte. Reading them is two array lookups
 * per document, so every matching article can be scored, not a candidate set: a shard then ranks
 * its documents exactly as the whole index would.
 *
 * An index written before this section existed derives a title's terms from the stored article
 * on first use (slower, same answer).
 */
import type { DocStore } from './docs.js';
import { processTerm, tokenize } from './options.js';
import type { Sections } from './sections.js';
import type { TermIndex } from './terms.js';

export const TITLE_SECTIONS = { offsets: 'titles:offsets', terms: 'titles:terms' } as const;

/** The title's words as an index processes them (the title field's tokens, in order). */
export function titleWords(title: string | null | undefined): string[] {
  if (!title) return [];
  const out: string[] = [];
  for (const token of tokenize(title)) {
    const term = processTerm(token);
    if (term) out.push(term);
  }
  return out;
}

/** The sections for `titles` (one per article, in document order), over the sorted term list. */
export function titleSections(
  titles: Array<string | null | undefined>,
  terms: string[],
): Record<(typeof TITLE_SECTIONS)[keyof typeof TITLE_SECTIONS], Uint32Array> {
  const position = new Map(terms.map((t, i) => [t, i]));
  const offsets = new Uint32Array(titles.length + 1);
  const ids: number[] = [];
  titles.forEach((title, d) => {
    for (const word of titleWords(title)) {
      const at = position.get(word);
      if (at === undefined) throw new Error(`title word "${word}" is not an index term`);
      ids.push(at);
    }
    offsets[d + 1] = ids.length;
  });
  return { [TITLE_SECTIONS.offsets]: offsets, [TITLE_SECTIONS.terms]: Uint32Array.from(ids) } as Record<
    (typeof TITLE_SECTIONS)[keyof typeof TITLE_SECTIONS],
    Uint32Array
  >;
}

const NONE = new Uint32Array(0);

export class Titles {
  private readonly offsets: Uint32Array | null;
  private readonly ids: Uint32Array | null;
  /** Derived titles of an index without the sections, per article. */
  private readonly derived = new Map<number, Uint32Array>();

  constructor(
    sections: Sections,
    /** Articles are documents 0 .. articles - 1. */
    private readonly articles: number,
    private readonly docs: DocStore,
    private readonly terms: TermIndex,
  ) {
    const present = sections.has(TITLE_SECTIONS.offsets) && sections.has(TITLE_SECTIONS.terms);
    this.offsets = present ? sections.get(TITLE_SECTIONS.offsets, 'u32') : null;
    this.ids = present ? sections.get(TITLE_SECTIONS.terms, 'u32') : null;
    if (this.offsets && this.offsets.length !== articles + 1)
      throw new Error('title offsets disagree with the article count');
  }

  /** Term positions of the title of article `doc`, in order; empty for any other document. */
  of(doc: number): Uint32Array {
    if (doc >= this.articles) return NONE;
    if (this.offsets) return this.ids!.subarray(this.offsets[doc]!, this.offsets[doc + 1]!);
    let ids = this.derived.get(doc);
    if (!ids) {
      const title = (this.docs.get(doc) as { title?: string }).title;
      ids = Uint32Array.from(
        titleWords(title)
          .map((w) => this.terms.indexOf(w))
          .filter((i) => i >= 0),
      );
      this.derived.set(doc, ids);
    }
    return ids;
  }
}
