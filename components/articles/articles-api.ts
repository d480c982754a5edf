import { apiFetch } from "@/lib/api/api-fetch";
import { articleEndpoints, type ImportArticleInput } from "@/lib/api/article-imports";

/** The article import and management API, for the client; every failure is an ApiError (lib/api/api-fetch.ts). */
export const importArticle = (input: ImportArticleInput) => apiFetch(articleEndpoints.importArticle(), { body: input });

export const fetchOwnArticle = (slug: string) => apiFetch(articleEndpoints.ownArticle(slug), { cache: "no-store" });

export const setArticleVisibility = (slug: string, visibility: "private" | "public") =>
  apiFetch(articleEndpoints.update(slug), { body: { visibility } });

export const deleteArticle = (slug: string) => apiFetch(articleEndpoints.remove(slug));

export const updateFromSource = (slug: string) => apiFetch(articleEndpoints.updateFromSource(slug));

export const fetchOwnArticles = () => apiFetch(articleEndpoints.ownArticles(), { cache: "no-store" });
