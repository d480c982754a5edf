import type {
  AnnotationDto,
  CreateAnnotationInput,
  UpdateAnnotationInput,
} from "@/lib/annotations/annotation-dto";

/**
 * The reader's client for the annotations API. Every failure becomes an
 * AnnotationApiError carrying the server's `{error, message, fieldErrors}`,
 * or status 0 when the request never got an answer (offline, aborted).
 */
export class AnnotationApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** The rest of the error body, e.g. the current `annotation` of a 409 version_conflict. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AnnotationApiError";
  }

  /** Worth trying again: no answer, or the server (not the request) was at fault. */
  get isTransient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

interface ErrorBody {
  error?: unknown;
  message?: unknown;
  fieldErrors?: unknown;
}

async function toApiError(response: Response): Promise<AnnotationApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // A proxy's HTML error page, or an empty body: the status is all we have.
  }
  const fallback = response.status === 401 ? "Sign in to do that." : "Something went wrong. Please try again.";
  return new AnnotationApiError(
    response.status,
    typeof body.error === "string" ? body.error : "http_error",
    typeof body.message === "string" ? body.message : fallback,
    body.fieldErrors && typeof body.fieldErrors === "object" ? (body.fieldErrors as Record<string, string[]>) : undefined,
    body as Record<string, unknown>,
  );
}

async function request<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  let response: Response;
  try {
    response = await fetch(path, {
      ...rest,
      headers: { Accept: "application/json", ...(json === undefined ? {} : { "Content-Type": "application/json" }) },
      body: json === undefined ? rest.body : JSON.stringify(json),
      credentials: "same-origin",
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new AnnotationApiError(0, "network", "You seem to be offline. Please try again.");
  }
  if (!response.ok) throw await toApiError(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Accepts both a bare DTO and an `{ annotation }` envelope, so the client survives either shape. */
function unwrapAnnotation(body: AnnotationDto | { annotation: AnnotationDto }): AnnotationDto {
  return "annotation" in body ? body.annotation : body;
}

export async function fetchArticleAnnotations(slug: string, signal?: AbortSignal): Promise<AnnotationDto[]> {
  const body = await request<AnnotationDto[] | { annotations: AnnotationDto[] }>(
    `/api/articles/${encodeURIComponent(slug)}/annotations`,
    { signal, cache: "no-store" },
  );
  return Array.isArray(body) ? body : body.annotations;
}

const RETRY_DELAYS_MS = [400, 1500];

/**
 * Creates are idempotent (the client picks the id), so a create that got no
 * answer is simply sent again; a request the server rejected is not.
 */
export async function createAnnotation(input: CreateAnnotationInput, options: { retries?: number } = {}): Promise<AnnotationDto> {
  const retryDelays = RETRY_DELAYS_MS.slice(0, options.retries ?? RETRY_DELAYS_MS.length);
  for (let attempt = 0; ; attempt++) {
    try {
      return unwrapAnnotation(await request("/api/annotations", { method: "POST", json: input }));
    } catch (error) {
      const delay = retryDelays[attempt];
      if (!(error instanceof AnnotationApiError) || !error.isTransient || delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

export async function updateAnnotation(id: string, input: UpdateAnnotationInput): Promise<AnnotationDto> {
  return unwrapAnnotation(
    await request(`/api/annotations/${encodeURIComponent(id)}`, { method: "PATCH", json: input }),
  );
}

export async function deleteAnnotation(id: string): Promise<void> {
  await request<unknown>(`/api/annotations/${encodeURIComponent(id)}`, { method: "DELETE" });
}
