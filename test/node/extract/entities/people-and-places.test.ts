/**
 * A person is one entity however the article writes them, roles are no part of a name, and places
 * carry their country: invented names and sentences throughout (real countries and cities only
 * where a country is the point).
 */
import { describe, expect, it } from 'vitest';
import { entityId, mergeCorpusEntities } from '../../../../src/extract/entities/corpus/merge.js';
import { extractEntities } from '../../../../src/extract/entities/extract.js';
import type { ArticleEntity } from '../../../../src/model/documents.js';
import { speakerId } from '../../../../src/pipeline/corpus.js';

const extract = (body: string, opts: { title?: string; dateline?: string } = {}) =>
  extractEntities(body, { tagger: false, ...opts });
const people = (es: ArticleEntity[]) => es.filter((e) => e.kind === 'person');
const written = (body: string, e: ArticleEntity) => e.mentions.map(([s, t]) => body.slice(s, t));

describe('one person, one entity', () => {
  it('merges a full name, its honorific and bare surname and a middle initial into one person', () => {
    const body = 'Oren Vasko spoke. Then Mr. Vasko left. Oren J. Vasko returned. Vasko smiled.';
    const entities = extract(body);
    const merged = mergeCorpusEntities([{ articleId: 'a', entities }]);
    const persons = merged.entities.filter((e) => e.kind === 'person');
    expect(persons).toHaveLength(1);
    expect(['person-oren-vasko', 'person-oren-j-vasko']).toContain(persons[0]!.id);
    expect(persons[0]!.mentionCount).toBe(4);
    // No sentence word inside a name or an alias, no honorific inside the name.
    expect(persons[0]!.name).not.toMatch(/Mr\./);
    for (const name of [persons[0]!.name, ...persons[0]!.aliases]) expect(name).not.toMatch(/^Then /);
  });

  it('splits a party, an office and its place off the name and keeps them as the roles', () => {
    const body =
      'Ohio Gov. Mara Quennick met Democrat Lina Toress and Secretary of State Pavel Brenn. Quennick said little.';
    const entities = extract(body);
    const byName = new Map(people(entities).map((e) => [e.name, e]));
    expect([...byName.keys()].sort()).toEqual(['Lina Toress', 'Mara Quennick', 'Pavel Brenn']);
    expect(byName.get('Mara Quennick')!.roles).toEqual(['Ohio Gov.']);
    expect(byName.get('Lina Toress')!.roles).toEqual(['Democrat']);
    expect(byName.get('Pavel Brenn')!.roles).toEqual(['Secretary of State']);
    expect(written(body, byName.get('Mara Quennick')!)).toEqual(['Mara Quennick', 'Quennick']);
    expect(entities.find((e) => e.name === 'Ohio')?.kind).toBe('place');
  });

  it('links a later first name to the one full name that starts with it', () => {
    const body = 'Anna Keltner opened the meeting. Later Anna left early.';
    const [anna] = people(extract(body));
    expect(anna!.name).toBe('Anna Keltner');
    expect(written(body, anna!)).toEqual(['Anna Keltner', 'Anna']);
  });

  it('tells two people of one surname apart by the honorific, and leaves an unclear one unlinked', () => {
    const body = [
      'Anna Keltner and her husband Peter Keltner arrived.',
      'Mrs. Keltner spoke first.',
      'The hall was full. The band played. The lights went down. Dinner was served late.',
      'Keltner was not seen again.',
    ].join('\n\n');
    const entities = people(extract(body));
    const anna = entities.find((e) => e.name === 'Anna Keltner')!;
    expect(written(body, anna)).toContain('Keltner');
    const bare = entities.find((e) => e.name === 'Keltner');
    expect(bare?.ambiguousWith).toEqual(['Anna Keltner', 'Peter Keltner']);
  });

  it('gives a bare surname to the archive’s one clear referent, and not where namesakes compete', () => {
    const full = (name: string): ArticleEntity => ({
      name,
      kind: 'person',
      aliases: [name.split(' ')[1]!],
      mentions: [[0, name.length]],
    });
    const bare = (name: string, extra: Partial<ArticleEntity> = {}): ArticleEntity => ({
      name,
      kind: 'person',
      aliases: [],
      mentions: [[0, name.length]],
      ...extra,
    });
    const perArticle = [
      ...Array.from({ length: 6 }, (_, i) => ({ articleId: `v${i}`, entities: [full('Oren Vasko')] })),
      { articleId: 'v-bare', entities: [bare('Vasko')] },
      { articleId: 'k1', entities: [full('Anna Keltner')] },
      { articleId: 'k2', entities: [full('Peter Keltner')] },
      { articleId: 'k-bare', entities: [bare('Keltner')] },
    ];
    const merged = mergeCorpusEntities(perArticle);
    expect(merged.idsOf('v-bare')).toEqual(['person-oren-vasko']);
    expect(merged.idsOf('k-bare')).toEqual(['person-keltner']);
    expect(merged.isFragment('person-keltner')).toBe(true);
    // A quote's speaker is the person's one id, or null for a name no one person surely is.
    expect(speakerId(merged, 'v-bare', { speaker: 'Vasko' })).toBe('person-oren-vasko');
    expect(speakerId(merged, 'k-bare', { speaker: 'Keltner' })).toBeNull();
  });

  it('keeps a name a person across the archive where one article weighed it as a place', () => {
    const entry = (name: string, kind: ArticleEntity['kind'], extra: Partial<ArticleEntity> = {}) => ({
      name,
      kind,
      aliases: [],
      mentions: [[0, name.length]] as Array<[number, number]>,
      ...extra,
    });
    const merged = mergeCorpusEntities([
      { articleId: 'a1', entities: [entry('Oren Vasko', 'person', { aliases: ['Vasko'] })] },
      { articleId: 'a2', entities: [entry('Vasko', 'person')] },
      { articleId: 'a5', entities: [entry('Oren Vasko', 'person', { aliases: ['Vasko'] })] },
      { articleId: 'a6', entities: [entry('Vasko', 'person')] },
      { articleId: 'a3', entities: [entry('Vasko', 'place', { weakKind: true })] },
      // Decided by the text ("the town of Vasko"): stays a place.
      { articleId: 'a4', entities: [entry('Vasko', 'place')] },
    ]);
    expect(merged.idsOf('a3')).toEqual(['person-oren-vasko']);
    expect(merged.idsOf('a4')).toEqual([entityId('place', 'Vasko')]);
  });
});

