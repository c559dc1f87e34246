/**
 * Every error the API answers with: `{ "error": { "code", "message" } }`. Codes are stable
 * identifiers that clients may switch on; messages are for people and may change.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ErrorCode =
  | 'invalid_parameter'
  | 'query_too_long'
  | 'invalid_limit'
  | 'invalid_offset'
  | 'invalid_type'
  | 'invalid_facet'
  | 'invalid_filter'
  | 'invalid_date'
  | 'too_many_filters'
  | 'not_found'
  | 'route_not_found'
  | 'method_not_allowed'
  | 'index_missing'
  | 'index_incompatible'
  | 'index_corrupt'
  | 'internal_error';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}
