/**
 * Within one article, the person a bare surname refers to: the one full name in the article, or
 * in its headline, that ends with it ("Lee" → "Ann Lee"). A surname two full names share stays
 * as written.
 */
import { nth } from '../text/nth.js';
import { type ArticleContext, type Candidate, spanText } from './context.js';
import { isFirstName } from './word-classes.js';

export type SurnameIndex = Map<string, Set<string>>;

/** Full names by their last word: the article's multi-word persons, then the headline's. */
export function fullNamesBySurname(ctx: ArticleContext, cands: Candidate[], title?: string): SurnameIndex {
  const fullByLast: SurnameIndex = new Map();
  const noteFull = (full: string) => {
    const parts = full.split(/\s+/);
    if (parts.length < 2) return;
    const last = nth(parts, parts.length - 1);
    const s = fullByLast.get(last) ?? new Set<string>();
    s.add(full);
    fullByLast.set(last, s);
  };
  for (const c of cands) if (c.kind === 'person' && c.e - c.s >= 2) noteFull(spanText(ctx, c.s, c.e));
  if (title) {
    for (const m of title.matchAll(/\b(\p{Lu}\p{Ll}+)\s+(\p{Lu}[\p{L}'’-]+)\b/gu))
      if (isFirstName(m[1]!)) noteFull(`${m[1]} ${m[2]}`);
  }
  return fullByLast;
}

/** The one full name ending in `surname`, or undefined when there is none or more than one. */
export function fullNameFor(index: SurnameIndex, surname: string): string | undefined {
  const fulls = index.get(surname);
  return fulls?.size === 1 ? fulls.values().next().value : undefined;
}
