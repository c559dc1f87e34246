/**
 * One step of a fuzz run, wherever the Worker runs (Node, workerd, behind the validating proxy):
 * send a generated request, check the answer against the document, and for a GET send its
 * conditional twin with the current ETag: a 304 exactly when the plain answer was a tagged 200,
 * otherwise the same status. Figures are gathered for the report.
 */
import type { Contract } from './contract.js';
import type { GeneratedRequest } from './requests.js';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

export type Send = (req: GeneratedRequest) => Promise<Answer>;

export class FuzzTally {
  requests = 0;
  disagreements: string[] = [];
  /** "GET /search 200", "POST /search 405", "GET (unknown) 404", … → count. */
  readonly statuses = new Map<string, number>();
  /** Error codes seen → count. */
  readonly codes = new Map<string, number>();
  /** "path param" → [valid, invalid] counts of requests that carried it. */
  readonly params = new Map<string, [number, number]>();
  /** The ETag the index routes hand out, once seen. */
  etag: string | null = null;

  count(map: Map<string, number>, key: string) {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  summary(): string {
    const lines = [`${this.requests} requests, ${this.disagreements.length} disagreements`];
    const byStatus = [...this.statuses.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    lines.push(`statuses: ${byStatus.map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    lines.push(`codes: ${[...this.codes.entries()].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    return lines.join('\n');
  }
}

function label(contract: Contract, req: GeneratedRequest, status: number): string {
  const v = contract.checkRequest(req.method, req.path, req.headers);
  const where = v.kind === 'operation' || v.kind === 'wrong-method' ? v.path : `(${v.kind})`;
  return `${req.method} ${where} ${status}`;
}

/** Checks one exchange against the document and counts it; returns the disagreements. */
export function record(
  contract: Contract,
  tally: FuzzTally,
  req: GeneratedRequest,
  answer: Answer,
): string[] {
  tally.requests++;
  tally.count(tally.statuses, label(contract, req, answer.status));
  if (answer.status >= 400 && answer.text.startsWith('{')) {
    try {
      tally.count(tally.codes, JSON.parse(answer.text).error?.code ?? '(none)');
    } catch {
      // not JSON: the contract reports it
    }
  }
  const verdict = contract.checkRequest(req.method, req.path, req.headers);
  if (verdict.kind === 'operation') {
    for (const p of new URL(req.path, 'http://x').searchParams.keys()) {
      const entry = tally.params.get(`${verdict.path} ${p}`) ?? [0, 0];
      entry[verdict.valid ? 0 : 1]++;
      tally.params.set(`${verdict.path} ${p}`, entry);
    }
  }
  const problems = contract.check({
    method: req.method,
    url: req.path,
    requestHeaders: req.headers,
    status: answer.status,
    headers: answer.headers,
    text: answer.text,
  });
  const tag = answer.headers.get('ETag');
  if (answer.status === 200 && tag) tally.etag = tag;
  return problems;
}

/** Sends `req` (and its conditional twin); returns what disagreed with the document, [] if nothing. */
export async function fuzzStep(
  send: Send,
  contract: Contract,
  tally: FuzzTally,
  req: GeneratedRequest,
): Promise<string[]> {
  const plain = await send(req);
  const problems = record(contract, tally, req, plain).map(
    (p) => `${req.method} ${req.path} → ${plain.status}: ${p}`,
  );
  const twin = conditionalTwin(req, tally.etag, plain);
  if (twin) {
    const answer = await send(twin);
    problems.push(
      ...record(contract, tally, twin, answer).map(
        (p) => `${twin.method} ${twin.path} (If-None-Match) → ${answer.status}: ${p}`,
      ),
    );
    const mismatch = conditionalMismatch(req, tally.etag!, plain, answer);
    if (mismatch) problems.push(mismatch);
  }
  tally.disagreements.push(...problems);
  return problems;
}

/** The same GET with the current ETag, for a request sent without one; null when there is none to send. */
export function conditionalTwin(
  req: GeneratedRequest,
  etag: string | null,
  plain: Answer,
): GeneratedRequest | null {
  const conditional = (req.method === 'GET' || req.method === 'HEAD') && !req.headers['If-None-Match'];
  if (!conditional || !etag || plain.status === 429) return null;
  return { ...req, headers: { ...req.headers, 'If-None-Match': etag } };
}

/** A 304 exactly where the plain answer was a 200 with this ETag; otherwise the same status. */
export function conditionalMismatch(
  req: GeneratedRequest,
  etag: string,
  plain: Answer,
  twin: Answer,
): string | null {
  const tagged = plain.status === 200 && plain.headers.get('ETag') === etag;
  const expected = tagged ? 304 : plain.status;
  if (twin.status === expected || twin.status === 429) return null;
  return `${req.method} ${req.path}: answered ${plain.status}, and ${twin.status} with its ETag (expected ${expected})`;
}
