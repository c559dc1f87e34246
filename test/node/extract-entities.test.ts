import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entityId, extractEntities, isDemonymMention, mergeCorpusEntities, resolveSpeaker, slug } from '../../src/extract/entities.js';
import type { ArticleEntity, EntityKind } from '../../src/model/documents.js';

const find = (entities: ArticleEntity[], name: string) => entities.find((e) => e.name === name);

/** Every mention's text is the entity's name or one of its aliases. */
function expectExactOffsets(body: string, entities: ArticleEntity[]) {
  for (const e of entities) {
    for (const [s, t] of e.mentions) {
      expect([e.name, ...e.aliases]).toContain(body.slice(s, t));
    }
  }
}

describe('extractEntities: alias rules within an article', () => {
  it('merges a surname with the full name mentioned earlier', () => {
    const body = 'Marta Kowalczyk opened the new bridge in Gdansk on Tuesday.\n\nKowalczyk said the bridge had cost less than planned.';
    const entities = extractEntities(body);
    const marta = find(entities, 'Marta Kowalczyk');
    expect(marta?.kind).toBe('person');
    expect(marta?.aliases).toContain('Kowalczyk');
    expect(marta?.mentions).toHaveLength(2);
    expect(find(entities, 'Kowalczyk')).toBeUndefined();
    expectExactOffsets(body, entities);
    const second = body.indexOf('Kowalczyk said');
    expect(marta?.mentions[1]).toEqual([second, second + 'Kowalczyk'.length]);
  });

  it('strips titles and roles from the name and keeps the role-prefixed form as an alias', () => {
    const body =
      'Estonian Prime Minister Liisa Tamm met farmers on Monday. Ministry spokesman Oskar Lepp declined to comment.\n\n"We will not wait," Tamm said.';
    const entities = extractEntities(body);
    const tamm = find(entities, 'Liisa Tamm');
    expect(tamm?.kind).toBe('person');
    expect(tamm?.aliases).toEqual(expect.arrayContaining(['Estonian Prime Minister Liisa Tamm', 'Tamm']));
    const lepp = find(entities, 'Oskar Lepp');
    expect(lepp?.aliases).toContain('Ministry spokesman Oskar Lepp');
    // The mention itself covers the name only.
    const at = body.indexOf('Liisa Tamm');
    expect(tamm?.mentions[0]).toEqual([at, at + 'Liisa Tamm'.length]);
    expect(entities.some((e) => /Prime Minister/.test(e.name))).toBe(false);
    expectExactOffsets(body, entities);
  });

  it('merges an acronym defined in parentheses and a prefixed form of the organisation', () => {
    const body =
      'The White House National Water Council (NWC) warned of drought. Later the NWC said reservoirs were low.';
    const entities = extractEntities(body);
    const nwc = find(entities, 'National Water Council');
    expect(nwc?.kind).toBe('organization');
    expect(nwc?.aliases).toEqual(expect.arrayContaining(['NWC', 'White House National Water Council']));
    expect(nwc?.mentions).toHaveLength(3);
    expect(find(entities, 'NWC')).toBeUndefined();
    expect(find(entities, 'White House')?.kind).toBe('organization');
    expectExactOffsets(body, entities);
  });

  it('counts a demonym as a mention of the state only where it stands for the state', () => {
    const body = 'Norwegian forces crossed the river. Two Norwegian novelists were in the audience.';
    const entities = extractEntities(body);
    const norway = find(entities, 'Norway');
    expect(norway?.kind).toBe('place');
    expect(norway?.mentions).toEqual([[0, 'Norwegian'.length]]);
    expect(norway?.aliases).toEqual(['Norwegian']);
    expect(isDemonymMention('Norwegian')).toBe(true);
    expect(isDemonymMention('Norway')).toBe(false);
  });

  it('treats "U.S." and "United States" as one place', () => {
    const body = 'Exports to the United States rose in March. U.S. buyers took most of the grain, officials in Lima said.';
    const entities = extractEntities(body);
    const us = find(entities, 'United States');
    expect(us?.kind).toBe('place');
    expect(us?.aliases).toEqual(['U.S.']);
    expect(us?.mentions).toHaveLength(2);
    expect(find(entities, 'Lima')?.kind).toBe('place');
    expectExactOffsets(body, entities);
  });

  it('keeps offsets exact in UTF-16 after non-BMP characters and curly quotes', () => {
    const body = '🎉 “Welcome,” said Anneli Saar of Tallinn’s Harbour Authority, praising Saar’s team.';
    const entities = extractEntities(body);
    expect(find(entities, 'Anneli Saar')?.mentions).toHaveLength(2);
    expect(find(entities, 'Tallinn Harbour Authority') ?? find(entities, 'Harbour Authority')).toBeDefined();
    expectExactOffsets(body, entities);
  });

  it('finds nothing in text without names', () => {
    expect(extractEntities('The committee met on Monday and said nothing new.\n\nIt will meet again in June.')).toEqual([]);
  });
});

