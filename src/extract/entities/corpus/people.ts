/**
 * People across the corpus: which article entities are one person.
 *
 * - Full names group by first name, last name and suffix, so "Ann B. Lee", "Ann Lee" and "Ann
 *   Bryony Lee" are one person. Where the archive writes two different middle initials for one
 *   first and last name ("Ann B. Lee", "Ann K. Lee"), each is a person of its own, and the form
 *   without a middle name joins the one it is clearly used for (PLAIN_FORM_SHARE of the mentions)
 *   or stays apart.
 * - A one-word name (a surname or a first name the article did not tie to a full name) goes to the
 *   archive's dominant referent when there is a clear one. The evidence is the archive's own
 *   usage, computed at build time: in how many articles the word was tied by in-article
 *   coreference to each person (the one-word aliases of full-named entities). Every other person
 *   with that surname counts as one such article, so a surname that the archive ties to one person
 *   once but that twenty other people share is not given to that one. The word is assigned when
 *   the top person holds at least DOMINANT of that evidence and AHEAD times the runner-up's. A word the article itself found
 *   ambiguous (two people of the article share it) is never assigned by the archive's prior.
 */
import type { ArticleEntity } from '../../../model/documents.js';
import { foldWord, middleSignature, type PersonName, parsePersonName, personKey } from './person-names.js';

/** The share of a name's mentions under one middle initial for the plain form to join it. */
export const PLAIN_FORM_SHARE = 0.9;
/** The share of the evidence a referent needs to be called clear... */
export const DOMINANT = 0.8;
/** ...and how many times the runner-up's evidence it must hold. */
export const AHEAD = 5;

export interface PeopleIndex {
  /** The person (group key) of a full-named article entity. */
  groupOf(e: ArticleEntity): string | null;
  /** The person a one-word name refers to across the archive, or null when no referent is clear. */
  referentOf(word: string): string | null;
  /** Whether some full-named person has this word as surname or has been written as it. */
  isNameOfSomeone(word: string): boolean;
}

interface Member {
  e: ArticleEntity;
  name: PersonName;
  articleId: string;
}

export function indexPeople(
  perArticle: Array<{ articleId: string; entities: ArticleEntity[] }>,
  isPerson: (e: ArticleEntity) => boolean,
): PeopleIndex {
  const byKey = new Map<string, Member[]>();
  for (const { articleId, entities } of perArticle) {
    for (const e of entities) {
      if (!isPerson(e)) continue;
      const name = parsePersonName(e.name);
      if (!name.first) continue;
      const key = personKey(name);
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      list.push({ e, name, articleId });
    }
  }

  // Split a key by middle-initial signature where the archive writes more than one.
  const group = new Map<ArticleEntity, string>();
  for (const [key, members] of byKey) {
    const bySignature = new Map<string, number>();
    for (const m of members) {
      const sig = middleSignature(m.name);
      if (sig) bySignature.set(sig, (bySignature.get(sig) ?? 0) + m.e.mentions.length);
    }
    let plain = `${key}#`;
    if (bySignature.size === 1) plain = `${key}#${[...bySignature.keys()][0]}`;
    else if (bySignature.size > 1) {
      const total = [...bySignature.values()].reduce((a, b) => a + b, 0);
      const [topSig, topN] = [...bySignature].sort((a, b) => b[1] - a[1])[0]!;
      if (topN >= PLAIN_FORM_SHARE * total) plain = `${key}#${topSig}`;
    }
    for (const m of members) {
      const sig = bySignature.size > 1 ? middleSignature(m.name) : '';
      group.set(m.e, sig ? `${key}#${sig}` : plain);
    }
  }

  // Evidence for one-word names: articles tying the word to each person, and each person's surname.
  const linked = new Map<string, Map<string, Set<string>>>();
  const bySurname = new Map<string, Set<string>>();
  const groupArticles = new Map<string, Set<string>>();
  const note = (m: Map<string, Map<string, Set<string>>>, word: string, g: string, articleId: string) => {
    let byGroup = m.get(word);
    if (!byGroup) m.set(word, (byGroup = new Map()));
    let articles = byGroup.get(g);
    if (!articles) byGroup.set(g, (articles = new Set()));
    articles.add(articleId);
  };
  for (const members of byKey.values()) {
    for (const m of members) {
      const g = group.get(m.e)!;
      let articles = groupArticles.get(g);
      if (!articles) groupArticles.set(g, (articles = new Set()));
      articles.add(m.articleId);
      let surnameOf = bySurname.get(m.name.last);
      if (!surnameOf) bySurname.set(m.name.last, (surnameOf = new Set()));
      surnameOf.add(g);
      for (const a of m.e.aliases) if (!/\s/.test(a)) note(linked, foldWord(a), g, m.articleId);
    }
  }

  const referents = new Map<string, string | null>();
  const referentOf = (word: string): string | null => {
    const w = foldWord(word);
    const known = referents.get(w);
    if (known !== undefined) return known;
    const evidence = new Map<string, number>();
    const tied = linked.get(w);
    if (tied) {
      for (const [g, articles] of tied) evidence.set(g, articles.size);
      // People who share the surname and were never written as it count once each.
      for (const g of bySurname.get(w) ?? []) if (!evidence.has(g)) evidence.set(g, 1);
    } else {
      // No article tied the word to anyone: the people of that surname by the articles naming them.
      for (const g of bySurname.get(w) ?? []) evidence.set(g, groupArticles.get(g)?.size ?? 1);
    }
    let referent: string | null = null;
    if (evidence.size === 1) referent = [...evidence.keys()][0]!;
    else if (evidence.size > 1) {
      const total = [...evidence.values()].reduce((a, b) => a + b, 0);
      const [[top, n], [, second]] = [...evidence].sort((a, b) => b[1] - a[1]) as [
        [string, number],
        [string, number],
      ];
      if (n >= DOMINANT * total && n >= AHEAD * second) referent = top;
    }
    referents.set(w, referent);
    return referent;
  };

  return {
    groupOf: (e) => group.get(e) ?? null,
    referentOf,
    isNameOfSomeone: (word) => {
      const w = foldWord(word);
      return linked.has(w) || bySurname.has(w);
    },
  };
}
