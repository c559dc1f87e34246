/**
 * Speaker ids of the most quoted people. Gold direct quotes are paired with predicted quotes as
 * eval-quotes pairs them (overlap of at least half the gold span, one to one); the gold speaker
 * says who really spoke: its last capitalized word is a target surname, and a first name, when the
 * gold gives one, is the canonical person's (else it is someone else, "Bill" for "Clinton"). A
 * bare gold surname counts as the canonical person unless the article names only another person
 * of that surname in full. The figure is the share of those quotes whose speakerId is the
 * canonical person's one id.
 */
import { type GoldQuote, matchSpans } from '../../eval-quotes.js';
import type { Fragmentation } from './fragmentation.js';

export interface SpeakerScores {
  quotes: number;
  onCanonical: number;
  share: number;
  byPerson: Array<{ surname: string; quotes: number; onCanonical: number }>;
  /** For reading: speakers that did not get the canonical id. */
  misses: Array<{ articleId: string; gold: string; predicted: string | null; speakerId: string | null }>;
}

const PREPOSITIONS = new Set(['to', 'of', 'for', 'with', 'by', 'from', 'about', 'and', 'or']);

/**
 * The name a gold speaker ends with ("Republican nominee Ann Lee" → Ann, Lee), or [] when it ends
 * otherwise: a clause, a possessive, a name after a preposition ("an adviser to Lee").
 */
function endingName(phrase: string): string[] {
  const words = phrase.trim().split(/\s+/);
  const name: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!.replace(/^[^\p{L}]+/gu, '');
    if (!/^\p{Lu}[\p{L}.'’-]*$/u.test(w) || /[’']s$/.test(w)) {
      if (name.length > 0 && PREPOSITIONS.has(w.toLowerCase())) return [];
      break;
    }
    name.unshift(w.replace(/\.$/, ''));
  }
  return name;
}

export function speakerScores(
  bodies: Map<string, string>,
  gold: GoldQuote[],
  predicted: Array<{
    articleId: string;
    start: number;
    end: number;
    text: string;
    speaker: string | null;
    speakerId: string | null;
  }>,
  frag: Fragmentation,
): SpeakerScores {
  const canonical = new Map(
    frag.people.flatMap((p) => (p.canonical ? [[p.surname.toLowerCase(), p.canonical] as const] : [])),
  );
  const goldBy = new Map<string, GoldQuote[]>();
  for (const g of gold) {
    if (!g.direct || !bodies.has(g.article_id)) continue;
    goldBy.set(g.article_id, [...(goldBy.get(g.article_id) ?? []), g]);
  }
  const predBy = new Map<string, typeof predicted>();
  for (const q of predicted) predBy.set(q.articleId, [...(predBy.get(q.articleId) ?? []), q]);
  const per = new Map<string, { quotes: number; onCanonical: number }>();
  const misses: SpeakerScores['misses'] = [];
  for (const [articleId, golds] of goldBy) {
    const preds = predBy.get(articleId) ?? [];
    const body = bodies.get(articleId)!;
    const pairs = matchSpans(
      preds.map((p) => ({
        text: p.text,
        start: p.start,
        end: p.end,
        speaker: p.speaker,
        speakerSpan: null,
        cue: null,
      })),
      golds,
    );
    for (const [i, j] of pairs) {
      const words = endingName(golds[j]!.speaker ?? '');
      const surname = words[words.length - 1]?.toLowerCase();
      const c = surname ? canonical.get(surname) : undefined;
      if (!c || !surname) continue;
      const first = c.name.split(/\s+/)[0]!;
      if (words.length > 1) {
        if (words[words.length - 2]!.toLowerCase() !== first.toLowerCase()) continue;
      } else {
        const fullNames = [...body.matchAll(new RegExp(`\\b(\\p{Lu}\\p{Ll}+) ${words[0]}\\b`, 'gu'))].map(
          (m) => m[1],
        );
        if (fullNames.length > 0 && !fullNames.includes(first)) continue;
      }
      const p = preds[i]!;
      const tally = per.get(surname) ?? { quotes: 0, onCanonical: 0 };
      tally.quotes++;
      if (p.speakerId === c.id) tally.onCanonical++;
      else
        misses.push({
          articleId,
          gold: golds[j]!.speaker ?? '',
          predicted: p.speaker,
          speakerId: p.speakerId,
        });
      per.set(surname, tally);
    }
  }
  const byPerson = [...per].map(([surname, t]) => ({ surname, ...t })).sort((a, b) => b.quotes - a.quotes);
  const quotes = byPerson.reduce((n, p) => n + p.quotes, 0);
  const onCanonical = byPerson.reduce((n, p) => n + p.onCanonical, 0);
  return { quotes, onCanonical, share: quotes ? onCanonical / quotes : 0, byPerson, misses };
}
