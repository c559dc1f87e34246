import { describe, expect, it } from 'vitest';
import { entityId } from '../../../../src/extract/entities/corpus/merge.js';
import { extractEntities, resolveSpeaker } from '../../../../src/extract/entities/extract.js';
import { isDemonymMention } from '../../../../src/extract/entities/word-classes.js';
import type { ArticleEntity, EntityKind } from '../../../../src/model/documents.js';
import { hasCorpora, readCorpus } from '../../../corpora.js';

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
    const body =
      'Marta Kowalczyk opened the new bridge in Gdansk on Tuesday.\n\nKowalczyk said the bridge had cost less than planned.';
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
    const body =
      'Exports to the United States rose in March. U.S. buyers took most of the grain, officials in Lima said.';
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
    expect(
      extractEntities('The committee met on Monday and said nothing new.\n\nIt will meet again in June.'),
    ).toEqual([]);
  });
});

describe('extractEntities: organisation, place and sports rules', () => {
  const kindOf = (body: string, name: string, opts = { tagger: false }) =>
    find(extractEntities(body, opts), name)?.kind;

  it('types firms and venues by their head or first word', () => {
    const body =
      'Talvik Offshore Engineering signed a deal with Café Morgenrot and Banco Ferreira on Tuesday.';
    const entities = extractEntities(body, { tagger: false });
    expect(find(entities, 'Talvik Offshore Engineering')?.kind).toBe('organization');
    expect(find(entities, 'Café Morgenrot')?.kind).toBe('organization');
    expect(find(entities, 'Banco Ferreira')?.kind).toBe('organization');
    expect(entities.some((e) => e.kind === 'person')).toBe(false);
    expectExactOffsets(body, entities);
  });

  it('keeps "X and Y Union" and a plural possessive inside one organisation with its acronym', () => {
    const body = "The Fishermen and Seafarers' Union (FSU) called a strike. The FSU said talks had failed.";
    const entities = extractEntities(body, { tagger: false });
    const fsu = find(entities, "Fishermen and Seafarers' Union");
    expect(fsu?.kind).toBe('organization');
    expect(fsu?.aliases).toContain('FSU');
    expect(find(entities, 'Union')).toBeUndefined();
    expect(find(entities, 'Seafarers')).toBeUndefined();
  });

  it('types football clubs by their suffix and merges the short form', () => {
    const body =
      'Brackley Rovers beat Eastmoor Athletic on Saturday. Fans said Athletic had not lost since March.';
    const entities = extractEntities(body, { tagger: false });
    expect(find(entities, 'Brackley Rovers')?.kind).toBe('organization');
    const athletic = find(entities, 'Eastmoor Athletic');
    expect(athletic?.kind).toBe('organization');
    expect(athletic?.aliases).toContain('Athletic');
  });

  it('reads every name of a wire dateline as a place', () => {
    const body = 'OSLO 1996-08-30\n\nShares rose.\n\nSPRINGFIELD, Illinois 1996-08-31\n\nPrices fell.';
    const entities = extractEntities(body, { tagger: false });
    expect(find(entities, 'OSLO')?.kind).toBe('place');
    expect(find(entities, 'Springfield')?.kind).toBe('place');
    expect(find(entities, 'Illinois')?.kind).toBe('place');
  });

  it('takes places from "the town of X", "the capital X" and "X province"', () => {
    const body =
      'Fighting spread to the town of Qarvash and to Ostrel province, 50 km from the capital Dravny.';
    expect(kindOf(body, 'Qarvash')).toBe('place');
    expect(kindOf(body, 'Ostrel')).toBe('place');
    expect(kindOf(body, 'Dravny')).toBe('place');
  });

  it('types a lone name followed by business nouns as an organisation across the article', () => {
    const body =
      "Velmora shares rose 4 percent. Analysts said Velmora's profits would grow. Velmora declined to comment.";
    const velmora = find(extractEntities(body, { tagger: false }), 'Velmora');
    expect(velmora?.kind).toBe('organization');
    expect(velmora?.mentions).toHaveLength(3);
  });

  it('reads teams named after towns and bracketed countries in results', () => {
    const body =
      'In Denver, the Portland Otters beat the Denver Falcons 5-3 and the Otters stayed top.\n\nResults:\n\nVinter (Sweden) 72 Kalmo (Ukraine) 70\n\n3. Anna Kowal (Poland) 12.85\n\nBaseball digest 4-2\n\nScores 3-1';
    const entities = extractEntities(body, { tagger: false });
    expect(find(entities, 'Portland Otters')?.kind).toBe('organization');
    expect(find(entities, 'Denver Falcons')?.kind).toBe('organization');
    expect(find(entities, 'Portland Otters')?.aliases).toContain('Otters');
    expect(find(entities, 'Ukraine')?.kind).toBe('place');
    expect(find(entities, 'Poland')?.kind).toBe('place');
    expect(find(entities, 'Anna Kowal')?.kind).toBe('person');
  });

  it('reads capitals fixture lines as clubs and bowling figures as players', () => {
    const body = 'TORONTO AT CHICAGO\n\nSEATTLE AT BOSTON\n\nBowling: Pemberton 10-1-42-3, Okafor 8-0-31-1.';
    const entities = extractEntities(body, { tagger: false });
    expect(find(entities, 'Toronto')?.kind).toBe('organization');
    expect(find(entities, 'Chicago')?.kind).toBe('organization');
    expect(find(entities, 'Pemberton')?.kind).toBe('person');
    expect(find(entities, 'Okafor')?.kind).toBe('person');
  });

  it('does not let a weak full name retype a strong place, and skips months, letters and measures', () => {
    const body =
      'Talks on Chechnya resumed. The OSCE Chechnya mission said on May 22 that GDP data, marked N / A, were missing.';
    const entities = extractEntities(body, { tagger: false });
    expect(find(entities, 'Chechnya')?.kind).toBe('place');
    expect(find(entities, 'May')).toBeUndefined();
    expect(find(entities, 'GDP')).toBeUndefined();
    expect(find(entities, 'N')).toBeUndefined();
  });

  it('drops a name that is only part of a "-based" modifier', () => {
    const body = 'The Hong Kong-based group Lumenor said on Friday it would expand.';
    const entities = extractEntities(body, { tagger: false });
    expect(find(entities, 'Hong')).toBeUndefined();
  });
});

