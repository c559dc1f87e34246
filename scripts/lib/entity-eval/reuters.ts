/**
 * Document-level places and people against Reuters-21578's gold tags. A document's predicted
 * places are the countries (ISO codes) of the place entities the index lists for it: cities by
 * the country they carry, demonyms and the dateline read by extraction. A gold place is found
 * when a predicted code is one its Reuters code accepts (reuters-codes.ts); precision is the share
 * of predicted codes some gold place accepts. Only documents with at least one gold place count
 * for places. A gold person (`volcker`, `james-baker`) is found when a person entity of the
 * document has the code's last word among its name's words, or another of the code's words that
 * is not a first name ("zhao" of `zhao-ziyang`).
 */
import { FIRST_NAMES } from './name-words.js';
import { isoCodesFor } from './reuters-codes.js';

export interface GoldDoc {
  id: string;
  places: string[];
  people: string[];
}

export interface Predicted {
  /** ISO codes of the document's place entities. */
  countries: Set<string>;
  /** Names of its person entities. */
  people: string[];
}

export interface ReutersScores {
  documents: number;
  places: {
    gold: number;
    found: number;
    predicted: number;
    correct: number;
    recall: number;
    precision: number;
  };
  people: { gold: number; found: number; recall: number };
  unknownCodes: string[];
  /** For reading: documents with a missed or an extra place. */
  placeErrors: Array<{ id: string; missed: string[]; extra: string[] }>;
  peopleMissed: Array<{ id: string; code: string; people: string[] }>;
}

const words = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[\s-]+/)
    .map((w) => w.replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);

export function personFound(code: string, people: string[]): boolean {
  const parts = code.split('-');
  const last = parts[parts.length - 1]!;
  const others = parts.slice(0, -1).filter((w) => w.length > 2 && !FIRST_NAMES.has(w) && w !== 'king');
  return people.some((p) => {
    const ws = words(p);
    return ws.includes(last) || others.some((o) => ws.includes(o));
  });
}

export function scoreReuters(gold: GoldDoc[], predicted: Map<string, Predicted>): ReutersScores {
  const s: ReutersScores = {
    documents: 0,
    places: { gold: 0, found: 0, predicted: 0, correct: 0, recall: 0, precision: 0 },
    people: { gold: 0, found: 0, recall: 0 },
    unknownCodes: [],
    placeErrors: [],
    peopleMissed: [],
  };
  const unknown = new Set<string>();
  for (const doc of gold) {
    const p = predicted.get(doc.id) ?? { countries: new Set<string>(), people: [] };
    for (const code of doc.people) {
      s.people.gold++;
      if (personFound(code, p.people)) s.people.found++;
      else s.peopleMissed.push({ id: doc.id, code, people: p.people });
    }
    if (doc.places.length === 0) continue;
    s.documents++;
    const accepted = doc.places.map((code) => {
      const iso = isoCodesFor(code);
      if (!iso) unknown.add(code);
      return { code, iso: new Set(iso ?? []) };
    });
    const missed: string[] = [];
    for (const g of accepted) {
      s.places.gold++;
      if ([...p.countries].some((c) => g.iso.has(c))) s.places.found++;
      else missed.push(g.code);
    }
    const extra: string[] = [];
    for (const c of p.countries) {
      s.places.predicted++;
      if (accepted.some((g) => g.iso.has(c))) s.places.correct++;
      else extra.push(c);
    }
    if (missed.length || extra.length) s.placeErrors.push({ id: doc.id, missed, extra });
  }
  s.places.recall = s.places.gold ? s.places.found / s.places.gold : 0;
  s.places.precision = s.places.predicted ? s.places.correct / s.places.predicted : 0;
  s.people.recall = s.people.gold ? s.people.found / s.people.gold : 0;
  s.unknownCodes = [...unknown];
  return s;
}
