import type { FormatReader, IngestIssue, RecordOrigin } from '../types.js';

/** One JSON object per line; blank lines are allowed and ignored. */
export const ndjsonReader: FormatReader = {
  extensions: ['.ndjson', '.jsonl'],
  read(text, file) {
    const records: Array<RecordOrigin & { raw: unknown }> = [];
    const issues: IngestIssue[] = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (line === '') continue;
      try {
        records.push({ file, line: i + 1, raw: JSON.parse(line) });
      } catch (err) {
        issues.push({ file, line: i + 1, reason: `invalid JSON (${(err as Error).message})` });
      }
    }
    return { records, issues };
  },
};
