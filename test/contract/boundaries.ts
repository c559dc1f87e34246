/**
 * The boundaries of every parameter of every operation of the OpenAPI document, as a fixed list
 * of requests (the random ones are ./requests.ts's): what a seeded run might leave out, no run does.
 */
import { type GeneratedRequest, NOT_INTEGERS } from './requests.js';

type Json = Record<string, any>;

const BAD_TEXT = [
  'x',
  'Relevance',
  'ARTICLE',
  ' ',
  '%',
  '%zz',
  '%ED%A0%80',
  '2016-02-30',
  '2016-13',
  '2016-10-32',
  '2015-02-29',
  '2016-10-13T10:00Z',
];

/**
 * The boundaries of every parameter of every operation, one parameter at a time and all else
 * absent: each bound and one past it, each malformed integer, bad enum values and dates, empty,
 * repeated, over-long and undecodable values. Deterministic, so that no run leaves one out.
 */
export function boundaryRequests(doc: Json): GeneratedRequest[] {
  const out: GeneratedRequest[] = [];
  for (const [route, item] of Object.entries(doc.paths as Json)) {
    const op = (item as Json).get as Json | undefined;
    if (!op) continue;
    const base = route.replace('{facet}', 'person').replace('{id}', 'no-such-id');
    const get = (query: string[]) =>
      out.push({ method: 'GET', path: query.length ? `${base}?${query.join('&')}` : base, headers: {} });
    get([]);
    for (const p of (op.parameters ?? []) as Json[]) {
      if (p.in === 'path') {
        for (const v of [...((p.schema as Json).enum ?? []), ...BAD_TEXT.filter((t) => t.trim() !== '')]) {
          out.push({
            method: 'GET',
            path: route.replace(`{${p.name}}`, v.startsWith('%') ? v : encodeURIComponent(v)),
            headers: {},
          });
        }
        continue;
      }
      if (p.in !== 'query') continue;
      const schema = p.schema as Json;
      const item = (schema.type === 'array' ? schema.items : schema) as Json;
      const values = new Set<string>(['', ...BAD_TEXT]);
      if (item.type === 'integer') {
        for (const n of [
          item.minimum - 1,
          item.minimum,
          item.minimum + 1,
          item.maximum - 1,
          item.maximum,
          item.maximum + 1,
        ])
          values.add(String(n));
        for (const v of NOT_INTEGERS) values.add(v);
      }
      for (const v of item.enum ?? []) values.add(v);
      if (item.maxLength) {
        values.add('a'.repeat(item.maxLength));
        values.add('a'.repeat(item.maxLength + 1));
        values.add('\u{1F600}'.repeat(item.maxLength));
        values.add('\u{1F600}'.repeat(item.maxLength + 1));
      }
      if (item.anyOf)
        for (const v of [
          '2016',
          '2016-02',
          '2016-02-29',
          '2016-02-29T10:00:00Z',
          '2016-02-29T10:00:00.5+02:00',
        ])
          values.add(v);
      for (const v of values) {
        const encoded = v.startsWith('%') ? v : encodeURIComponent(v);
        get([`${p.name}=${encoded}`]);
      }
      get([
        `${p.name}=${encodeURIComponent(String(item.enum?.[0] ?? item.minimum ?? 'a'))}`,
        `${p.name}=${encodeURIComponent(String(item.enum?.[0] ?? item.minimum ?? 'b'))}`,
      ]);
      if (schema.type === 'array' && item.enum) get([`${p.name}=${item.enum.join(',')},${item.enum[0]}`]);
      if (schema.maxItems) {
        get(Array.from({ length: schema.maxItems }, (_, i) => `${p.name}=v${i}`));
        get(Array.from({ length: schema.maxItems + 1 }, (_, i) => `${p.name}=v${i}`));
      }
    }
    // Limits no parameter schema states (x-combination-codes), at and one past each.
    const limits = (doc['x-limits'] ?? {}) as Json;
    const names = new Set(((op.parameters ?? []) as Json[]).map((p) => p.name as string));
    if (names.has('q') && limits.qMaxTerms) {
      for (const n of [limits.qMaxTerms, limits.qMaxTerms + 1])
        get([`q=${Array.from({ length: n }, (_, i) => `w${i}x`).join('+')}`]);
      for (const n of [limits.qMaxPhrases, limits.qMaxPhrases + 1])
        get([`q=${Array(n).fill('%22harbor+bridge%22').join('+')}`]);
    }
    const filters = ((op.parameters ?? []) as Json[])
      .filter((p) => p.schema?.maxItems)
      .map((p) => p.name as string);
    if (filters.length >= 2 && limits.filterValuesMax) {
      for (const n of [limits.filterValuesMax, limits.filterValuesMax + 1]) {
        get(Array.from({ length: n }, (_, i) => `${filters[i % 2]}=v${i}`));
      }
    }
  }
  return out;
}
