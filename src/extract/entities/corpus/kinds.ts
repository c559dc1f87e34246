/**
 * One name, one kind across the corpus. An article entity whose kind no rule decided (`weakKind`:
 * weighed evidence only, such as a lone word that is also a small town's name) takes the kind the
 * archive gives the same name, when that kind holds at least two thirds of the articles' readings:
 * "Lee" read as a town in one article is the person "Lee" the other articles name. A kind the
 * text decided ("the town of Lee", a title before the name, a dateline) is never changed, so a
 * place or an organisation of that name stays where its own article shows it. A person's
 * one-word aliases (the surname it was written as) count as readings of those words.
 */
import type { ArticleEntity, EntityKind } from '../../../model/documents.js';
import { foldWord } from './person-names.js';

/** Share of the readings a kind needs to re-kind the undecided ones. */
const MAJORITY = 2 / 3;

const foldName = (name: string) => name.split(/\s+/).map(foldWord).join(' ');

/** The kind each weakly typed entity should have, by article and position; only changes are listed. */
export function corpusKinds(
  perArticle: Array<{ entities: ArticleEntity[] }>,
): Map<ArticleEntity, EntityKind> {
  // name → kind → articles reading it so
  const votes = new Map<string, Map<EntityKind, number>>();
  const vote = (name: string, kind: EntityKind, seen: Set<string>) => {
    const key = foldName(name);
    if (seen.has(key)) return;
    seen.add(key);
    let byKind = votes.get(key);
    if (!byKind) votes.set(key, (byKind = new Map()));
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  };
  for (const { entities } of perArticle) {
    const seen = new Set<string>();
    for (const e of entities) {
      vote(e.name, e.kind, seen);
      if (e.kind === 'person') for (const a of e.aliases) if (!a.includes(' ')) vote(a, e.kind, seen);
    }
  }
  const changes = new Map<ArticleEntity, EntityKind>();
  for (const { entities } of perArticle) {
    for (const e of entities) {
      if (!e.weakKind) continue;
      const byKind = votes.get(foldName(e.name));
      if (!byKind) continue;
      let total = 0;
      let best: EntityKind = e.kind;
      let bestVotes = 0;
      for (const [kind, n] of byKind) {
        total += n;
        if (n > bestVotes) [best, bestVotes] = [kind, n];
      }
      if (best !== e.kind && bestVotes >= MAJORITY * total) changes.set(e, best);
    }
  }
  return changes;
}
