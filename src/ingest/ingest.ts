/**
 * Reads and validates input articles. Nothing is dropped silently: every record that is not
 * kept is in `issues` with its file and line. Duplicate ids: the record read last wins (inputs
 * are read in argument order, folders in path order), and the replaced one is reported.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { describeIssues, inputArticleSchema } from '../model/input.js';
import { expandInputs } from './files.js';
import { htmlReader } from './formats/html.js';
import { jsonReader } from './formats/json.js';
import { markdownReader } from './formats/markdown.js';
import { ndjsonReader } from './formats/ndjson.js';
import { textReader } from './formats/text.js';
import type { FormatReader, IngestIssue, IngestResult, IngestedRecord } from './types.js';

export const READERS: FormatReader[] = [ndjsonReader, jsonReader, markdownReader, htmlReader, textReader];

function readerFor(file: string): FormatReader | undefined {
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
    const reader = readerFor(file);
    if (!reader) {
      issues.push({ file, line: 0, reason: `unsupported file type "${extname(file)}"` });
      continue;
    }
    const parsed = reader.read(await readFile(file, 'utf8'), file);
    read += parsed.records.length + parsed.issues.length;
    issues.push(...parsed.issues);
    for (const rec of parsed.records) {
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