describe('places and their countries', () => {
  it('reads the dateline and the headline, and gives places their ISO country', () => {
    const body = 'Grain traders met on Tuesday. Prices in Lyon rose, Kelmar Mills said.';
    const entities = extract(body, {
      dateline: 'BUENOS AIRES, March 3',
      title: 'ARGENTINE WHEAT SALES RISE',
    });
    const ba = entities.find((e) => e.name === 'Buenos Aires')!;
    expect(ba).toMatchObject({
      kind: 'place',
      datelineMentions: 1,
      country: { code: 'AR', name: 'Argentina' },
    });
    expect(entities.find((e) => e.name === 'Argentina')).toMatchObject({ titleMentions: 1, mentions: [] });
    expect(entities.find((e) => e.name === 'Lyon')?.country).toEqual({ code: 'FR', name: 'France' });
  });

  it('maps a demonym standing for its state, and a former state, to their country', () => {
    const entities = extract('The West German government wrote to the Peruvian government in Lima.');
    expect(entities.find((e) => e.name === 'West Germany')?.country?.code).toBe('DE');
    expect(entities.find((e) => e.name === 'Peru')?.kind).toBe('place');
    expect(entities.find((e) => e.name === 'Lima')?.country?.code).toBe('PE');
  });

  it('never makes a contraction or a trailing weekday part of an entity', () => {
    const body = "We're told Oren Vasko Friday met Kelmar Mills. They've said nothing. Don't ask.";
    const names = extract(body).map((e) => e.name);
    expect(names).not.toContain("We're");
    expect(names).not.toContain("They've");
    expect(names).not.toContain("Don't");
    expect(names).toContain('Oren Vasko');
  });
});
