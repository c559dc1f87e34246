/** index.json: the header of a format-2 version, as the writer writes it and the reader checks it. */
import type { ColumnsHeader } from './columns.js';
import type { SectionTable } from './sections.js';

export interface IndexHeader {
  /** Documents in this file set (a shard's own, plus the entities every shard stores). */
  documentCount: number;
  /** Documents in the whole corpus: BM25's N. */
  totalDocuments: number;
  fields: string[];
  avgFieldLength: number[];
  /** Every indexed term of the corpus, sorted by UTF-16 code units. */
  terms: string[];
  /** Index ids ("a:…", "q:…", "e:…") in document order, newline-separated. */
  keys: string;
  columns: ColumnsHeader;
  sections: SectionTable;
}
