/**
 * zod validation through Hono's validator middleware, answering failures with the API's error
 * shape. `codes` maps a parameter to its stable error code (or picks one from the zod issue);
 * the first failing parameter wins.
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { ApiError, type ErrorCode } from '../errors.js';

type Issue = z.core.$ZodIssue;
export type ParamCodes = Partial<Record<string, ErrorCode | ((issue: Issue) => ErrorCode)>>;

export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
  codes: ParamCodes = {},
) {
  return zValidator(target, schema, (result) => {
    if (result.success) return;
    const issue = result.error.issues[0] as Issue | undefined;
    const param = String(issue?.path[0] ?? '');
    const rule = codes[param];
    const code =
      typeof rule === 'function' && issue
        ? rule(issue)
        : typeof rule === 'string'
          ? rule
          : 'invalid_parameter';
    throw new ApiError(
      400,
      code,
      param ? `${param}: ${issue?.message}` : (issue?.message ?? 'Invalid request'),
    );
  });
}
