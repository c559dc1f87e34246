/**
 * Before the browser tests: build widget.js and an index of the sample corpus plus the XSS
 * fixture into public/browser-index, start `wrangler dev` on it and a second-origin host page
 * server, and hand both origins to the tests. Everything is stopped on teardown.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { TestProject } from 'vitest/node';
import { buildWidget } from '../../scripts/build-widget.js';
import { freePort, waitForHealth } from '../../scripts/lib/wrangler-dev.js';
import { buildIndex } from '../../src/build/build.js';
import { defaultExtractor } from '../../src/pipeline/default-extractor.js';
import { startHostServer } from './host-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    apiOrigin: string;
    hostOrigin: string;
  }
}

const root = new URL('../../', import.meta.url).pathname;

export default async function setup(project: TestProject) {
  await buildWidget();
  await buildIndex({
    inputs: [`${root}index-data/articles`, `${root}test/fixtures/xss.ndjson`],
    outDir: `${root}public/browser-index`,
    extractor: defaultExtractor,
  });

  const [apiPort, inspectorPort, hostPort] = [await freePort(), await freePort(), await freePort()];
  const hostOrigin = `http://127.0.0.1:${hostPort}`;
  const apiOrigin = `http://127.0.0.1:${apiPort}`;
  // Own state dir: other wrangler dev sessions in this checkout must not share ours.
  const persist = await mkdtemp(`${tmpdir()}/ns-browser-`);
  let output = '';
  const child = spawn(
    `${root}node_modules/.bin/wrangler`,
    [
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(apiPort),
      '--inspector-port',
      String(inspectorPort),
      '--persist-to',
      persist,
      '--var',
      'INDEX_PATH:/browser-index',
      // A list, not "*": the tests check that a listed origin is allowed and others are not.
      '--var',
      `CORS_ORIGINS:${hostOrigin}`,
      '--log-level',
      'warn',
      '--show-interactive-dev-session=false',
    ],
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
    },
  );
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      // The whole process group: wrangler runs workerd as a child.
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    }
    await rm(persist, { recursive: true, force: true });
  };

  try {
    await waitForHealth(`${apiOrigin}/health`, child, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  const host = await startHostServer(apiOrigin, hostPort);

  project.provide('apiOrigin', apiOrigin);
  project.provide('hostOrigin', hostOrigin);

  return async () => {
    await new Promise((r) => host.close(r));
    await stop();
  };
}
