import { NextResponse } from "next/server";
import { z } from "zod";
import { logger } from "@/lib/log/logger";
import { isCrossSiteWrite } from "./same-origin";

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
  ) {
    super(message);
  }
}

export const notFound = () => new HttpError(404, "not_found", "Not found.");
export const unauthorized = () => new HttpError(401, "unauthorized", "Sign in to do that.");

export function errorResponse(error: HttpError): NextResponse {
  return NextResponse.json(
    { error: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) },
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

export function handleRoute<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    try {
      // A second lock beside the JSON-only bodies: writes from another site's pages are refused.
      if (isCrossSiteWrite(request)) throw new HttpError(403, "cross_origin", "Requests from other sites are not accepted.");
      return await handler(request, context);
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error);
      if (error instanceof z.ZodError) return errorResponse(validationError(error));
      logger.error({ err: error, method: request.method, path: new URL(request.url).pathname }, "request failed");
      return NextResponse.json({ error: "internal", message: "Something went wrong on our side." }, { status: 500 });
    }
  };
}
