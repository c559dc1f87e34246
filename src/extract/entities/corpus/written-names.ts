/**
 * Which of an article's entities a name as written refers to (a quote's speaker: "Marin",
 * "Kremlin spokesman Oleg Marin", "Mr. Marin"): the name or an alias, then the longest known name
 * the written form ends with, then a surname exactly one multi-word person of the article has.
 * People first. Pure: the article's entities are all it reads.
 */
import type { ArticleEntity } from '../../../model/documents.js';

// Printable ASCII without backquotes, words separated by single spaces: already normalized.
const NORMALIZED = /^(?:[!-_a-~]+ )*[!-_a-~]+$/;

export const normalizeWritten = (s: string) =>
  NORMALIZED.test(s) ? s : s.normalize('NFKC').replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();

export const lastWord = (name: string) => name.split(' ').pop()!;

/** An article's entities, people first, with their written forms normalized once. */
export interface WrittenCandidate {
  /** Position of the entity in its article's list. */
  at: number;
  e: ArticleEntity;
  /** normalizeWritten(name), then each alias. */
  forms: string[];
  lower: string[];
  /** Last word of a multi-word person's name; null otherwise. */
  surname: string | null;
}

export function writtenCandidates(entities: ArticleEntity[]): WrittenCandidate[] {
  return entities
    .map((e, at) => {
      const forms = [e.name, ...e.aliases].map(normalizeWritten);
      const surname = e.kind === 'person' && e.name.includes(' ') ? lastWord(forms[0]!) : null;
      return { at, e, forms, lower: forms.map((f) => f.toLowerCase()), surname };
    })
    .sort((a, b) => Number(b.e.kind === 'person') - Number(a.e.kind === 'person') || a.at - b.at);
}

/** The article entity (its position) a name as written refers to, or -1. */
export function findWritten(written: string, ordered: WrittenCandidate[]): number {
  let s = normalizeWritten(written)
    .replace(/^(the|a|an)\s+/i, '')
    .replace(/'s$/i, '')
    .replace(/[,.;:]+$/, '');
  if (!s) return -1;
  const lc = s.toLowerCase();
  for (const c of ordered) if (c.lower.includes(lc)) return c.at;
  // "Kremlin spokesman Oleg Marin", "Mr. Marin": the longest known name the written form ends with.
  let best = -1;
  let bestLen = 0;
  let bestPerson = false;
  for (const { at, e, forms } of ordered) {
    for (const f of forms) {
      if (f.length > bestLen && s.endsWith(` ${f}`) && (e.kind === 'person' || !bestPerson)) {
        best = at;
        bestLen = f.length;
        bestPerson = e.kind === 'person';
      }
    }
  }
  if (best >= 0) return best;
  s = lastWord(s);
  const people = ordered.filter((c) => c.surname === s);
  return people.length === 1 ? people[0]!.at : -1;
}
