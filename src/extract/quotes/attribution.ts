/**
 * What an attribution is: the speaker phrase next to a quotation, the cue that ties them, and
 * where the attribution ends. attribution-after.ts finds one after a quote's closing mark,
 * attribution-before.ts before its opening mark; speaker-phrase.ts and subjects.ts say where the
 * speaker phrase runs.
 */

export interface Attribution {
  /** Words between the cue and the quote ("reporters", "it as"); empty when adjacent. */
  object?: number;
  /** Those words name someone ("said Lee "…""): the subject of reported speech, not a listener. */
  objectNamed?: boolean;
  speakerStart: number;
  speakerEnd: number;
  cue: string | null;
  /** Offset just past the last word the attribution consumed. */
  end: number;
}

/** The longest speaker phrase read as one ("Port Authority deputy director Ann Lee"). */
export const MAX_SPEAKER_WORDS = 7;
