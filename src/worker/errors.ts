/**
 * Every error the API answers with: `{ "error": { "code", "message" } }`. Codes are stable
 * identifiers that clients may switch on; messages are for people and may change.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every code, for clients and tests that check an answer's code is a documented one. */
export const ERROR_CODES = [
  'invalid_parameter',
  'query_too_long',
  'invalid_limit',
  'invalid_offset',
  'invalid_type',
  'invalid_facet',
  'invalid_filter',
  'invalid_date',
  'too_many_filters',
  'too_many_terms',
  'too_many_phrases',
  'too_many_parameters',
  'uri_too_long',
  'headers_too_large',
  'rate_limited',
  'api_key_required',
  'api_key_invalid',
  'not_found',
  'route_not_found',
  'method_not_allowed',
  'index_missing',
  'index_incompatible',
  'index_corrupt',
  'shard_unavailable',
  'internal_error',
  // A variable or secret with a bad value (src/worker/config.ts).
  'config_invalid',
  // The admin routes (publishing into R2: src/worker/routes/admin.ts, src/store/publish.ts).
  'unauthorized',
  'invalid_path',
  'length_required',
  'payload_too_large',
  'invalid_manifest',
  'incomplete_version',
  'no_previous_version',
  'bucket_missing',
  // Live updates (src/worker/routes/live.ts).
  'invalid_article',
  'live_unsupported',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

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
