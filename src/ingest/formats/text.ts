import { basename, extname } from 'node:path';
import { slug as slugify } from '../../model/slug.js';
import type { FormatReader } from '../types.js';

/**
 * The id of an article whose file gives none: the file name without its extension, slugified
 * ("Harbor Bridge.md" → "harbor-bridge"). Files with the same name in different folders get the
 * same id, so the later one replaces the earlier with a duplicate-id warning.
 */
export function idFromFileName(file: string): string {
  const stem = basename(file, extname(file));
  return slugify(stem) || stem.trim().replace(/[\s/?#]+/g, '-');
}

/** Blank-line separated paragraphs; a single line break inside one is a wrapped line. */
export function joinWrappedLines(text: string): string {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/[ \t]*\n[ \t]*/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
}

/** Plain text: the first non-blank line is the headline, the rest the body; id from the file name. */
export const textReader: FormatReader = {
  extensions: ['.txt'],
  read(text, file) {
    const lines = text
      .replace(/^\ufeff/, '')
      .replace(/\r\n?/g, '\n')
      .split('\n');
    const first = lines.findIndex((l) => l.trim() !== '');
    const title = first >= 0 ? lines[first]!.trim() : null;
    const body = first >= 0 ? joinWrappedLines(lines.slice(first + 1).join('\n')) : '';
    return {
      records: [{ file, line: first >= 0 ? first + 1 : 1, raw: { id: idFromFileName(file), title, body } }],
      issues: [],
    };
  },
};
