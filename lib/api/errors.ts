import { z } from "zod";
import "./zod-without-eval";

/**
 * What can go wrong, in the words of the domain: lib/ throws AppErrors with
 * one of these codes and knows nothing of HTTP. The edge (lib/http) maps each
 * code to a status with one table; clients read the same code back from the
 * error envelope below.
 */
export const ERROR_CODES = [
  "validation",
  "invalid_json",
  "unsupported_media_type",
  "unauthorized",
  "cross_origin",
  "method_not_allowed",
  "invalid_callback_url",
  "not_found",
  "conflict",
  "version_conflict",
  "email_taken",
  "rate_limited",
  "invalid_file",
  "too_large",
  "no_article",
  "unreachable",
  "unsupported_type",
  "unsupported_file",
  "unavailable",
  "database_unavailable",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Messages per field ("quote.exact"; "_" for the input as a whole). */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    /** More fields for the error body, e.g. the current state of what a version_conflict refused to change. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = () => new AppError("not_found", "Not found.");
export const unauthorized = () => new AppError("unauthorized", "Sign in to do that.");

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

export function invalidField(field: string, message: string): AppError {
  return new AppError("validation", "Some fields are not valid.", { [field]: [message] });
}

export function validationError(error: z.ZodError): AppError {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return new AppError("validation", "Some fields are not valid.", fieldErrors);
}

/** The one error envelope every API failure answers with. */
export const errorBodySchema = z.looseObject({
  error: z.string(),
  message: z.string(),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export function toErrorBody(error: AppError): ErrorBody {
  return { ...error.details, error: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) };
}
