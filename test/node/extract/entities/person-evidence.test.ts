/**
 * A person needs person evidence: a given name, a title or honorific, a speech verb, or the
 * archive naming the same person with evidence elsewhere. Invented names and sentences.
 */
import { describe, expect, it } from 'vitest';
import { mergeCorpusEntities } from '../../../../src/extract/entities/corpus/merge.js';
import { keepSupported } from '../../../../src/extract/entities/corpus/supported.js';
import { extractEntities } from '../../../../src/extract/entities/extract.js';
import type { ArticleEntity } from '../../../../src/model/documents.js';

const extract = (body: string) => extractEntities(body, { tagger: false });
const names = (es: ArticleEntity[], kind = 'person') => es.filter((e) => e.kind === kind).map((e) => e.name);

describe('person evidence', () => {
  it('reads no person into a law, an event, a programme or a slogan', () => {
    const body =
      'Voters in Marlow County worried about Rural Broadband Security and the Great Flood Recovery. ' +
      'Critics of Keep Harbor Towns Open said the Coastal Fisheries Act would fail. ' +
      'Tovah Quell, who runs a bakery, disagreed.';
    const people = names(extract(body));
    expect(people).toContain('Tovah Quell');
    for (const p of people) expect(p).not.toMatch(/Security|Recovery|Open|Act/);
  });

  it('keeps people named with a given name, a title, an honorific or a speech verb', () => {
    const body =
      'Sheriff Dace Ormond closed the road. Ms. Brannagh agreed. Wexley said the bridge was safe. ' +
      'Petra Galloway, a farmer, was not so sure.';
    const entities = extract(body);
    expect(names(entities).sort()).toEqual(['Brannagh', 'Dace Ormond', 'Petra Galloway', 'Wexley']);
    expect(entities.find((e) => e.name === 'Dace Ormond')!.roles).toEqual(['Sheriff']);
  });

  it('never makes a contraction or a headline run an entity', () => {
    const body =
      'The report was titled Why Voters Can’t Wait For Change. Later, Ann Lorrimer Responds To Critics.';
    for (const e of extract(body)) {
      expect(e.name).not.toMatch(/Can’t|Responds To/);
    }
  });

  it('keeps a lone unsupported word only where the archive names a person so with evidence', () => {
    const a = extract('Teodor Okafor said the port would reopen.');
    const b = extract('The plan was backed by Okafor and opposed by Kowalski.');
    expect(b.find((e) => e.name === 'Okafor')?.personEvidence).toBe('none');
    expect(b.find((e) => e.name === 'Kowalski')?.personEvidence).toBe('none');
    const kept = keepSupported([
      { articleId: 'a', entities: a },
      { articleId: 'b', entities: b },
    ]);
    expect(names(kept[1]!.entities)).toContain('Okafor');
    expect(names(kept[1]!.entities)).not.toContain('Kowalski');
    const merged = mergeCorpusEntities(kept);
    expect(merged.entities.find((e) => e.id === 'person-teodor-okafor')!.mentionCount).toBe(2);
  });

  it('keeps role-prefixed forms out of a corpus entity’s aliases: they are its roles', () => {
    const entities = extract('Harbour Commissioner Ilse Dravnik opened the pier. Dravnik said it was late.');
    const merged = mergeCorpusEntities([{ articleId: 'a', entities }]);
    const ilse = merged.entities.find((e) => e.name === 'Ilse Dravnik')!;
    expect(ilse.aliases).toEqual(['Dravnik']);
    expect(ilse.roles).toEqual(['Harbour Commissioner']);
  });
});
