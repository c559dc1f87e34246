/**
 * Where the entity figures are read from, in the shapes the product writes them: a built index
 * (its stored entity documents), the lines `npm run extract` prints (entities per article, by id),
 * or a corpus assembled in this process. Each becomes EvalEntity records.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractLine } from '../../../src/build/extract-lines.js';
import type { Entity } from '../../../src/model/documents.js';
import type { EvalEntity } from './fragmentation.js';

/** The stored entity documents of an index folder (the one `manifest.json` names). */
export function indexEntities(dir: string): Entity[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string };
  const docs = readFileSync(join(dir, manifest.version, 'docs.ndjson'), 'utf8');
  const out: Entity[] = [];
  for (const line of docs.split('\n')) {
    if (!line.includes('"mentionCount"')) continue;
    const d = JSON.parse(line) as Entity & { articleId?: string };
    if (d.kind && typeof d.mentionCount === 'number' && !d.articleId) out.push(d);
  }
  return out;
}

/** The `about` place ids of the stored articles of an index folder, by article id. */
export function indexAbout(dir: string): Map<string, string[]> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string };
  const docs = readFileSync(join(dir, manifest.version, 'docs.ndjson'), 'utf8');
  const out = new Map<string, string[]>();
  for (const line of docs.split('\n')) {
    if (!line.includes('"about"')) continue;
    const d = JSON.parse(line) as { id: string; body?: string; about?: string[] };
    if (typeof d.body === 'string' && Array.isArray(d.about)) out.set(d.id, d.about);
  }
  return out;
}

export const fromEntities = (entities: Entity[]): EvalEntity[] =>
  entities.map((e) => ({
    id: e.id,
    name: e.name,
    kind: e.kind,
    mentions: e.mentionCount,
    aliases: e.aliases,
  }));

export function readLines(path: string): ExtractLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as ExtractLine);
}

/**
 * Extract lines summed up by id: mentions counted, written forms (the body's text at each
 * mention) with their counts, the name most mentioned and its kind.
 */
export function fromLines(lines: ExtractLine[], bodies: Map<string, string>): EvalEntity[] {
  const byId = new Map<string, EvalEntity & { names: Map<string, number> }>();
  for (const line of lines) {
    const body = bodies.get(line.id) ?? '';
    for (const e of line.entities) {
      let acc = byId.get(e.id);
      if (!acc) {
        acc = {
          id: e.id,
          name: e.name,
          kind: e.kind,
          mentions: 0,
          aliases: [],
          written: new Map(),
          names: new Map(),
        };
        byId.set(e.id, acc);
      }
      acc.mentions += e.mentions.length;
      acc.names.set(e.name, (acc.names.get(e.name) ?? 0) + e.mentions.length);
      for (const [s, t] of e.mentions) {
        const form = body.slice(s, t);
        acc.written!.set(form, (acc.written!.get(form) ?? 0) + 1);
      }
    }
  }
  return [...byId.values()].map(({ names, ...e }) => {
    const top = [...names].sort(
      (a, b) => Number(b[0].includes(' ')) - Number(a[0].includes(' ')) || b[1] - a[1],
    )[0];
    return { ...e, name: top?.[0] ?? e.name, aliases: [...(e.written?.keys() ?? [])] };
  });
}

/**
 * Per article, the ids the extract lines give its entities and the ids the index lists the article
 * under: the articles where the two differ.
 */
export function idMismatches(
  lines: ExtractLine[],
  entities: Entity[],
): Array<{ id: string; onlyExtract: string[]; onlyIndex: string[] }> {
  const byArticle = new Map<string, Set<string>>();
  for (const e of entities) {
    for (const a of e.articleIds) {
      let s = byArticle.get(a);
      if (!s) byArticle.set(a, (s = new Set()));
      s.add(e.id);
    }
  }
  const out: Array<{ id: string; onlyExtract: string[]; onlyIndex: string[] }> = [];
  for (const line of lines) {
    const printed = new Set(line.entities.map((e) => e.id));
    const stored = byArticle.get(line.id) ?? new Set<string>();
    const onlyExtract = [...printed].filter((id) => !stored.has(id));
    const onlyIndex = [...stored].filter((id) => !printed.has(id));
    if (onlyExtract.length || onlyIndex.length) out.push({ id: line.id, onlyExtract, onlyIndex });
  }
  return out;
}
