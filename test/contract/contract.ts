/**
 * The API's OpenAPI document as an oracle, for the worker tests (in workerd), the fuzz test and
 * the validating proxy (in Node): given one exchange, is the request valid by the document, and
 * is the answer one the document allows for it? JSON Schemas are checked by @cfworker/json-schema
 * (draft 2020-12, no eval, so it runs in workerd too); this module adds only what OpenAPI puts
 * around them: path templates, query parameters as the Worker reads them (see the document's
 * description: empty = absent, integers as digits, lists repeated), statuses, headers and content.
 */
import { type Schema, Validator } from '@cfworker/json-schema';

type Json = Record<string, any>;

export interface Exchange {
  method: string;
  /** The URL as sent (path and query percent-encoded). */
  url: string;
  requestHeaders?: Record<string, string>;
  status: number;
  headers: Headers;
  /** The body text ('' for none). */
  text: string;
}

export type RequestVerdict =
  | { kind: 'operation'; path: string; method: string; valid: boolean; problems: string[] }
  | { kind: 'unknown-path' }
  | { kind: 'wrong-method'; path: string; allow: string[] }
  | { kind: 'undocumented' };

export interface ContractOptions {
  /** Paths the Worker serves outside the API document (the demo page, widget.js, admin routes). */
  undocumented?: RegExp[];
}

const INTEGER = /^(?:0|[1-9]\d*)$/;
const ERROR = { $ref: '#/components/schemas/Error' };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** As Hono decodes: whole escapes where they decode, the rest left as written. */
function tryDecode(s: string, decode: (s: string) => string): string {
  try {
    return decode(s);
  } catch {
    return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (m) => {
      try {
        return decode(m);
      } catch {
        return m;
      }
    });
  }
}

function strictDecode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** `#/components/schemas/X` → `#/$defs/X`, so that one JSON Schema root holds every component. */
function rebase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebase);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', '#/$defs/') : rebase(v),
      ]),
    );
  }
  return value;
}

interface Template {
  path: string;
  segments: string[];
}

export class Contract {
  private readonly templates: Template[];
  private readonly defs: Json;
  private readonly validators = new Map<unknown, Validator>();
  private readonly undocumented: RegExp[];
  /** 400 codes a request valid by its parameters may still get (combinations no schema states). */
  readonly combinationCodes: string[];

  constructor(
    readonly doc: Json,
    options: ContractOptions = {},
  ) {
    this.templates = Object.keys(doc.paths).map((path) => ({ path, segments: path.split('/') }));
    this.defs = rebase(doc.components?.schemas ?? {}) as Json;
    this.undocumented = options.undocumented ?? [];
    this.combinationCodes = doc['x-combination-codes'] ?? [];
  }

  /** A JSON Schema check; the schema object identifies its compiled validator. */
  validate(schema: unknown, instance: unknown): string[] {
    let v = this.validators.get(schema);
    if (!v) {
      v = new Validator({ ...(rebase(schema) as Json), $defs: this.defs } as Schema, '2020-12', false);
      this.validators.set(schema, v);
    }
    const result = v.validate(instance);
    return result.valid
      ? []
      : result.errors
          .filter((e) => e.keyword !== 'properties' && e.keyword !== 'items' && e.keyword !== '$ref')
          .slice(0, 5)
          .map((e) => `${e.instanceLocation}: ${e.error}`);
  }

  private resolve<T = Json>(obj: Json): T {
    let o = obj;
    while (o && typeof o.$ref === 'string') {
      o = o.$ref
        .split('/')
        .slice(1)
        .reduce((x: Json, k: string) => x[k], this.doc);
    }
    return o as T;
  }

  /** The document's path for a URL path, matched as the Worker's router does (decodeURI first). */
  private match(pathname: string): { template: Template; params: Record<string, string> } | null {
    const routed = tryDecode(pathname, decodeURI).split('/');
    for (const template of this.templates) {
      if (template.segments.length !== routed.length) continue;
      const params: Record<string, string> = {};
      const ok = template.segments.every((seg, i) => {
        const got = routed[i]!;
        const name = seg.match(/^\{(.+)\}$/)?.[1];
        if (name === undefined) return seg === got;
        if (got === '') return false;
        params[name] = tryDecode(got, decodeURIComponent);
        return true;
      });
      if (ok) return { template, params };
    }
    return null;
  }

