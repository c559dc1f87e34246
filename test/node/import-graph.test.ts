/**
 * The architecture as the import graph shows it: the folders of src/ depend on each other without
 * cycles (so what a change in one folder can reach stays bounded), no file of src/ is part of an
 * import cycle, type-only imports included, and the index reader does not depend on the writer.
 * Imports are read with TypeScript's own pre-processor (static, `export … from`, dynamic and
 * side-effect imports; comments and strings ignored).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

type Graph = Map<string, Set<string>>;

const src = new URL('../../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** File → the files it imports, as paths relative to src/; imports of packages are left out. */
function importGraph(root: string): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles(root)) {
    const imports = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
    const targets = new Set<string>();
    for (const { fileName } of imports) {
      if (!fileName.startsWith('.')) continue;
      const target = resolve(dirname(file), fileName).replace(/\.js$/, '.ts');
      if (!existsSync(target))
        throw new Error(`${relative(root, file)} imports ${fileName}, which does not exist`);
      targets.add(relative(root, target));
    }
    graph.set(relative(root, file), targets);
  }
  return graph;
}

/** The top-level folder of a path under src/ ("worker" for worker/routes/admin.ts). */
const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '.');

function folderGraph(files: Graph): Graph {
  const graph: Graph = new Map();
  for (const [file, targets] of files) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const t of targets) if (folderOf(t) !== from) edges.add(folderOf(t));
  }
  return graph;
}

/** The strongly connected components that are cycles (Tarjan), each sorted; a file importing itself counts. */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.has(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

function reachable(graph: Graph, from: string): Set<string> {
  const seen = new Set<string>();
  const todo = [from];
  while (todo.length > 0) {
    for (const next of graph.get(todo.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
    }
  }
  return seen;
}

const graphOf = (edges: Record<string, string[]>): Graph =>
  new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]));

describe('the cycle finder', () => {
  it('finds a cycle through several nodes and a self-import, and none in a chain or a diamond', () => {
    expect(cycles(graphOf({ a: ['b'], b: ['c'], c: ['a', 'd'], d: [] }))).toEqual([['a', 'b', 'c']]);
    expect(cycles(graphOf({ a: ['a'] }))).toEqual([['a']]);
    expect(cycles(graphOf({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toEqual([]);
  });
});

describe('imports in src/', () => {
  const files = importGraph(src);

  it('are all read (every relative import resolves to a file)', () => {
    expect(files.size).toBeGreaterThan(100);
    expect(files.get('worker/app.ts')?.has('worker/config.ts')).toBe(true);
    // Type-only and dynamic imports are edges too.
    expect(files.get('worker/env.ts')?.has('worker/shards/rpc.ts')).toBe(true);
    expect(files.get('ingest/ingest.ts')?.has('ingest/formats/markdown.ts')).toBe(true);
  });

  it('make no cycle between the folders of src/', () => {
    const folders = folderGraph(files);
    expect(cycles(folders)).toEqual([]);
    expect(folders.get('store')?.has('index')).toBe(true);
  });

  it('make no cycle between files, type-only imports included', () => {
    expect(cycles(files)).toEqual([]);
  });

  it('keep the index reader independent of the index writer', () => {
    const reader = reachable(files, 'index/load.ts');
    const writer = ['index/serialize.ts', 'index/invert.ts', 'index/format1.ts'];
    expect(writer.filter((f) => reader.has(f))).toEqual([]);
    // Nor does anything the Worker searches with, apart from the store that wires format 1 in.
    for (const engine of ['search/engine.ts', 'shard/engine.ts']) {
      expect(
        writer.filter((f) => reachable(files, engine).has(f)),
        engine,
      ).toEqual([]);
    }
  });
});
