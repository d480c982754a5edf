import { ApiError, apiFetch } from "@/lib/api/api-fetch";
import {
  annotationEndpoints,
  type AnnotationDto,
  type CreateAnnotationInput,
  type UpdateAnnotationInput,
} from "@/lib/api/annotations";

/** The reader's calls to the annotations API; every failure is an ApiError (lib/api/api-fetch.ts). */
export async function fetchArticleAnnotations(slug: string, signal?: AbortSignal): Promise<AnnotationDto[]> {
  const body = await apiFetch(annotationEndpoints.listForArticle(slug), { signal, cache: "no-store" });
  return body.annotations;
}

const RETRY_DELAYS_MS = [400, 1500];

/**
 * Creates are idempotent (the client picks the id), so a create that got no
 * answer is simply sent again; a request the server rejected is not.
 */
export async function createAnnotation(input: CreateAnnotationInput): Promise<AnnotationDto> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await apiFetch(annotationEndpoints.create(), { body: input });
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (!(error instanceof ApiError) || !error.isTransient || delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

export async function updateAnnotation(id: string, input: UpdateAnnotationInput): Promise<AnnotationDto> {
  return apiFetch(annotationEndpoints.update(id), { body: input });
}

export async function fetchAnnotation(id: string): Promise<AnnotationDto> {
  return apiFetch(annotationEndpoints.get(id), { cache: "no-store" });
}

export async function deleteAnnotation(id: string): Promise<void> {
  await apiFetch(annotationEndpoints.remove(id));
}
