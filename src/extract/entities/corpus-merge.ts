/**
 * Corpus-wide entity merging and speaker lookup. Pure: no I/O, no gazetteers, so it may run anywhere.
 */
import type { ArticleEntity, Entity, EntityKind } from '../../model/documents.js';
import { slug } from '../../model/slug.js';

export { slug };

export const entityId = (kind: EntityKind, name: string) => `${kind}-${slug(name)}`;

// Printable ASCII without backquotes, words separated by single spaces: already normalized.
const NORMALIZED = /^(?:[!-_a-~]+ )*[!-_a-~]+$/;

const norm = (s: string) =>
  NORMALIZED.test(s) ? s : s.normalize('NFKC').replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();

const lastWord = (name: string) => name.split(' ').pop()!;

// One collator for every comparison: localeCompare's order, without its per-call set-up.
const collator = new Intl.Collator();

/**
 * The entity a quote's speaker as written refers to, as an id (`${kind}-${slug}`), or null.
 * Matches the name or an alias, then a role-prefixed form ending in a known name ("Kremlin
 * spokesman Oleg Marin"), then a bare surname shared by exactly one person. People first.
 * After corpus merging prefer `MergedEntities.resolve`, which also knows corpus-wide surnames.
 */
export function resolveSpeaker(speaker: string, entities: ArticleEntity[]): string | null {
  const e = findEntity(speaker, candidates(entities));
  return e ? entityId(e.kind, e.name) : null;
}

/** An article's entities, people first, with their written forms normalized once. */
interface Candidate {
  e: ArticleEntity;
  /** norm(name), then norm(alias) for each alias. */
  forms: string[];
  lower: string[];
  /** Last word of a multi-word person's name; null otherwise. */
  surname: string | null;
}

function candidates(entities: ArticleEntity[]): Candidate[] {
  return [...entities]
    .sort((a, b) => Number(b.kind === 'person') - Number(a.kind === 'person'))
    .map((e) => {
      const forms = [e.name, ...e.aliases].map(norm);
      const surname = e.kind === 'person' && e.name.includes(' ') ? lastWord(forms[0]!) : null;
      return { e, forms, lower: forms.map((f) => f.toLowerCase()), surname };
    });
}

