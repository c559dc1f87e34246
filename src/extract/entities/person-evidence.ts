/**
 * Step 6 of entity extraction: a person needs person evidence. A capitalised run that no rule
 * typed is read as a person on little more than its shape ("Social Security", "World War II",
 * "Planned Parenthood" all look like two names), so each person entity of the article is judged
 * once its mentions are merged:
 *
 *   - evidence: a written form that starts with a given name or an initial ("Ann Lee",
 *     "J. Lee"), a lone given name ("Ann"), an office, title or honorific written right before a
 *     mention or in its roles ("Sen. Lee", "Mr. Lee"), or a speech verb right after a mention
 *     ("Lee said").
 *   - a common word: a word of the name that the English word list knows and the people-name
 *     list does not ("Security", "War", "Watch"). A name with one and no given name or title
 *     is no person's (an event, a law, a programme, a work): the entity is dropped.
 *   - neither: two names or more that are no words, the first no place, are a name's shape and
 *     stay a person (`personEvidence: 'name-shape'`); a lone word or a place-led run stays a
 *     person marked `personEvidence: 'none'`, and the corpus keeps it only where the archive
 *     names a person so with evidence elsewhere (corpus/supported.ts).
 *
 * A run holding a contraction ("Can’t", "Don’t") is a headline or a sentence, never a name, of
 * whatever kind. Both word lists come from packages (gazetteer/); the role words are the shared
 * vocabulary (text/roles.ts).
 */
import type { ArticleEntity } from '../../model/documents.js';
import { CORE_ROLES } from '../text/roles.js';
import { countryFor, ENGLISH_WORDS, PEOPLE_NAMES } from './gazetteer/lookup.js';
import { isCommonWord, isFirstName, isGivenName, isPlaceName, lexTags, lower } from './word-classes.js';
import { NAME_CONNECTORS } from './words.js';

