/**
 * People, organisations and places named in one article, with aliases merged within the article.
 *
 * Rules plus gazetteers plus compromise's part-of-speech lexicon; no statistical model. This file
 * runs the steps, one file each, over a context built once per article (context.ts):
 *
 *   1. runs.ts           where names are written: capitalised runs and wire datelines
 *   2. mentions.ts       runs cut into mentions: roles, nationalities, sentence words split off
 *   3. classify.ts       each mention's kind from decisive rules, else weighed evidence (evidence.ts)
 *   4. article-kinds.ts  one kind per name across the article; headlines reuse the body's names
 *   5. article-merge.ts  mentions merged into entities and aliases: surnames (coref.ts),
 *                        acronyms and short forms (org-names.ts), canonical place names
 *   6. person-evidence.ts  a person needs person evidence; a name with a common word and none
 *                        is no person's (an event, a law, a work)
 *
 * What a word is (word-classes.ts) comes from the word lists (words.ts, text/roles.ts), the
 * gazetteers (gazetteer/) and compromise (tagger.ts). corpus/ then merges the articles' entities
 * across the corpus and resolves speakers to them; it is pure and loads no gazetteer.
 *
 * Decisions worth knowing:
 * - A person's mention covers the name only ("Oleg Marin"); the role-prefixed form ("Kremlin
 *   spokesman Oleg Marin") is recorded as an alias, and the organisation or place inside the
 *   prefix is extracted on its own.
 * - A demonym counts as a mention of its country only where it stands for the state: before a
 *   word of government, armed forces, leadership or the economy ("Chilean forces", "the Norwegian
 *   government", "Norwegian President ..."). "Chileans joining", "Norwegian novelist" do not.
 *   The demonym is then an alias of the place. isDemonymMention tells such mentions apart.
 * - Seats used for institutions ("the Kremlin", "White House") are organisations (CoNLL calls
 *   them places; the seed article's gold, which this follows, calls them organisations).
 * - Aliases are the distinct surface forms other than the canonical name.
 */
import type { ArticleEntity } from '../../model/documents.js';
import { capsLineMentions, harmonise } from './article-kinds.js';
import { buildEntities } from './article-merge.js';
import { classify } from './classify.js';
import { articleContext, type Candidate, type DemonymMention } from './context.js';
import { resolveInArticle } from './corpus/merge.js';
import { countryFor } from './gazetteer/lookup.js';
import { splitRun } from './mentions.js';
import { addOutsideMentions } from './outside-body.js';
import { judgePeople } from './person-evidence.js';
import { capitalisedRuns, datelinePlaces } from './runs.js';

/**
 * Id (`${kind}-${slug}`) of the article entity a name as written refers to — a quote's speaker
 * ("Marin", "Kremlin spokesman Oleg Marin"), or a country's other spelling ("U.S.") — or null.
 */
export function resolveSpeaker(name: string, articleEntities: ArticleEntity[]): string | null {
  const country = countryFor(name.trim().replace(/^the\s+/i, ''));
  return resolveInArticle(country ?? name, articleEntities);
}

export interface ExtractOptions {
  /** Headline; full names in it help resolve surnames in the body, its countries are mentions. */
  title?: string;
  /** Wire dateline ("EASTWICK, March 3"); its places are mentions. */
  dateline?: string;
  /**
   * Run compromise's tagger (default true). Off is about 7x faster and 1-2 F1 points less accurate
   * on CoNLL.
   */
  tagger?: boolean;
}

/** The entities of one article body, each with its kind, aliases and mention offsets. */
export function extractEntities(body: string, opts: ExtractOptions = {}): ArticleEntity[] {
  const ctx = articleContext(body, opts.tagger ?? true);
  const candidates: Candidate[] = [];
  const demonymMentions: DemonymMention[] = [];

  // 0. Datelines ("KELMARSH 2001-05-14", "EASTWICK, Ohio 2001-05-14"): every name there is a place.
  candidates.push(...datelinePlaces(ctx));

  // 1. Capitalised runs on normal lines.
  for (const [s, e] of capitalisedRuns(ctx)) {
    for (const part of splitRun(ctx, s, e, demonymMentions)) candidates.push(part);
  }
  // 2. Classify.
  for (const c of candidates) classify(ctx, c);
  const typed = candidates;

  // 3. Article-wide consistency.
  harmonise(ctx, typed);
  // 4. Capitals lines (headlines): only names already known from the body or the gazetteers.
  typed.push(...capsLineMentions(ctx, typed));

  const built = buildEntities(
    ctx,
    typed.filter((c) => c.kind !== null),
    demonymMentions,
    opts.title,
  );
  // 6. People only with person evidence; contractions never.
  const entities = judgePeople(body, built);
  // 7. Places of the dateline and the headline, outside the body.
  addOutsideMentions(entities, opts.dateline, opts.title);
  return entities;
}