function findEntity(speaker: string, ordered: Candidate[]): ArticleEntity | null {
  let s = norm(speaker)
    .replace(/^(the|a|an)\s+/i, '')
    .replace(/'s$/i, '')
    .replace(/[,.;:]+$/, '');
  if (!s) return null;
  const lc = s.toLowerCase();
  for (const c of ordered) if (c.lower.includes(lc)) return c.e;
  // "Kremlin spokesman Oleg Marin": the longest known name the speaker ends with.
  let best: ArticleEntity | null = null;
  let bestLen = 0;
  for (const { e, forms } of ordered) {
    for (const f of forms) {
      if (f.length > bestLen && (s.endsWith(` ${f}`) || s === f) && (e.kind === 'person' || !best)) {
        best = e;
        bestLen = f.length;
      }
    }
  }
  if (best) return best;
  s = lastWord(s);
  const people = ordered.filter((c) => c.surname === s);
  return people.length === 1 ? people[0]!.e : null;
}

export interface MergedEntities {
  entities: Entity[];
  /** Id of the entity a name as written in that article refers to, or null. */
  resolve(articleId: string, name: string): string | null;
}

/**
 * One entity per real-world name across the corpus. Entities with the same kind and slug merge;
 * an entity whose name is a bare surname, or another entity's alias, joins that entity when
 * exactly one candidate exists in the corpus. Shared by two, it is ambiguous and stays on its own.
 */
export function mergeCorpusEntities(
  perArticle: Array<{ articleId: string; entities: ArticleEntity[] }>,
): MergedEntities {
  interface Acc {
    kind: EntityKind;
    names: Map<string, number>;
    aliases: Set<string>;
    mentionCount: number;
    // A set: common places appear in thousands of articles, and includes() would be quadratic.
    articleIds: Set<string>;
  }
  const accs = new Map<string, Acc>();
  const ensure = (id: string, kind: EntityKind) => {
    let a = accs.get(id);
    if (!a) {
      a = { kind, names: new Map(), aliases: new Set(), mentionCount: 0, articleIds: new Set() };
      accs.set(id, a);
    }
    return a;
  };

  // Pass 1: group by slug, and index aliases and surnames of multi-word names.
  const aliasIndex = new Map<string, Set<string>>(); // `${kind}:${lowercased alias}` → ids
  const surnameIndex = new Map<string, Set<string>>(); // lowercased surname → person ids
  const index = (m: Map<string, Set<string>>, k: string, id: string) => {
    const s = m.get(k) ?? new Set<string>();
    s.add(id);
    m.set(k, s);
  };
  for (const { entities } of perArticle) {
    for (const e of entities) {
      const id = entityId(e.kind, e.name);
      if (!e.name.includes(' ') && e.kind === 'person') continue; // bare surnames are resolved below
      ensure(id, e.kind);
      for (const a of e.aliases) index(aliasIndex, `${e.kind}:${norm(a).toLowerCase()}`, id);
      if (e.kind === 'person') index(surnameIndex, lastWord(norm(e.name)).toLowerCase(), id);
    }
  }

  const target = (e: ArticleEntity): string => {
    const own = entityId(e.kind, e.name);
    if (accs.has(own)) return own;
    const key = norm(e.name).toLowerCase();
    const candidates = new Set<string>(aliasIndex.get(`${e.kind}:${key}`) ?? []);
    if (e.kind === 'person' && !e.name.includes(' '))
      for (const id of surnameIndex.get(key) ?? []) candidates.add(id);
    return candidates.size === 1 ? [...candidates][0]! : own;
  };

  // Pass 2: aggregate, remembering per article where each written form went.
  const perArticleLookup = new Map<string, ArticleEntity[]>();
  const idOf = new Map<ArticleEntity, string>();
  for (const { articleId, entities } of perArticle) {
    perArticleLookup.set(articleId, [...(perArticleLookup.get(articleId) ?? []), ...entities]);
    for (const e of entities) {
      const id = target(e);
      idOf.set(e, id);
      const acc = ensure(id, e.kind);
      acc.names.set(e.name, (acc.names.get(e.name) ?? 0) + e.mentions.length);
      for (const a of e.aliases) acc.aliases.add(a);
      acc.mentionCount += e.mentions.length;
      acc.articleIds.add(articleId);
    }
  }

  const entities: Entity[] = [];
  for (const [id, acc] of accs) {
    if (acc.articleIds.size === 0) continue;
    // Prefer a multi-word name (the full name over a merged surname), then the most mentioned.
    const name = [...acc.names.entries()].sort(
      (a, b) =>
        Number(b[0].includes(' ')) - Number(a[0].includes(' ')) ||
        b[1] - a[1] ||
        collator.compare(a[0], b[0]),
    )[0]![0];
    const aliases = new Set([...acc.aliases, ...acc.names.keys()]);
    aliases.delete(name);
    entities.push({
      id,
      name,
      kind: acc.kind,
      aliases: [...aliases].sort(),
      mentionCount: acc.mentionCount,
      articleIds: [...acc.articleIds],
    });
  }
  entities.sort((a, b) => b.mentionCount - a.mentionCount || collator.compare(a.id, b.id));
  // Speakers resolve against their article's entities, normalized once per article.
  const prepared = new Map<string, Candidate[]>();

  return {
    entities,
    resolve(articleId, name) {
      let local = prepared.get(articleId);
      if (!local) prepared.set(articleId, (local = candidates(perArticleLookup.get(articleId) ?? [])));
      const e = findEntity(name, local);
      if (e) return idOf.get(e) ?? null;
      return null;
    },
  };
}
