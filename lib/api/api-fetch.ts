import type { Endpoint } from "./endpoint";
import type { ErrorCode, FieldErrors } from "./errors";

/** Codes a failure can have on the client besides the server's own: no answer at all, or no error envelope. */
export type ClientErrorCode = ErrorCode | "network" | "http_error";

/**
 * A failed API call: the server's error envelope `{error, message,
 * fieldErrors}` with the status it came with, or status 0 when the request
 * never got an answer (offline).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode | (string & {}),
    message: string,
    readonly fieldErrors?: FieldErrors,
    /** The rest of the error body, e.g. the current `annotation` of a 409 version_conflict. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** What to tell the reader: the first field's own words when the input was refused, else the message. */
  get readableMessage(): string {
    const firstFieldMessage = this.fieldErrors ? Object.values(this.fieldErrors).flat()[0] : undefined;
    return firstFieldMessage ?? this.message;
  }

  /** Worth trying again: no answer, or the server (not the request) was at fault. */
  get isTransient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/**
 * The error envelope's schema, imported on the first failed answer: zod stays
 * out of what a page evaluates to call the API (the annotation layer). Null
 * when it cannot load (the server that refused the request may be gone too).
 */
async function loadErrorBodySchema() {
  try {
    return (await import("./errors")).errorBodySchema;
  } catch {
    return null;
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const [body, schema] = await Promise.all([response.json().catch(() => undefined), loadErrorBodySchema()]);
  const envelope = schema?.safeParse(body);
  // A proxy's HTML error page, or an empty body: the status is all we have.
  if (!envelope?.success) {
    const fallback = response.status === 401 ? "Sign in to do that." : "Something went wrong. Please try again.";
    return new ApiError(response.status, "http_error", fallback);
  }
  const { error, message, fieldErrors, ...details } = envelope.data;
  return new ApiError(response.status, error, message, fieldErrors, details);
}

export interface ApiFetchOptions<Request> {
  body?: Request;
  signal?: AbortSignal;
  cache?: RequestCache;
}

/**
 * The one way the browser talks to Gloss's API: JSON in and out, same-origin
 * credentials, and every failure an ApiError (an abort stays an AbortError).
 */
export async function apiFetch<Request, Response>(
  endpoint: Endpoint<Request, Response>,
  { body, signal, cache }: ApiFetchOptions<Request> = {},
): Promise<Response> {
  let response: globalThis.Response;
  try {
    response = await fetch(endpoint.path, {
      method: endpoint.method,
      headers: { Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      // A Blob (a chosen JSON file) goes as it is; anything else is encoded.
      body: body === undefined ? undefined : body instanceof Blob ? body : JSON.stringify(body),
      credentials: "same-origin",
      signal,
      cache,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network", "You seem to be offline. Please try again.");
  }
  if (!response.ok) throw await toApiError(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as Response;
}
