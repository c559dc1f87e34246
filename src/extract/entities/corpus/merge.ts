/**
 * Corpus-level resolution: the articles' entities (each one in-article coreference cluster, see
 * ArticleEntity) become the corpus's entities, one id per real-world thing. Pure: no I/O and no
 * gazetteer, so it runs wherever the corpus is assembled.
 *
 *   1. kinds.ts   one name, one kind: weakly typed readings take the archive's strong majority
 *   2. people.ts  people: name variants of one person merged (middle initials), one-word names
 *                 given to the archive's dominant referent when it is clear
 *   3. here       organisations and places by their name (a dotted acronym as its letters), and an
 *                 entity named as exactly one other entity's alias joins it; counts, aliases,
 *                 roles and countries summed up per corpus entity
 *
 * What later stages read (MergedEntities): the corpus entities; for every article, the corpus id
 * of each of its entities (`idsOf`, in the article's order, so a mention cluster with its offsets
 * leads to its id); the entity whose mention covers a span (`entityAt`, for a speaker's span);
 * and `resolve`, which finds the entity a name as written refers to (a quote's speaker). A person
 * is one id: a one-word name the archive could not give to one person is a `fragment`, and
 * `resolve` answers null for it rather than that id.
 */
import type { ArticleEntity, CountryRef, Entity, EntityKind } from '../../../model/documents.js';
import { slug } from '../../../model/slug.js';
import { corpusKinds } from './kinds.js';
import { indexPeople } from './people.js';
import { foldWord } from './person-names.js';
import {
  findWritten,
  lastWord,
  normalizeWritten,
  type WrittenCandidate,
  writtenCandidates,
} from './written-names.js';

export { slug };

export const entityId = (kind: EntityKind, name: string) => `${kind}-${slug(name)}`;

// One collator for every comparison: localeCompare's order, without its per-call set-up.
const collator = new Intl.Collator();

/** "F.B.I." and "FBI" are one organisation. */
const orgKey = (name: string) =>
  /^(?:\p{Lu}\.){2,}\p{Lu}?\.?$/u.test(name) ? name.replace(/\./g, '') : name;

export interface MergedEntities {
  entities: Entity[];
  /** The corpus id of each of the article's entities, in the order the article lists them. */
  idsOf(articleId: string): string[];
  /** The id of the article's entity with a mention covering [start, end), or null. */
  entityAt(articleId: string, start: number, end: number): string | null;
  /**
   * The id of the entity a name as written in that article refers to, or null: null also for a
   * one-word name that stayed a fragment (no one person it surely is).
   */
  resolve(articleId: string, name: string): string | null;
  /** Whether an id is a one-word person the archive could not tie to one full-named person. */
  isFragment(id: string): boolean;
  /** The kind of a corpus id, or undefined for an id the merge did not give. */
  kindOf(id: string): EntityKind | undefined;
}

interface Acc {
  kind: EntityKind;
  names: Map<string, number>;
  aliases: Set<string>;
  mentionCount: number;
  articleIds: Set<string>;
  roles: Map<string, number>;
  countries: Map<string, { ref: CountryRef; n: number }>;
}

const mentionsOf = (e: ArticleEntity) =>
  e.mentions.length + (e.titleMentions ?? 0) + (e.datelineMentions ?? 0);

/**
 * One entity per real-world name across the corpus, and the way from each article's entities to
 * their corpus ids.
 */
