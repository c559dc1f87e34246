/**
 * Reads and validates input articles. Nothing is dropped silently: every record that is not
 * kept is in `issues` with its file and line. Duplicate ids: the record read last wins (inputs
 * are read in argument order, folders in path order), and the replaced one is reported.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { describeIssues, inputArticleSchema } from '../model/input.js';
import { decodeLines, decodeWhole, MAX_RECORD_BYTES } from './bytes.js';
import { expandInputs } from './files.js';
import { jsonReader } from './formats/json.js';
import { ndjsonReader } from './formats/ndjson.js';
import { textReader } from './formats/text.js';
import type { FormatReader, IngestedRecord, IngestIssue, IngestResult } from './types.js';

/** A reader by the extensions it reads, loaded when a file needs it. */
export interface ReaderEntry {
  extensions: string[];
  load(): Promise<FormatReader>;
}

const ready = (reader: FormatReader): ReaderEntry => ({
  extensions: reader.extensions,
  load: async () => reader,
});

/**
 * The Markdown and HTML readers are imported on first use: their parsers (gray-matter, micromark,
 * parse5) take a few hundred milliseconds to load, which a build from NDJSON need not pay.
 */
export const READERS: ReaderEntry[] = [
  ready(ndjsonReader),
  ready(jsonReader),
  {
    extensions: ['.md', '.markdown'],
    load: async () => (await import('./formats/markdown.js')).markdownReader,
  },
  { extensions: ['.html', '.htm'], load: async () => (await import('./formats/html.js')).htmlReader },
  ready(textReader),
];

function readerFor(file: string): ReaderEntry | undefined {
  const ext = extname(file).toLowerCase();
  return READERS.find((r) => r.extensions.includes(ext));
}

export async function ingest(paths: string[]): Promise<IngestResult> {
  const extensions = new Set(READERS.flatMap((r) => r.extensions));
  const files = await expandInputs(paths, extensions);
  const issues: IngestIssue[] = [];
  const warnings: IngestIssue[] = [];
  const byId = new Map<string, IngestedRecord>();
  let read = 0;

  for (const file of files) {
    const entry = readerFor(file);
    if (!entry) {
      issues.push({ file, line: 0, reason: `unsupported file type "${extname(file)}"` });
      continue;
    }
    const reader = await entry.load();
    const bytes = await readFile(file);
    // NDJSON is checked line by line (one bad line is one bad record); other files whole.
    const { text, badLines } =
      reader === ndjsonReader
        ? decodeLines(bytes)
        : decodeWhole(bytes, reader === jsonReader ? null : MAX_RECORD_BYTES);
    for (const [line, reason] of badLines) issues.push({ file, line, reason });
    const parsed = reader.read(text, file);
    const bad = (line: number) => badLines.has(line);
    read +=
      badLines.size +
      parsed.records.filter((r) => !bad(r.line)).length +
      parsed.issues.filter((i) => !bad(i.line)).length;
    // A loop, not push(...list): a file of 200,000 bad lines would overflow the stack.
    for (const issue of parsed.issues) if (!bad(issue.line)) issues.push(issue);
    for (const rec of parsed.records) {
      if (bad(rec.line)) continue;
      const result = inputArticleSchema.safeParse(rec.raw);
      if (!result.success) {
        issues.push({ file: rec.file, line: rec.line, reason: describeIssues(result.error) });
        continue;
      }
      const previous = byId.get(result.data.id);
      if (previous) {
        warnings.push({
          file: rec.file,
          line: rec.line,
          reason: `duplicate id "${result.data.id}" replaces the record at ${previous.file}:${previous.line}`,
        });
        byId.delete(result.data.id);
      }
      byId.set(result.data.id, { file: rec.file, line: rec.line, input: result.data });
    }
  }
  return { files, read, records: [...byId.values()], issues, warnings };
}
