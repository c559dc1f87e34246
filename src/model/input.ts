/**
 * The article interchange format read by the build (the format of ../shared/corpus/README.md,
 * plus optional `subtitle`, `authors`, `dateline`, `quotes` and `entities`). Unknown keys are
 * ignored so that corpus-specific extras (split, places…) do not fail validation.
 */
import { z } from 'zod';
import { ENTITY_KINDS } from './documents.js';

const nonBlank = z.string().trim().min(1, 'must not be empty');

/** YYYY-MM-DD or an ISO 8601 date-time that Date can parse. */
const isoDate = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/,
    'must be an ISO 8601 date (YYYY-MM-DD or date-time)',
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real date');

export const inputQuoteSchema = z.object({
  text: nonBlank,
  speaker: z.string().nullish(),
  cue: z.string().nullish(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

export const inputEntitySchema = z.object({
  name: nonBlank,
  kind: z.enum(ENTITY_KINDS),
  aliases: z.array(z.string()).optional(),
  mentions: z.array(z.tuple([z.number().int(), z.number().int()])).optional(),
});

export const inputArticleSchema = z.object({
  id: nonBlank.max(200).regex(/^[^\s/?#]+$/, 'must not contain whitespace, "/", "?" or "#"'),
  title: z.string().nullish(),
  subtitle: z.string().nullish(),
  body: nonBlank,
  author: z.string().nullish(),
  authors: z.array(z.string()).optional(),
  publisher: z.string().nullish(),
  published: isoDate.nullish(),
  url: z.string().url().nullish(),
  section: z.string().nullish(),
  /** Where the story was filed, as wire copy writes it: "KELMARSH, March 3". */
  dateline: z.string().nullish(),
  tags: z.array(z.string()).optional(),
  quotes: z.array(inputQuoteSchema).optional(),
  entities: z.array(inputEntitySchema).optional(),
});

export type InputArticle = z.infer<typeof inputArticleSchema>;

/** "body: must not be empty; published: is not a real date" */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');
}