export function mergeCorpusEntities(
  perArticle: Array<{ articleId: string; entities: ArticleEntity[] }>,
): MergedEntities {
  const rekinded = corpusKinds(perArticle);
  const kindOf = (e: ArticleEntity) => rekinded.get(e) ?? e.kind;
  const people = indexPeople(perArticle, (e) => kindOf(e) === 'person');

  // Pass 1: each article entity's group (a person, or a kind and name), and the aliases of
  // organisations and places, by which an entity named as another's alias finds it.
  const groupOf = new Map<ArticleEntity, string>();
  const aliasIndex = new Map<string, Set<string>>();
  const fragments = new Set<string>();
  const named = new Set<string>();
  for (const { entities } of perArticle) {
    for (const e of entities) {
      const kind = kindOf(e);
      if (kind !== 'person') {
        const g = `${kind}:${slug(kind === 'organization' ? orgKey(e.name) : e.name)}`;
        groupOf.set(e, g);
        named.add(g);
        continue;
      }
      const full = people.groupOf(e);
      if (full) {
        groupOf.set(e, `person:${full}`);
        continue;
      }
      // A word the article left between namesakes goes to the archive's referent only when that
      // is one of them ("Lee" between Ann and Bo Lee, and the archive's Lee is Ann Lee).
      let referent = people.referentOf(e.name);
      if (referent && e.ambiguousWith?.length) {
        const options = new Set(
          entities.filter((o) => o !== e && e.ambiguousWith!.includes(o.name)).map((o) => people.groupOf(o)),
        );
        if (!options.has(referent)) referent = null;
      }
      if (referent) groupOf.set(e, `person:${referent}`);
      else {
        const g = `person-word:${slug(e.name)}`;
        groupOf.set(e, g);
        if (people.isNameOfSomeone(e.name)) fragments.add(g);
      }
    }
  }
  for (const { entities } of perArticle) {
    for (const e of entities) {
      const kind = kindOf(e);
      if (kind === 'person') continue;
      for (const a of e.aliases) {
        const k = `${kind}:${normalizeWritten(a).toLowerCase()}`;
        let ids = aliasIndex.get(k);
        if (!ids) aliasIndex.set(k, (ids = new Set()));
        ids.add(groupOf.get(e)!);
      }
    }
  }
  // An organisation or place named as exactly one other's alias joins it ("Kessel Works" written
  // "Kessel" elsewhere).
  for (const { entities } of perArticle) {
    for (const e of entities) {
      const kind = kindOf(e);
      if (kind === 'person') continue;
      const own = groupOf.get(e)!;
      const hits = aliasIndex.get(`${kind}:${normalizeWritten(e.name).toLowerCase()}`);
      if (hits && hits.size === 1 && !hits.has(own)) groupOf.set(e, [...hits][0]!);
    }
  }

  // Pass 2: aggregate per group.
  const accs = new Map<string, Acc>();
  for (const { articleId, entities } of perArticle) {
    for (const e of entities) {
      const g = groupOf.get(e)!;
      let acc = accs.get(g);
      if (!acc) {
        acc = {
          kind: kindOf(e),
          names: new Map(),
          aliases: new Set(),
          mentionCount: 0,
          articleIds: new Set(),
          roles: new Map(),
          countries: new Map(),
        };
        accs.set(g, acc);
      }
      const n = mentionsOf(e);
      acc.names.set(e.name, (acc.names.get(e.name) ?? 0) + Math.max(n, 1));
      // A role-prefixed form ("Port Authority director Ann Lee") is the name and a role, both
      // kept apart (name, roles): not another name of the person.
      for (const a of e.aliases) if (!e.roles?.some((r) => a.startsWith(`${r} `))) acc.aliases.add(a);
      acc.mentionCount += n;
      acc.articleIds.add(articleId);
      for (const r of e.roles ?? []) acc.roles.set(r, (acc.roles.get(r) ?? 0) + 1);
      if (e.country) {
        const c = acc.countries.get(e.country.code) ?? { ref: e.country, n: 0 };
        c.n += n;
        acc.countries.set(e.country.code, c);
      }
    }
  }

  // Ids: the kind and the slug of the name most mentioned (a multi-word name first, for people).
  const idOfGroup = new Map<string, string>();
  const byId = new Map<string, Entity>();
  const fragmentIds = new Set<string>();
  for (const [g, acc] of accs) {
    const name = [...acc.names.entries()].sort(
      (a, b) =>
        Number(b[0].includes(' ')) - Number(a[0].includes(' ')) ||
        b[1] - a[1] ||
        collator.compare(a[0], b[0]),
    )[0]![0];
    const id = entityId(acc.kind, acc.kind === 'organization' ? orgKey(name) : name);
    idOfGroup.set(g, id);
    if (fragments.has(g)) fragmentIds.add(id);
    const seen = byId.get(id);
    const aliases = new Set([...acc.aliases, ...acc.names.keys()]);
    if (seen) {
      // Two groups of one slug ("Ann-Lee" and "Ann Lee"): one entity.
      for (const a of [...seen.aliases, seen.name, ...aliases]) aliases.add(a);
      seen.mentionCount += acc.mentionCount;
      seen.articleIds = [...new Set([...seen.articleIds, ...acc.articleIds])];
      aliases.delete(seen.name);
      seen.aliases = [...aliases].sort();
      continue;
    }
    aliases.delete(name);
    const entity: Entity = {
      id,
      name,
      kind: acc.kind,
      aliases: [...aliases].sort(),
      mentionCount: acc.mentionCount,
      articleIds: [...acc.articleIds],
    };
    if (acc.roles.size > 0)
      entity.roles = [...acc.roles]
        .sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]))
        .slice(0, 5)
        .map(([r]) => r);
    const country = [...acc.countries.values()].sort((a, b) => b.n - a.n)[0];
    if (country) entity.country = country.ref;
    byId.set(id, entity);
  }
  const entities = [...byId.values()].sort(
    (a, b) => b.mentionCount - a.mentionCount || collator.compare(a.id, b.id),
  );

  const ids = new Map<string, string[]>();
  const lists = new Map<string, ArticleEntity[]>();
  for (const { articleId, entities: list } of perArticle) {
    ids.set(articleId, [...(ids.get(articleId) ?? []), ...list.map((e) => idOfGroup.get(groupOf.get(e)!)!)]);
    lists.set(articleId, [...(lists.get(articleId) ?? []), ...list]);
  }
  const prepared = new Map<string, WrittenCandidate[]>();
  const isFragment = (id: string) => fragmentIds.has(id);

  return {
    entities,
    idsOf: (articleId) => ids.get(articleId) ?? [],
    entityAt(articleId, start, end) {
      const list = lists.get(articleId) ?? [];
      const at = list.findIndex((e) => e.mentions.some(([s, t]) => s <= start && end <= t));
      return at < 0 ? null : ids.get(articleId)![at]!;
    },
    resolve(articleId, name) {
      let local = prepared.get(articleId);
      if (!local) prepared.set(articleId, (local = writtenCandidates(lists.get(articleId) ?? [])));
      const at = findWritten(name, local);
      if (at >= 0) {
        const id = ids.get(articleId)![at]!;
        return isFragment(id) ? null : id;
      }
      // A surname the article never wrote alone: the archive's referent, unless another person of
      // the article has that surname.
      const word = lastWord(normalizeWritten(name).replace(/['’]s$/, ''));
      if (!/^\p{Lu}/u.test(word)) return null;
      const referent = people.referentOf(word);
      if (!referent) return null;
      const folded = foldWord(word);
      const others = local.filter(
        (c) =>
          c.surname !== null && foldWord(c.surname) === folded && groupOf.get(c.e) !== `person:${referent}`,
      );
      return others.length === 0 ? (idOfGroup.get(`person:${referent}`) ?? null) : null;
    },
    isFragment,
    kindOf: (id) => byId.get(id)?.kind,
  };
}

/**
 * Id (`${kind}-${slug}`) of the article entity a name as written refers to, within one article
 * and before corpus merging, or null.
 */
export function resolveInArticle(written: string, entities: ArticleEntity[]): string | null {
  const at = findWritten(written, writtenCandidates(entities));
  const e = entities[at];
  return e ? entityId(e.kind, e.name) : null;
}
