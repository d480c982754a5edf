import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError, toErrorBody, validationError } from "@/lib/api/errors";
import { ERROR_STATUS } from "./error-status";
import { logger } from "@/lib/log/logger";
import { isCrossSiteWrite } from "./same-origin";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/lib/database-unavailable";

/**
 * Every route handler goes through `handleRoute`: bad input becomes a 400
 * with field errors, AppErrors become the status ERROR_STATUS gives their
 * code, and only real faults become a 500 (logged without request bodies,
 * which may hold secrets).
 */
export function errorResponse(error: AppError, headers?: HeadersInit): NextResponse {
  return NextResponse.json(toErrorBody(error), { status: ERROR_STATUS[error.code], headers });
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
    throw new AppError("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("invalid_json", "The request body must be JSON.");
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
  logger.warn({ method: request.method, path: new URL(request.url).pathname }, "database unavailable, answered 503");
  return errorResponse(new AppError("database_unavailable", "Gloss can’t reach its database right now. Please try again in a moment."), {
    "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS),
    "Cache-Control": "no-store",
  });
}

export function handleRoute<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    try {
      // A second lock beside the JSON-only bodies: writes from another site's pages are refused.
      if (isCrossSiteWrite(request)) throw new AppError("cross_origin", "Requests from other sites are not accepted.");
      return await handler(request, context);
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      if (error instanceof z.ZodError) return errorResponse(validationError(error));
      if (isDatabaseUnavailable(error)) return databaseUnavailableResponse(request);
      logger.error({ err: error, method: request.method, path: new URL(request.url).pathname }, "request failed");
      return errorResponse(new AppError("internal", "Something went wrong on our side."));
    }
  };
}
