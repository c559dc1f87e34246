/**
 * Contaminated names (a title, office, party, place of office, sentence word, weekday, possessive or
 * trailing mark inside a person's or an organisation's name, see name-words.ts) and wrong kinds:
 * the target people written as places or organisations, and person entities whose last word is a
 * common English word no name list knows (events, laws, programmes read as people).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { EvalEntity } from './fragmentation.js';
import { contamination } from './name-words.js';
import { TARGET_SURNAMES } from './people.js';

const require = createRequire(import.meta.url);

export interface Contamination {
  checked: number;
  contaminated: number;
  share: number;
  /** Contaminated entities, most mentioned first, with the reason. */
  examples: Array<{ name: string; kind: string; mentions: number; why: string }>;
  /** Contractions and lone function words as entities: must be none. */
  nonNames: number;
}

export function contaminationOf(
  entities: EvalEntity[],
  kinds: Array<'person' | 'organization'>,
): Contamination {
  const checked = entities.filter((e) => (kinds as string[]).includes(e.kind));
  const bad = checked
    .map((e) => ({ e, why: contamination(e.name, e.kind as 'person' | 'organization') }))
    .filter((x): x is { e: EvalEntity; why: string } => x.why !== null)
    .sort((a, b) => b.e.mentions - a.e.mentions);
  return {
    checked: checked.length,
    contaminated: bad.length,
    share: checked.length ? bad.length / checked.length : 0,
    examples: bad
      .slice(0, 25)
      .map(({ e, why }) => ({ name: e.name, kind: e.kind, mentions: e.mentions, why })),
    nonNames: bad.filter(({ why }) => why.startsWith('contraction') || why === 'function word').length,
  };
}

let englishWords: Set<string> | null = null;
let peopleNames: Set<string> | null = null;

function wordLists(): { english: Set<string>; people: Set<string> } {
  englishWords ??= new Set(require('an-array-of-english-words') as string[]);
  if (!peopleNames) {
    const file = join(
      dirname(require.resolve('@cspell/dict-people-names/cspell-ext.json')),
      'dict/people-names.txt',
    );
    peopleNames = new Set(
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => l.toLowerCase()),
    );
  }
  return { english: englishWords, people: peopleNames };
}

export interface WrongKinds {
  /** Mentions of a target surname, alone, on a place or an organisation. */
  targetsAsOther: number;
  targetsAsOtherExamples: Array<{ name: string; kind: string; mentions: number }>;
  /** Person entities of two words or more whose last word is a common word and no name. */
  commonWordPeople: number;
  commonWordPeopleExamples: Array<{ name: string; mentions: number }>;
}

export function wrongKinds(entities: EvalEntity[]): WrongKinds {
  const targets = new Set(TARGET_SURNAMES.map((s) => s.toLowerCase()));
  const other = entities
    .filter((e) => e.kind !== 'person' && targets.has(e.name.toLowerCase().replace(/['’]s$/, '')))
    .sort((a, b) => b.mentions - a.mentions);
  const { english, people } = wordLists();
  const common = entities
    .filter((e) => {
      if (e.kind !== 'person') return false;
      const words = e.name.split(/\s+/);
      const last = words[words.length - 1]!.toLowerCase();
      return words.length >= 2 && english.has(last) && !people.has(last) && /^\p{L}+$/u.test(last);
    })
    .sort((a, b) => b.mentions - a.mentions);
  return {
    targetsAsOther: other.reduce((n, e) => n + e.mentions, 0),
    targetsAsOtherExamples: other
      .slice(0, 10)
      .map((e) => ({ name: e.name, kind: e.kind, mentions: e.mentions })),
    commonWordPeople: common.length,
    commonWordPeopleExamples: common.slice(0, 15).map((e) => ({ name: e.name, mentions: e.mentions })),
  };
}
