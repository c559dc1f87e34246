/**
 * Step 0 of corpus resolution: people the text gave no evidence for (`personEvidence: 'none'`,
 * see ../person-evidence.ts) stay people only where the archive names a person so with evidence: the
 * same name, or a one-word name that is the surname of a person some article gives evidence for ("Lee" alone, where another article writes "Ann Lee said"). The rest are dropped:
 * a capitalised phrase that nothing in the archive shows to be a person's name.
 */
import type { ArticleEntity } from '../../../model/documents.js';
import { foldWord } from './person-names.js';

const key = (name: string) => name.split(/\s+/).map(foldWord).join(' ');

export function keepSupported(
  perArticle: Array<{ articleId: string; entities: ArticleEntity[] }>,
): Array<{ articleId: string; entities: ArticleEntity[] }> {
  const known = new Set<string>();
  for (const { entities } of perArticle) {
    for (const e of entities) {
      if (e.kind !== 'person' || e.personEvidence) continue;
      const words = key(e.name).split(' ');
      known.add(words.join(' '));
      if (words.length > 1) known.add(words[words.length - 1]!);
    }
  }
  const unsupported = (e: ArticleEntity) => e.personEvidence === 'none';
  if (!perArticle.some(({ entities }) => entities.some(unsupported))) return perArticle;
  return perArticle.map(({ articleId, entities }) => ({
    articleId,
    entities: entities.filter((e) => !unsupported(e) || known.has(key(e.name))),
  }));
}
