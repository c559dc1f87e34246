import { describe, expect, it } from 'vitest';
import { entityId, mergeCorpusEntities, slug } from '../../../../src/extract/entities/corpus/merge.js';
import type { ArticleEntity } from '../../../../src/model/documents.js';

describe('mergeCorpusEntities', () => {
  const person = (name: string, aliases: string[] = [], n = 1): ArticleEntity => ({
    name,
    kind: 'person',
    aliases,
    mentions: Array.from({ length: n }, (_, i) => [i * 10, i * 10 + name.length] as [number, number]),
  });
  const place = (name: string, aliases: string[] = []): ArticleEntity => ({
    name,
    kind: 'place',
    aliases,
    mentions: [[0, name.length]],
  });

  it('gives one id per name, unions aliases and aggregates counts', () => {
    const merged = mergeCorpusEntities([
      {
        articleId: 'a1',
        entities: [person('Lena Fröhlich', ['Fröhlich'], 2), place('United States', ['U.S.'])],
      },
      {
        articleId: 'a2',
        entities: [person('Lena Fröhlich', ['Mayor Lena Fröhlich']), place('United States')],
      },
      { articleId: 'a3', entities: [person('Fröhlich')] },
    ]);
    const lena = merged.entities.find((e) => e.id === 'person-lena-frohlich');
    expect(lena).toMatchObject({ name: 'Lena Fröhlich', mentionCount: 4, articleIds: ['a1', 'a2', 'a3'] });
    expect(lena?.aliases).toEqual(['Fröhlich', 'Mayor Lena Fröhlich']);
    expect(merged.entities.find((e) => e.id === 'place-united-states')?.aliases).toEqual(['U.S.']);
    expect(merged.entities.some((e) => e.id === 'person-frohlich')).toBe(false);
    expect(merged.resolve('a3', 'Fröhlich')).toBe('person-lena-frohlich');
    expect(merged.resolve('a2', 'Mayor Lena Fröhlich')).toBe('person-lena-frohlich');
    expect(merged.resolve('a2', 'Nobody')).toBeNull();
  });

  it('leaves a surname shared by two full names unmerged', () => {
    const merged = mergeCorpusEntities([
      { articleId: 'a1', entities: [person('Anna Berg')] },
      { articleId: 'a2', entities: [person('Tomas Berg')] },
      { articleId: 'a3', entities: [person('Berg', [], 3)] },
    ]);
    const ids = merged.entities.map((e) => e.id).sort();
    expect(ids).toEqual(['person-anna-berg', 'person-berg', 'person-tomas-berg']);
    expect(merged.entities.find((e) => e.id === 'person-anna-berg')?.mentionCount).toBe(1);
    expect(merged.entities.find((e) => e.id === 'person-berg')?.mentionCount).toBe(3);
    // A speaker "Berg" is no one person: null, not the fragment's id.
    expect(merged.isFragment('person-berg')).toBe(true);
    expect(merged.resolve('a3', 'Berg')).toBeNull();
  });

  it('slugs names to lower-case ASCII', () => {
    expect(slug('Volodymyr Zelenskyy')).toBe('volodymyr-zelenskyy');
    expect(slug('Ségolène  Royal-Dupont')).toBe('segolene-royal-dupont');
    expect(slug('U.S.')).toBe('u-s');
    expect(entityId('place', 'Côte d’Ivoire')).toBe('place-cote-divoire');
  });
});
