/**
 * Query-parameter schemas, each built together with its wire description: the zod schema parses
 * what Hono hands over (a string, or an array when the parameter is repeated) and the JSON Schema
 * says what a client may send, from the same constants, so that the OpenAPI document
 * (./openapi.ts) states exactly what the Worker accepts.
 *
 * One rule for every parameter: an empty value (`limit=`) is the parameter left out. Parameters
 * that are not lists may be given once; integers are decimal digits only (no sign, leading zero,
 * exponent, space or fraction).
 */
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

export interface WireParam {
  /** JSON Schema of one value as sent, after percent-decoding; arrays are repeated parameters. */
  schema: JsonSchema;
  description: string;
}

const WIRE = new WeakMap<z.ZodType, WireParam>();

/** The wire description registered for a parameter schema. */
export function wireParam(schema: z.ZodType): WireParam {
  const wire = WIRE.get(schema);
  if (!wire)
    throw new Error('A parameter schema has no wire description (build it with src/worker/params.ts)');
  return wire;
}

function described<T extends z.ZodType>(schema: T, wire: WireParam): T {
  WIRE.set(schema, wire);
  return schema;
}

/** Unicode code points, as JSON Schema's maxLength counts them (a string's length counts UTF-16 units). */
export function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** A parameter given at most once; empty means absent. */
function once<T extends z.ZodType>(schema: T) {
  return z.preprocess((v, ctx) => {
    if (Array.isArray(v)) {
      ctx.addIssue({ code: 'custom', message: 'may be given only once', input: v });
      return z.NEVER;
    }
    return v === '' ? undefined : v;
  }, schema);
}

const INTEGER = /^(?:0|[1-9]\d*)$/;

export function integer(min: number, max: number, fallback: number, description: string) {
  const message = `must be an integer from ${min} to ${max}`;
  return described(
    once(
      z
        .string()
        .regex(INTEGER, message)
        .transform(Number)
        .pipe(z.number().min(min, message).max(max, message))
        .default(fallback),
    ),
    {
      schema: { type: 'integer', minimum: min, maximum: max, default: fallback },
      description: `${description} An integer from ${min} to ${max} (default ${fallback}).`,
    },
  );
}

export function choice<const V extends readonly [string, ...string[]]>(
  values: V,
  fallback: V[number] | undefined,
  description: string,
) {
  const inner = z.enum(values, { error: `must be one of ${values.join(', ')}` });
  return described(once(fallback === undefined ? inner.optional() : inner.default(fallback)), {
    schema: { type: 'string', enum: [...values], ...(fallback === undefined ? {} : { default: fallback }) },
    description,
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A list parameter whose values may also be comma-separated (`type=article,quote` or
 * `type=article&type=quote`); blank items are skipped and duplicates ignored.
 */
export function commaList<const V extends readonly [string, ...string[]]>(values: V, description: string) {
  const item = `\\s*(?:(?:${values.map(escapeRegExp).join('|')})\\s*)?`;
  return described(
    z.preprocess(
      (v) => [
        ...new Set(
          (v === undefined ? [] : Array.isArray(v) ? v : [v])
            .flatMap((s) => String(s).split(','))
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        ),
      ],
      z.array(z.enum(values, { error: `must be among ${values.join(', ')}` })),
    ),
    {
      schema: { type: 'array', items: { type: 'string', pattern: `^${item}(?:,${item})*$` } },
      description: `${description} One or more of ${values.join(', ')}: repeat the parameter or separate them with commas; duplicates are ignored.`,
    },
  );
}

/** A repeatable parameter (no commas: values may contain them), each value at most `maxChars` code points. */
export function repeated(maxValues: number, maxChars: number, description: string) {
  return described(
    z.preprocess((v, ctx) => {
      const all = v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];
      if (all.length > maxValues) {
        ctx.addIssue({ code: 'custom', message: `at most ${maxValues} values`, input: v });
        return z.NEVER;
      }
      if (all.some((s) => codePoints(s) > maxChars)) {
        ctx.addIssue({ code: 'custom', message: `values must be at most ${maxChars} characters`, input: v });
        return z.NEVER;
      }
      return all.map((s) => s.trim()).filter((s) => s !== '');
    }, z.array(z.string())),
    {
      schema: { type: 'array', maxItems: maxValues, items: { type: 'string', maxLength: maxChars } },
      description,
    },
  );
}

/** A date bound: YYYY, YYYY-MM, a calendar date or an RFC 3339 date-time, real ones only (no 2016-02-30). */
export function dateParam(description: string) {
  const forms = z.union(
    [
      z.string().regex(/^\d{4}$/),
      z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/),
      z.iso.date(),
      z.iso.datetime({ offset: true }),
    ],
    {
      error:
        'must be a real date: YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time such as 2016-10-13T09:30:00Z',
    },
  );
  const { $schema: _, ...schema } = z.toJSONSchema(forms) as JsonSchema;
  return described(once(forms.optional()), { schema, description });
}

/** Free text of at most `maxChars` code points; `refine` adds the text's own limits. */
export function text(
  maxChars: number,
  description: string,
  refine?: (s: string, ctx: z.RefinementCtx) => void,
) {
  return described(
    once(
      z
        .string()
        .superRefine((s, ctx) => {
          if (codePoints(s) > maxChars) {
            ctx.addIssue({
              code: 'custom',
              message: `must be at most ${maxChars} characters`,
              params: { code: 'query_too_long' },
            });
            return;
          }
          refine?.(s, ctx);
        })
        .default(''),
    ),
    { schema: { type: 'string', maxLength: maxChars, default: '' }, description },
  );
}

/** A path parameter: one of `values`. */
export function pathChoice<const V extends readonly [string, ...string[]]>(values: V, description: string) {
  return described(z.enum(values, { error: `must be one of ${values.join(', ')}` }), {
    schema: { type: 'string', enum: [...values] },
    description,
  });
}
