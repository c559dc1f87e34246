/**
 * Fragmentation: of the mentions of each target person, the share that lands on the person's own
 * entity (the largest person entity with that surname and a first name) rather than on a fragment
 * (another entity, of any kind, whose name is a variant of the same name: the bare surname, the
 * first name alone, a middle initial, a role or a sentence word before it). Entities that name
 * another person (another first name, other middle initials, a generation suffix) are not
 * fragments; the hand-checked list of distinct people (people.ts) counts how many of their
 * mentions were wrongly merged into the target's entity.
 */

import { isInitial, nameWords } from './name-words.js';
import { DISTINCT_PEOPLE, GENERATION_SUFFIXES, TARGET_SURNAMES } from './people.js';

/** An entity as the evaluation sees it: an id, a name, a kind, its mentions and its written forms. */
export interface EvalEntity {
  id: string;
  name: string;
  kind: string;
  mentions: number;
  aliases: string[];
  /** Written forms with their mention counts, where known (extract output). */
  written?: Map<string, number>;
}

interface Parsed {
  first: string;
  middle: string[];
  last: string;
  suffix: string | null;
}

const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[.'’]/g, '');

function parse(name: string): Parsed | null {
  const words = nameWords(name);
  let suffix: string | null = null;
  if (words.length > 2 && GENERATION_SUFFIXES.has(words[words.length - 1]!.toLowerCase().replace(/,$/, ''))) {
    suffix = fold(words.pop()!);
  }
  if (words.length === 0) return null;
  if (words.length === 1) return { first: '', middle: [], last: fold(words[0]!), suffix };
  return {
    first: fold(words[0]!),
    middle: words.slice(1, -1).map(fold),
    last: fold(words[words.length - 1]!),
    suffix,
  };
}

/** Middle names agree when either has none, or initial by initial. */
function middlesAgree(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  if (a.length !== b.length) return false;
  return a.every((m, i) => m[0] === b[i]![0]);
}

export type Relation = 'same' | 'fragment' | 'other-person' | 'unrelated';

/** How an entity's name relates to the canonical person's. */
export function relation(canonical: Parsed, e: EvalEntity): Relation {
  const p = parse(e.name);
  if (!p) return 'unrelated';
  const c = canonical;
  if (!p.first) {
    // One word: the surname, or the first name alone.
    if (p.last === c.last || (p.last === c.first && c.first.length > 2)) return 'fragment';
    return 'unrelated';
  }
  if (p.last !== c.last) {
    // "Hillary Rodham" (first and middle) is a form of the name; anything else is someone else.
    return p.first === c.first && c.middle.includes(p.last) ? 'fragment' : 'unrelated';
  }
  if (p.suffix !== c.suffix) return 'other-person';
  if (p.first !== c.first && !(isInitial(p.first) && c.first.startsWith(p.first))) return 'other-person';
  if (!middlesAgree(p.middle, c.middle)) return 'other-person';
  return 'fragment';
}

export interface PersonFragmentation {
  surname: string;
  canonical: { id: string; name: string; mentions: number } | null;
  fragmentMentions: number;
  /** The largest fragments, for reading. */
  fragments: Array<{ id: string; name: string; kind: string; mentions: number }>;
  share: number;
  /** Mentions of hand-listed distinct people whose written form landed on the canonical entity. */
  wrongMerges: number;
  wrongForms: string[];
}

export interface Fragmentation {
  people: PersonFragmentation[];
  canonicalMentions: number;
  fragmentMentions: number;
  /** Mentions on the canonical entities over those plus fragment mentions, all targets pooled. */
  share: number;
  wrongMerges: number;
}

/** Fragmentation of every target surname over a corpus's entities. */
export function fragmentation(entities: EvalEntity[]): Fragmentation {
  const people: PersonFragmentation[] = [];
  for (const surname of TARGET_SURNAMES) {
    const key = fold(surname);
    const candidates = entities
      .filter((e) => e.kind === 'person')
      .map((e) => ({ e, p: parse(e.name) }))
      .filter(({ p }) => p?.first && p.last === key && !p.suffix)
      .sort((a, b) => b.e.mentions - a.e.mentions);
    const top = candidates[0];
    if (!top) {
      people.push({
        surname,
        canonical: null,
        fragmentMentions: 0,
        fragments: [],
        share: 0,
        wrongMerges: 0,
        wrongForms: [],
      });
      continue;
    }
    const c = top.p!;
    const fragments = entities.filter((e) => e !== top.e && relation(c, e) === 'fragment');
    const fragmentMentions = fragments.reduce((n, e) => n + e.mentions, 0);
    const distinct = new Set((DISTINCT_PEOPLE[surname] ?? []).map(fold));
    let wrongMerges = 0;
    const wrongForms: string[] = [];
    const forms = top.e.written ?? new Map(top.e.aliases.map((a) => [a, 1]));
    for (const [form, n] of forms) {
      const p = parse(form);
      if (p?.first && p.last === key && distinct.has(p.first)) {
        wrongMerges += n;
        wrongForms.push(form);
      }
    }
    people.push({
      surname,
      canonical: { id: top.e.id, name: top.e.name, mentions: top.e.mentions },
      fragmentMentions,
      fragments: fragments
        .sort((a, b) => b.mentions - a.mentions)
        .slice(0, 6)
        .map((e) => ({ id: e.id, name: e.name, kind: e.kind, mentions: e.mentions })),
      share: top.e.mentions / (top.e.mentions + fragmentMentions),
      wrongMerges,
      wrongForms,
    });
  }
  const canonicalMentions = people.reduce((n, p) => n + (p.canonical?.mentions ?? 0), 0);
  const fragmentMentions = people.reduce((n, p) => n + p.fragmentMentions, 0);
  return {
    people,
    canonicalMentions,
    fragmentMentions,
    share: canonicalMentions / (canonicalMentions + fragmentMentions),
    wrongMerges: people.reduce((n, p) => n + p.wrongMerges, 0),
  };
}
