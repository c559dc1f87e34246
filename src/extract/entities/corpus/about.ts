/**
 * The places an article is about, as opposed to every place it names. A wire story names many
 * countries in passing ("… as in Brazil and Argentina last year"); a reader who sees its places,
 * or an archive that lists a country's stories, wants the ones the story is about. Each place is
 * scored with its country (a city counts for the country it lies in, so "Lyon" and "France"
 * together make France salient):
 *
 *   - where the story was filed (the dateline) or what the headline names: about it;
 *   - otherwise its share of the article's place mentions, with a bonus when it is named in the
 *     lead (the first fifth of the body): about it when the score reaches ABOUT_SCORE.
 *
 * The weights are a rule, not a model: two numbers chosen by cross-validation on a wire archive's
 * training split (`npm run eval:entities -- --reuters … --fit-about`), the way any rule here is
 * tuned. As chosen (0.55 and 0.55) they read: a place named in the lead is about, and one named
 * only further down must hold more than half of the article's place mentions. Every mention still reaches the place's entity, its facet and full-text search; `about`
 * is what an article says it is about.
 */
import type { ArticleEntity } from '../../../model/documents.js';

/** Share of the article's place mentions, plus LEAD_BONUS when named in the lead, that makes it about. */
export const ABOUT_SCORE = 0.55;
export const LEAD_BONUS = 0.55;
/** The lead: this share of the body, from its start. */
const LEAD = 0.2;

export interface PlaceSalience {
  /** The country code, or the entity's own name where it has no country. */
  key: string;
  /** Indexes into the article's entities. */
  members: number[];
  mentions: number;
  share: number;
  lead: boolean;
  outside: boolean;
  score: number;
}

const countOf = (e: ArticleEntity) => e.mentions.length + (e.titleMentions ?? 0) + (e.datelineMentions ?? 0);

/** Every place group of the article (by country) with its salience, highest first. */
export function placeSalience(
  entities: ArticleEntity[],
  bodyLength: number,
  bonus = LEAD_BONUS,
): PlaceSalience[] {
  const groups = new Map<string, PlaceSalience>();
  let total = 0;
  entities.forEach((e, at) => {
    if (e.kind !== 'place') return;
    const key = e.country?.code ?? `name:${e.name}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, members: [], mentions: 0, share: 0, lead: false, outside: false, score: 0 };
      groups.set(key, g);
    }
    g.members.push(at);
    const n = countOf(e);
    g.mentions += n;
    total += n;
    if ((e.titleMentions ?? 0) > 0 || (e.datelineMentions ?? 0) > 0) g.outside = true;
    if (e.mentions.some(([s]) => s <= LEAD * bodyLength)) g.lead = true;
  });
  for (const g of groups.values()) {
    g.share = total ? g.mentions / total : 0;
    g.score = g.share + (g.lead ? bonus : 0);
  }
  return [...groups.values()].sort((a, b) => Number(b.outside) - Number(a.outside) || b.score - a.score);
}

/**
 * Indexes of the article's place entities it is about. The most salient place is always one
 * (an article with places is about at least one of them).
 */
export function aboutPlaces(
  entities: ArticleEntity[],
  bodyLength: number,
  score = ABOUT_SCORE,
  bonus = LEAD_BONUS,
): number[] {
  const out: number[] = [];
  placeSalience(entities, bodyLength, bonus).forEach((g, i) => {
    if (i === 0 || g.outside || g.score >= score) out.push(...g.members);
  });
  return out;
}
