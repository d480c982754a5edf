import type { ArticleSummary } from "@/lib/articles/list-articles";
import type { OwnArticleDetails } from "@/lib/articles/manage-own-article";
import type { UpdateFromSourceResult } from "@/lib/articles/update-article-from-source";
import type { ImportArticleInput } from "@/lib/validation/import-schemas";

/** The article import and management API, for the client. Failures throw with the server's words. */

export class ArticlesApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: init.body ? { "Content-Type": "application/json" } : undefined });
  } catch {
    throw new ArticlesApiError(0, "Gloss could not be reached. Check your connection and try again.");
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as { message?: string; fieldErrors?: Record<string, string[]> } | null;
  if (!response.ok) {
    const fieldMessage = body?.fieldErrors ? Object.values(body.fieldErrors).flat()[0] : undefined;
    throw new ArticlesApiError(response.status, fieldMessage ?? body?.message ?? "Something went wrong. Try again.");
  }
  return body as T;
}

export interface ImportedArticleResponse {
  slug: string;
  created: boolean;
  path: string;
}

export const importArticle = (input: ImportArticleInput) =>
  call<ImportedArticleResponse>("/api/articles", { method: "POST", body: JSON.stringify(input) });

export const fetchOwnArticle = (slug: string) => call<OwnArticleDetails>(`/api/articles/${encodeURIComponent(slug)}`);

export const setArticleVisibility = (slug: string, visibility: "private" | "public") =>
  call<OwnArticleDetails>(`/api/articles/${encodeURIComponent(slug)}`, { method: "PATCH", body: JSON.stringify({ visibility }) });

export const deleteArticle = (slug: string) => call<void>(`/api/articles/${encodeURIComponent(slug)}`, { method: "DELETE" });

export const updateFromSource = (slug: string) =>
  call<UpdateFromSourceResult>(`/api/articles/${encodeURIComponent(slug)}/update-from-source`, { method: "POST" });

export const fetchOwnArticles = () => call<{ articles: ArticleSummary[] }>("/api/me/articles");