const CONTRACTION = /\p{L}['’](?:re|ve|ll|d|m|t)$/iu;
const SPEECH_AFTER = /^(?:,[^,.;]{1,80},)?\s+(?:said|says|told|added|asked|wrote|tweeted|argued|insisted)\b/u;
const WORD_BEFORE = /([\p{L}.]+)[\s,]*$/u;

const CLOSED_TAGS = new Set([
  'Pronoun',
  'Preposition',
  'Conjunction',
  'Determiner',
  'Modal',
  'QuestionWord',
  'Copula',
  'Auxiliary',
]);

const isInitial = (w: string) => /^\p{Lu}\.?$/u.test(w);

/** A word of a name that is an ordinary English word and no one's name ("Security", "Again"). */
export function isCommonNameWord(w: string): boolean {
  const bare = w.replace(/['’]s?$/u, '').replace(/\.$/, '');
  if (!/^\p{L}[\p{L}'’-]*$/u.test(bare) || isInitial(bare)) return false;
  const l = lower(bare);
  if (NAME_CONNECTORS.has(l)) return false;
  const asName = bare[0]!.toUpperCase() + l.slice(1);
  return ENGLISH_WORDS.has(l) && !PEOPLE_NAMES.has(asName) && !PEOPLE_NAMES.has(bare);
}

/**
 * A written form that holds a full personal name: a given name or an initial and one or two more
 * words at its end ("Ann Lee", "J. Lee", and "Trade Envoy Ann Lee" where a misspelt role stayed).
 */
function givenNameForm(form: string): boolean {
  const ws = form.split(/\s+/).filter(Boolean);
  if (ws.length >= 3 && ws.slice(1, -1).some(isInitial)) return true;
  // Past the first word, or before a surname that is also a common word, only a first name
  // compromise knows counts ("Carolina" and "Obama" are names too, "South Carolina Republican"
  // and "Obama White House" no one's).
  const commonLast = isCommonWord(ws[ws.length - 1]!);
  return ws.some(
    (w, i) =>
      ws.length - i >= 2 &&
      ws.length - i <= 3 &&
      (i === 0
        ? isInitial(w) || isFirstName(w) || (!commonLast && isGivenName(w))
        : (isInitial(w) || isFirstName(w)) && !ws.slice(i + 1).some(isCommonWord)),
  );
}

function titled(body: string, e: ArticleEntity): boolean {
  if (e.roles?.some((r) => r.split(/\s+/).some((w) => CORE_ROLES.has(lower(w))))) return true;
  return e.mentions.some(([s]) => {
    const before = WORD_BEFORE.exec(body.slice(Math.max(0, s - 30), s));
    return before !== null && CORE_ROLES.has(lower(before[1]!));
  });
}

const spoke = (body: string, e: ArticleEntity) =>
  e.mentions.some(([, t]) => SPEECH_AFTER.test(body.slice(t, t + 100)));

/** The verdict on one person entity of the article. */
export function personVerdict(
  body: string,
  e: ArticleEntity,
): 'person' | 'name-shape' | 'unsupported' | 'none' {
  const words = e.name.split(/\s+/);
  // "May", "Will": a given name or a surname too, where the people-name list says so; inside a
  // name, a closed-class word is a headline's ("Ann Lee Responds To …").
  const edge = (i: number) => i === 0 || i === words.length - 1;
  if (words.some((w, i) => isClosedClass(w) && !(edge(i) && PEOPLE_NAMES.has(w)))) return 'none';
  if ([e.name, ...e.aliases].some(givenNameForm) || titled(body, e)) return 'person';
  // A lone given name ("Hillary", "Marco") is a person the archive may tie to a full name.
  if (words.length === 1 && isFirstName(words[0]!)) return 'person';
  const first = words[0]!;
  const last = words[words.length - 1]!;
  // A first name no word list knows lets the surname be a word ("Condoleezza Rice"), and a
  // surname that is no word the first name ("Wolf Blitzer").
  const nameLike =
    /^\p{Lu}\p{Ll}{2,}$/u.test(first) && !ENGLISH_WORDS.has(lower(first)) && !PEOPLE_NAMES.has(first);
  const unknownLast = words.length >= 2 && !ENGLISH_WORDS.has(lower(last));
  const excused = (i: number) =>
    (i === 0 && unknownLast) || (i === words.length - 1 && i > 0 && nameLike && !isPlaceName(first));
  if (words.some((w, i) => !excused(i) && isCommonNameWord(w))) return 'none';
  // A lone ordinary word ("House", "White") with nothing that makes it a surname.
  if (words.length === 1 && isCommonWord(first)) return 'none';
  if (spoke(body, e)) return 'person';
  // Two names or more, the first a name or no word and no place, the last no common word
  // ("Tovah Quell", "Bill Ostrander"): a name's shape.
  const shape =
    words.length >= 2 &&
    !isPlaceName(first) &&
    (PEOPLE_NAMES.has(first) || !ENGLISH_WORDS.has(lower(first))) &&
    !words.slice(1, -1).some(isCommonWord) &&
    (nameLike || !isCommonWord(last));
  return shape ? 'name-shape' : 'unsupported';
}

/** A closed-class word (pronoun, preposition, conjunction, determiner, modal…) that joins no name. */
function isClosedClass(w: string): boolean {
  const l = lower(w);
  return !NAME_CONNECTORS.has(l) && !countryFor(w) && lexTags(w).some((t) => CLOSED_TAGS.has(t));
}

/**
 * Whether an organisation's or a place's name is a sentence's words: one closed-class word
 * ("WHAT", "Under"), or a run that starts or ends on one ("Federation of", "Toward The…").
 * Inside, an organisation's name may join its words with them ("Center for Civic Life").
 */
function sentenceRun(name: string): boolean {
  const words = name.split(/\s+/);
  const first = words[0]!;
  return (isClosedClass(first) && lower(first) !== 'the') || isClosedClass(words[words.length - 1]!);
}

/** The article's entities with non-people and contractions dropped, unsupported people marked. */
export function judgePeople(body: string, entities: ArticleEntity[]): ArticleEntity[] {
  const out: ArticleEntity[] = [];
  for (const e of entities) {
    if (e.name.split(/\s+/).some((w) => CONTRACTION.test(w))) continue;
    if (e.kind !== 'person') {
      if (e.kind === 'organization' && sentenceRun(e.name)) continue;
      out.push(e);
      continue;
    }
    const verdict = personVerdict(body, e);
    if (verdict === 'none') continue;
    if (verdict === 'unsupported') e.personEvidence = 'none';
    else if (verdict === 'name-shape') e.personEvidence = 'name-shape';
    out.push(e);
  }
  return out;
}