  checkRequest(method: string, url: string, headers: Record<string, string> = {}): RequestVerdict {
    const u = new URL(url, 'http://contract.test');
    const found = this.match(u.pathname);
    if (!found) {
      return this.undocumented.some((r) => r.test(u.pathname))
        ? { kind: 'undocumented' }
        : { kind: 'unknown-path' };
    }
    const item = this.doc.paths[found.template.path] as Json;
    const asked = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
    const op = item[asked] as Json | undefined;
    if (!op || !(METHODS as readonly string[]).includes(asked)) {
      const allow = METHODS.filter((m) => item[m]).map((m) => m.toUpperCase());
      return { kind: 'wrong-method', path: found.template.path, allow };
    }
    const problems: string[] = [];
    const query = u.search.slice(1);
    const pairs = query === '' ? [] : query.split('&').filter((p) => p !== '');
    const values = new Map<string, string[]>();
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
      const name = strictDecode(rawName);
      const value = strictDecode(rawValue);
      if (name === null || value === null) {
        problems.push(`query: "${pair.slice(0, 40)}" is not percent-encoded UTF-8`);
        continue;
      }
      if (name === '') continue;
      values.set(name, [...(values.get(name) ?? []), value]);
    }
    for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])] as Json[]) {
      const p = this.resolve(raw);
      let given: string[] | undefined;
      if (p.in === 'query') given = values.get(p.name);
      else if (p.in === 'path') given = [found.params[p.name]!];
      else if (p.in === 'header') {
        const h = Object.entries(headers).find(([k]) => k.toLowerCase() === String(p.name).toLowerCase());
        given = h ? [h[1]] : undefined;
      }
      problems.push(...this.checkParameter(p, given));
    }
    return {
      kind: 'operation',
      path: found.template.path,
      method: asked,
      valid: problems.length === 0,
      problems,
    };
  }

  private checkParameter(p: Json, given: string[] | undefined): string[] {
    const schema = p.schema as Json;
    const where = `${p.in} ${p.name}`;
    if (schema.type === 'array') {
      if (given === undefined) return p.required ? [`${where}: required`] : [];
      return this.validate(schema, given).map((e) => `${where}${e}`);
    }
    if (given === undefined || (p.allowEmptyValue && given.length === 1 && given[0] === '')) {
      return p.required ? [`${where}: required`] : [];
    }
    if (given.length > 1) return [`${where}: given ${given.length} times`];
    const text = given[0]!;
    const value = schema.type === 'integer' && INTEGER.test(text) ? Number(text) : text;
    return this.validate(schema, value).map((e) => `${where}${e}`);
  }

  /** Whether the answer is one the document allows for this request; [] when it is. */
  check(x: Exchange): string[] {
    const verdict = this.checkRequest(x.method, x.url, x.requestHeaders);
    const problems: string[] = [];
    const json = (x.headers.get('Content-Type') ?? '').startsWith('application/json');
    let body: unknown;
    if (x.text !== '') {
      if (!json) {
        if (verdict.kind === 'undocumented') return [];
        return [`${x.status} answered ${x.headers.get('Content-Type')}, not JSON`];
      }
      try {
        body = JSON.parse(x.text);
      } catch {
        return [`${x.status}: body is not JSON`];
      }
    }
    const errorShape = () => this.validate(ERROR, body).map((e) => `error body${e}`);
    if (x.method === 'OPTIONS') {
      // The CORS preflight, answered before routing; only the refusals before it can precede it.
      if (x.status >= 400 && [400, 414, 429, 431, 500].includes(x.status)) return errorShape();
      if (x.status !== 204) problems.push(`OPTIONS answered ${x.status}, not 204`);
      return problems;
    }
    if (verdict.kind === 'undocumented') return x.status >= 400 && body !== undefined ? errorShape() : [];
    if (verdict.kind === 'unknown-path') {
      if (x.status === 404) {
        problems.push(...errorShape());
        if ((body as Json)?.error?.code !== 'route_not_found')
          problems.push('404 code is not route_not_found');
      } else if (![400, 414, 429, 431, 500].includes(x.status)) {
        problems.push(`unknown path answered ${x.status}, not 404`);
      } else problems.push(...errorShape());
      return problems;
    }
    if (verdict.kind === 'wrong-method') {
      if (x.status === 405) {
        problems.push(...errorShape());
        if ((body as Json)?.error?.code !== 'method_not_allowed')
          problems.push('405 code is not method_not_allowed');
        const allow = (x.headers.get('Allow') ?? '').split(',').map((s) => s.trim());
        for (const m of [...verdict.allow, 'HEAD', 'OPTIONS']) {
          if (!allow.includes(m)) problems.push(`405 Allow "${x.headers.get('Allow')}" lacks ${m}`);
        }
      } else if (![400, 414, 429, 431, 500].includes(x.status)) {
        problems.push(`${x.method} on ${verdict.path} answered ${x.status}, not 405`);
      } else problems.push(...errorShape());
      return problems;
    }
    const op = (this.doc.paths[verdict.path] as Json)[verdict.method] as Json;
    const documented = op.responses[String(x.status)] ?? op.responses.default;
    if (!documented)
      return [`${x.status} is not documented for ${verdict.method.toUpperCase()} ${verdict.path}`];
    const response = this.resolve(documented);
    // What the status says about the request, against what the document says about it.
    const code = (body as Json)?.error?.code;
    if (verdict.valid) {
      // A HEAD answer has no body to tell which 400 it is.
      if (x.status === 400 && body !== undefined && !this.combinationCodes.includes(code)) {
        problems.push(`a valid request was refused: 400 ${code}: ${(body as Json)?.error?.message}`);
      }
    } else if ([200, 304, 404].includes(x.status)) {
      problems.push(`an invalid request (${verdict.problems.join('; ')}) answered ${x.status}`);
    }
    if (x.status === 304 && !x.requestHeaders?.['If-None-Match'] && !x.requestHeaders?.['if-none-match']) {
      problems.push('304 without If-None-Match');
    }
    for (const [name, h] of Object.entries((response.headers ?? {}) as Json)) {
      const header = this.resolve(h as Json);
      const value = x.headers.get(name);
      if (value === null) {
        if (header.required) problems.push(`${x.status}: header ${name} missing`);
        continue;
      }
      problems.push(
        ...this.validate(header.schema, value).map((e) => `${x.status}: header ${name} "${value}"${e}`),
      );
    }
    const media = response.content?.['application/json'];
    if (!media) {
      if (x.text !== '') problems.push(`${x.status} has a body, but the document describes none`);
    } else if (x.method !== 'HEAD') {
      if (!json)
        problems.push(`${x.status}: Content-Type ${x.headers.get('Content-Type')} is not application/json`);
      else problems.push(...this.validate(media.schema, body).map((e) => `${x.status} body${e}`));
    }
    return problems;
  }
}
