import { apiFetch } from "@/lib/api/api-fetch";
import { annotationEndpoints } from "@/lib/api/annotation-endpoints";
import type { AnnotationDto, ArticleAnnotationsResponse, CreateAnnotationInput, UpdateAnnotationInput } from "@/lib/api/annotations";

/** The reader's calls to the annotations API; every failure is an ApiError (lib/api/api-fetch.ts). */
export async function fetchArticleAnnotations(slug: string, signal?: AbortSignal): Promise<ArticleAnnotationsResponse> {
  return apiFetch(annotationEndpoints.listForArticle(slug), { signal, cache: "no-store" });
}

/** Creates are idempotent (the client picks the id); the outbox (./outbox) sends again whatever got no answer. */
export async function createAnnotation(input: CreateAnnotationInput): Promise<AnnotationDto> {
  return apiFetch(annotationEndpoints.create(), { body: input });
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
