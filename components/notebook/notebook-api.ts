import { apiFetch } from "@/lib/api/api-fetch";
import { notebookEndpoints, type ImportSummary, type NotebookPage, type TagCount } from "@/lib/api/notebook";

/** The notebook's calls to the API; every failure is an ApiError (lib/api/api-fetch.ts). */
export async function fetchNotebookPage(query: URLSearchParams, signal?: AbortSignal): Promise<NotebookPage> {
  return apiFetch(notebookEndpoints.page(query), { signal, cache: "no-store" });
}

export async function fetchTags(signal?: AbortSignal): Promise<TagCount[]> {
  return (await apiFetch(notebookEndpoints.tags(), { signal, cache: "no-store" })).tags;
}

export async function renameTag(from: string, to: string): Promise<TagCount[]> {
  return (await apiFetch(notebookEndpoints.renameTag(from), { body: { name: to } })).tags;
}

export async function importAnnotationsFile(file: File): Promise<ImportSummary> {
  return apiFetch(notebookEndpoints.importFile(), { body: file });
}
