import type { ErrorCode } from "@/lib/api/errors";

/** The one place a domain error becomes an HTTP status. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation: 400,
  invalid_json: 400,
  invalid_file: 400,
  unauthorized: 401,
  cross_origin: 403,
  method_not_allowed: 405,
  invalid_callback_url: 400,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  email_taken: 409,
  too_large: 413,
  unsupported_type: 415,
  unsupported_file: 415,
  no_article: 422,
  unreachable: 422,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  database_unavailable: 503,
};
