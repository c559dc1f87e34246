/**
 * npm run build:widget — bundles src/widget into public/widget.js (short-cached, always the
 * latest) and public/widget.<hash>.js (immutable, for pinned embeds), plus widget.json that
 * names the versioned file for the demo page. Fails when the gzipped bundle exceeds the budget.
 * The API client alone is also published as an ES module, public/widget-client[.<hash>].js,
 * for sites that build their own interface.
 *
 * Versioned files from earlier builds are kept: pages that pinned them must keep working.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const WIDGET_BUDGET_BYTES = 12 * 1024;

export interface BuiltFile {
  file: string;
  hashedFile: string;
  bytes: number;
  gzipBytes: number;
  integrity: string;
}

export interface WidgetBuild extends BuiltFile {
  client: BuiltFile;
}

export class BudgetError extends Error {}

const root = resolve(new URL('..', import.meta.url).pathname);

async function bundle(entry: string, format: 'iife' | 'esm'): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [`${root}/src/widget/${entry}`],
    bundle: true,
    minify: true,
    format,
    target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.contents;
}

function describe(name: string, code: Uint8Array): BuiltFile {
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
  return {
    file: `${name}.js`,
    hashedFile: `${name}.${hash}.js`,
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    integrity: `sha384-${createHash('sha384').update(code).digest('base64')}`,
  };
}

export async function buildWidget(options: { outDir?: string; budget?: number } = {}): Promise<WidgetBuild> {
  const outDir = options.outDir ?? `${root}/public`;
  const budget = options.budget ?? WIDGET_BUDGET_BYTES;
  // A classic script (async-loadable, no module graph), wrapped so it defines no globals.
  const widget = await bundle('index.ts', 'iife');
  const client = await bundle('client.ts', 'esm');
  const summary: WidgetBuild = { ...describe('widget', widget), client: describe('widget-client', client) };
  if (summary.gzipBytes > budget) {
    throw new BudgetError(`widget.js is ${summary.gzipBytes} bytes gzipped, over the ${budget}-byte budget`);
  }
  await mkdir(outDir, { recursive: true });
  for (const [code, built] of [
    [widget, summary],
    [client, summary.client],
  ] as const) {
    await writeFile(`${outDir}/${built.file}`, code);
    await writeFile(`${outDir}/${built.hashedFile}`, code);
  }
  await writeFile(`${outDir}/widget.json`, `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const out = await buildWidget();
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.error(
      `built public/widget.js and public/${out.hashedFile}: ${kb(out.bytes)} raw, ${kb(out.gzipBytes)} gzipped ` +
        `(${out.gzipBytes} of ${WIDGET_BUDGET_BYTES} bytes budget)`,
    );
  } catch (err) {
    console.error(`widget build failed: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
