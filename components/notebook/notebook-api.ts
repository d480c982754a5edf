import type { NotebookPage, TagCount } from "@/lib/notebook/notebook-entry";
import { AnnotationApiError, request, toApiError } from "@/components/annotations/annotations-api";

export async function fetchNotebookPage(query: URLSearchParams, signal?: AbortSignal): Promise<NotebookPage> {
  return request<NotebookPage>(`/api/annotations?${query.toString()}`, { signal, cache: "no-store" });
}

export async function fetchTags(signal?: AbortSignal): Promise<TagCount[]> {
  return (await request<{ tags: TagCount[] }>("/api/tags", { signal, cache: "no-store" })).tags;
}

export async function renameTag(from: string, to: string): Promise<TagCount[]> {
  return (await request<{ tags: TagCount[] }>(`/api/tags/${encodeURIComponent(from)}`, { method: "PATCH", json: { name: to } })).tags;
}

export interface ImportSummary {
  imported: number;
  detached: number;
  alreadyPresent: number;
  skippedArticleNotFound: number;
  message: string;
}

/** Sends a file as it is (the server checks its size and shape). */
export async function importAnnotationsFile(file: File): Promise<ImportSummary> {
  let response: Response;
  try {
    response = await fetch("/api/annotations/import", {
      method: "POST",
      body: file,
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      credentials: "same-origin",
    });
  } catch {
    throw new AnnotationApiError(0, "network", "You seem to be offline. Please try again.");
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as ImportSummary;
}
