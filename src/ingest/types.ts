import type { InputArticle } from '../model/input.js';

/** Where a record came from: reported with every problem, so editors can fix the source. */
export interface RecordOrigin {
  file: string;
  /** 1-based line of the record's first line in the file. */
  line: number;
}

export interface IngestIssue extends RecordOrigin {
  reason: string;
}

export interface IngestedRecord extends RecordOrigin {
  input: InputArticle;
}

/** A format reader turns one file's text into raw records (not yet validated) and parse issues. */
export interface FormatReader {
  extensions: string[];
  read(
    text: string,
    file: string,
  ): { records: Array<RecordOrigin & { raw: unknown }>; issues: IngestIssue[] };
}

export interface IngestResult {
  files: string[];
  /** Records found in the inputs, valid or not. */
  read: number;
  records: IngestedRecord[];
  /** Records that were skipped, each with its reason. */
  issues: IngestIssue[];
  /** Non-fatal notes, e.g. a duplicate id that replaced an earlier record. */
  warnings: IngestIssue[];
}