describe('resolveSpeaker', () => {
  const body = 'Kremlin spokesman Dmitri Orlovsky denied the report. "Nonsense," Orlovsky told reporters in Kazan.';
  const entities = extractEntities(body);
  it('links a speaker as written, with or without role, to the person id', () => {
    expect(resolveSpeaker('Orlovsky', entities)).toBe('person-dmitri-orlovsky');
    expect(resolveSpeaker('Kremlin spokesman Dmitri Orlovsky', entities)).toBe('person-dmitri-orlovsky');
    expect(resolveSpeaker('Kremlin', entities)).toBe('organization-kremlin');
    expect(resolveSpeaker('he', entities)).toBeNull();
    expect(resolveSpeaker('Ivanov', entities)).toBeNull();
  });
});

describe('mergeCorpusEntities', () => {
  const person = (name: string, aliases: string[] = [], n = 1): ArticleEntity => ({
    name,
    kind: 'person',
    aliases,
    mentions: Array.from({ length: n }, (_, i) => [i * 10, i * 10 + name.length] as [number, number]),
  });
  const place = (name: string, aliases: string[] = []): ArticleEntity => ({ name, kind: 'place', aliases, mentions: [[0, name.length]] });

  it('gives one id per name, unions aliases and aggregates counts', () => {
    const merged = mergeCorpusEntities([
      { articleId: 'a1', entities: [person('Lena Fröhlich', ['Fröhlich'], 2), place('United States', ['U.S.'])] },
      { articleId: 'a2', entities: [person('Lena Fröhlich', ['Mayor Lena Fröhlich']), place('United States')] },
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
    expect(merged.resolve('a3', 'Berg')).toBe('person-berg');
  });

  it('slugs names to lower-case ASCII', () => {
    expect(slug('Volodymyr Zelenskyy')).toBe('volodymyr-zelenskyy');
    expect(slug('Ségolène  Royal-Dupont')).toBe('segolene-royal-dupont');
    expect(slug('U.S.')).toBe('u-s');
    expect(entityId('place', 'Côte d’Ivoire')).toBe('place-cote-divoire');
  });
});

describe('the seed article', () => {
  const dir = new URL('../../../shared/corpus/seed/', import.meta.url);
  it('finds every gold entity with its kind and aliases', () => {
    const article = JSON.parse(readFileSync(new URL('articles.ndjson', dir), 'utf8').split('\n')[0]!) as { body: string; title: string };
    const gold = JSON.parse(readFileSync(new URL('entities-gold.json', dir), 'utf8')) as Record<string, Record<string, string[]>>;
    const entities = extractEntities(article.body, { title: article.title });
    const kinds: Record<string, EntityKind> = { people: 'person', organizations: 'organization', places: 'place' };
    let checked = 0;
    for (const [group, kind] of Object.entries(kinds)) {
      for (const [name, aliases] of Object.entries(gold[group]!)) {
        const entity = find(entities, name);
        expect(entity, name).toBeDefined();
        expect(entity!.kind, name).toBe(kind);
        for (const alias of aliases) {
          // Forms the body never writes alone ("Putin", "U.S.") must still resolve to the entity.
          const ok = entity!.aliases.includes(alias) || resolveSpeaker(alias, entities) === entityId(kind, name);
          expect(ok, `${name} ← ${alias}`).toBe(true);
        }
        checked++;
      }
    }
    expect(checked).toBe(14);
    expect(find(entities, 'Dmitry Peskov')?.aliases).toEqual(expect.arrayContaining(['Peskov', 'Kremlin spokesman Dmitry Peskov']));
    expect(find(entities, 'National Security Council')?.aliases).toEqual(expect.arrayContaining(['NSC', 'White House National Security Council']));
    expectExactOffsets(article.body, entities);
    // Nothing beyond the gold entities.
    expect(entities.map((e) => e.name).sort()).toEqual(Object.values(kinds).flatMap((_, i) => Object.keys(gold[Object.keys(kinds)[i]!]!)).sort());
  });
});