describe('resolveSpeaker', () => {
  const body =
    'Kremlin spokesman Dmitri Orlovsky denied the report. "Nonsense," Orlovsky told reporters in Kazan.';
  const entities = extractEntities(body);
  it('links a speaker as written, with or without role, to the person id', () => {
    expect(resolveSpeaker('Orlovsky', entities)).toBe('person-dmitri-orlovsky');
    expect(resolveSpeaker('Kremlin spokesman Dmitri Orlovsky', entities)).toBe('person-dmitri-orlovsky');
    expect(resolveSpeaker('Kremlin', entities)).toBe('organization-kremlin');
    expect(resolveSpeaker('he', entities)).toBeNull();
    expect(resolveSpeaker('Ivanov', entities)).toBeNull();
  });
});

describe.skipIf(!hasCorpora('the seed article', 'seed/articles.ndjson'))('the seed article', () => {
  it('finds every gold entity with its kind and aliases', () => {
    const article = JSON.parse(readCorpus('seed/articles.ndjson').split('\n')[0]!) as {
      body: string;
      title: string;
    };
    const gold = JSON.parse(readCorpus('seed/entities-gold.json')) as Record<
      string,
      Record<string, string[]>
    >;
    const entities = extractEntities(article.body, { title: article.title });
    const kinds: Record<string, EntityKind> = {
      people: 'person',
      organizations: 'organization',
      places: 'place',
    };
    let checked = 0;
    for (const [group, kind] of Object.entries(kinds)) {
      for (const [name, aliases] of Object.entries(gold[group]!)) {
        const entity = find(entities, name);
        expect(entity, name).toBeDefined();
        expect(entity!.kind, name).toBe(kind);
        for (const alias of aliases) {
          // Forms the body never writes alone ("Putin", "U.S.") must still resolve to the entity.
          const ok =
            entity!.aliases.includes(alias) || resolveSpeaker(alias, entities) === entityId(kind, name);
          expect(ok, `${name} ← ${alias}`).toBe(true);
        }
        checked++;
      }
    }
    expect(checked).toBe(14);
    expect(find(entities, 'Dmitry Peskov')?.aliases).toEqual(
      expect.arrayContaining(['Peskov', 'Kremlin spokesman Dmitry Peskov']),
    );
    expect(find(entities, 'National Security Council')?.aliases).toEqual(
      expect.arrayContaining(['NSC', 'White House National Security Council']),
    );
    expectExactOffsets(article.body, entities);
    // Nothing beyond the gold entities.
    expect(entities.map((e) => e.name).sort()).toEqual(
      Object.values(kinds)
        .flatMap((_, i) => Object.keys(gold[Object.keys(kinds)[i]!]!))
        .sort(),
    );
  });
});
