import type { FormatReader, IngestIssue, RecordOrigin } from '../types.js';

/**
 * Walks JSON text the way JSON.parse reads it, for what JSON.parse does not tell: where each
 * element of a top-level array starts, and where a syntax error is (V8 often gives no position).
 */
function scan(text: string): { starts: number[]; errorAt: number | null } {
  const starts: number[] = [];
  let i = 0;
  let depth = 0;
  const fail = (): never => {
    throw new SyntaxAt(i);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') return void i++;
      if (c < ' ') fail();
      if (c === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    fail();
  };
  const container = (close: string, member: () => void) => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      ws();
      member();
      ws();
      if (text[i] === ',') i++;
      else if (text[i] === close) return void i++;
      else fail();
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      depth++;
      container('}', () => {
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
      });
      depth--;
    } else if (c === '[') {
      const top = depth === 0;
      depth++;
      container(']', () => {
        if (top) starts.push(i);
        value();
      });
      depth--;
    } else if (c === '"') string();
    else {
      const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
      literal.lastIndex = i;
      if (!literal.test(text)) fail();
      i = literal.lastIndex;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return { starts, errorAt: null };
  } catch (err) {
    if (err instanceof SyntaxAt) return { starts, errorAt: err.offset };
    throw err;
  }
}

class SyntaxAt {
  constructor(readonly offset: number) {}
}

/** V8 quotes the whole input in some messages; the line number says where, so drop the quote. */
function describe(err: Error): string {
  return err.message.replace(/, [\s\S]* is not valid JSON$/, '').replace(/ in JSON at position \d+.*$/s, '');
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/**
 * A JSON array of article objects, or one article object. Each element is reported at the line
 * where it starts; a file that is not valid JSON is one issue at the line of the syntax error.
 */
export const jsonReader: FormatReader = {
  extensions: ['.json'],
  read(input, file) {
    const text = input.replace(/^\ufeff/, '');
    const records: Array<RecordOrigin & { raw: unknown }> = [];
    const issues: IngestIssue[] = [];
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      const { errorAt } = scan(text);
      issues.push({
        file,
        line: errorAt === null ? 1 : lineAt(text, errorAt),
        reason: `invalid JSON (${describe(err as Error)})`,
      });
      return { records, issues };
    }
    if (Array.isArray(value)) {
      const { starts } = scan(text);
      let line = 1;
      let at = 0;
      value.forEach((raw, k) => {
        const start = starts[k] ?? at;
        for (; at < start; at++) if (text[at] === '\n') line++;
        records.push({ file, line, raw });
      });
    } else if (typeof value === 'object' && value !== null) {
      records.push({ file, line: lineAt(text, text.search(/\S/)), raw: value });
    } else {
      issues.push({ file, line: 1, reason: 'expected an array of article objects or one article object' });
    }
    return { records, issues };
  },
};
