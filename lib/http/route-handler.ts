import { NextResponse } from "next/server";
import { z } from "zod";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/lib/database-unavailable";

/**
 * Every route handler goes through `handleRoute`: bad input becomes a 400
 * with field errors, HttpErrors become their status, and only real faults
 * become a 500 (logged without request bodies, which may hold secrets).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** More fields for the JSON body, e.g. the current state of what a 409 refused to change. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = () => new HttpError(404, "not_found", "Not found.");
export const unauthorized = () => new HttpError(401, "unauthorized", "Sign in to do that.");

export function errorResponse(error: HttpError): NextResponse {
  return NextResponse.json(
    { error: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}), ...error.details },
    { status: error.status },
  );
}

export function validationError(error: z.ZodError): HttpError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return new HttpError(400, "validation", "Some fields are not valid.", fieldErrors);
}

/**
 * Parses a JSON body with `schema`. A body not sent as `application/json` is
 * a 415: besides stating the API, that is a second line against cross-site
 * request forgery after SameSite cookies (an HTML form cannot send JSON, and
 * a cross-origin script cannot without a CORS preflight, which Gloss never
 * grants). Malformed JSON and schema failures are 400s.
 */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new HttpError(415, "unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new HttpError(400, "invalid_json", "The request body must be JSON.");
  }
  const result = schema.safeParse(body);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/**
 * PostgreSQL is away (restarting, unreachable): the same request can be sent
 * again shortly, as every write is idempotent or safely repeatable (a create
 * whose commit was cut off is found by its id). One log line, no stack.
 */
function databaseUnavailableResponse(request: Request): NextResponse {
  console.warn(`[gloss] ${request.method} ${new URL(request.url).pathname}: database unavailable, answered 503`);
  return NextResponse.json(
    { error: "database_unavailable", message: "Gloss can’t reach its database right now. Please try again in a moment." },
    { status: 503, headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
  );
}

export function handleRoute<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error);
      if (error instanceof z.ZodError) return errorResponse(validationError(error));
      if (isDatabaseUnavailable(error)) return databaseUnavailableResponse(request);
      console.error(`[gloss] ${request.method} ${new URL(request.url).pathname} failed:`, error);
      return NextResponse.json({ error: "internal", message: "Something went wrong on our side." }, { status: 500 });
    }
  };
}
