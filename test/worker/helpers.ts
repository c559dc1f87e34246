import { SELF } from 'cloudflare:test';
// biome-ignore lint/correctness/useImportExtensions: a ?raw import names the file as it is
import sampleText from '../../index-data/articles/sample.ndjson?raw';

export const BASE = 'http://search.test';

export async function get(
  path: string,
  init?: RequestInit,
): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await SELF.fetch(`${BASE}${path}`, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${path} answered ${res.status} with non-JSON: ${text.slice(0, 200)}`);
  }
  return { status: res.status, body, headers: res.headers };
}

/** The sample articles as written in index-data, parsed here independently of the build. */
export const sample: Array<Record<string, any>> = sampleText
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l));
