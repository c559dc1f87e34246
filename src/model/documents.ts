/**
 * The document model shared by the build script and the Worker.
 * Input validation (zod) lives in ./input.ts; these are the plain shapes every stage passes on.
 */

export const DOC_TYPES = ['article', 'quote', 'entity'] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const ENTITY_KINDS = ['person', 'organization', 'place'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface Article {
  id: string;
  title: string;
  subtitle: string | null;
  /** Plain text, paragraphs separated by a blank line ("\n\n"). */
  body: string;
  /** Where the story was filed, as a wire dateline writes it ("KELMARSH, March 3"); absent when not given. */
  dateline?: string;
  authors: string[];
  publisher: string | null;
  section: string | null;
  tags: string[];
  /** ISO 8601 date or date-time as given, or null when unknown. */
  published: string | null;
  url: string | null;
  /**
   * Ids of the places the article is about (its dateline, its headline, the places most of its
   * place mentions go to, with their countries), as the build scores them; every place it names
   * is still among the entities it mentions. Absent when it names no place.
   */
  about?: string[];
}

export interface Quote {
  /** `${articleId}#q${n}`, n counting from 1 in body order. */
  id: string;
  articleId: string;
  text: string;
  /** The speaker as written in the article ("Kremlin spokesman Dmitry Peskov"), null when unattributed. */
  speaker: string | null;
  /** Id of the speaker's entity, when the speaker resolved to one. */
  speakerId: string | null;
  /** The verb that introduced the quote ("said", "told"), when there is one. */
  cue: string | null;
  /** UTF-16 offsets of the quotation (marks included) in the article body. */
  start: number;
  end: number;
  /** Entities mentioned inside the quotation, so that entity filters find quotes about them. */
  entityIds: string[];
}

/** A country by its ISO 3166 alpha-2 code and its common English name ("DE", "Germany"). */
export interface CountryRef {
  code: string;
  name: string;
}

export interface Entity {
  /** Stable slug: `${kind}-${name slug}`, e.g. "person-volodymyr-zelenskyy". */
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  mentionCount: number;
  articleIds: string[];
  /** People: the roles written with their name ("Secretary of State", "Ohio Gov."), most frequent first. */
  roles?: string[];
  /** Places: the country the place is, or lies in, where it is known. */
  country?: CountryRef;
}

/**
 * An entity as found in one article, before corpus-wide merging: one cluster of mentions that
 * in-article coreference found to name the same thing (a full name, its later surname, first
 * name, "Mr." or title + surname forms).
 */
export interface ArticleEntity {
  name: string;
  kind: EntityKind;
  aliases: string[];
  /** UTF-16 [start, end) offsets in the article body. */
  mentions: Array<[number, number]>;
  /** People: roles written before or about the name ("Secretary of State"), most frequent first. */
  roles?: string[];
  /** Places: the country the place is, or lies in. */
  country?: CountryRef;
  /** Mentions in the headline and in the dateline, which are not part of the body. */
  titleMentions?: number;
  datelineMentions?: number;
  /** The kind rests on weak evidence only (a lone unknown word, a small town's name). */
  weakKind?: boolean;
  /**
   * A one-word name the article could not tie to one person: the full names it could be (two
   * people of the article share the surname and the text did not say which).
   */
  ambiguousWith?: string[];
  /**
   * People only: what says this is a person when the article gives no given name, title or speech
   * verb for it. `name-shape`: two or more words that are names; `none`: nothing (a lone word, a
   * place-led run). The corpus keeps a `none` only where the archive names a person so with
   * evidence elsewhere; neither counts as that evidence.
   */
  personEvidence?: 'name-shape' | 'none';
}

/** A quote as found in one article, before ids and entity links are assigned. */
export interface ExtractedQuote {
  text: string;
  start: number;
  end: number;
  speaker: string | null;
  /**
   * Body offsets of the name the speaker resolves to, as written in the body: the name inside a
   * written speaker phrase ("Ann Lee" in "Senator Ann Lee, who…"), or, for a pronoun, a
   * description ("the senator") or a quotation with no attribution of its own, the named
   * mention it points back to. Null when the speaker names no one or was not resolved.
   */
  speakerSpan: [number, number] | null;
  cue: string | null;
}
