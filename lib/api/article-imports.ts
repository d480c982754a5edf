import { z } from "zod";
import "./zod-without-eval";
import type { ArticleSummary } from "@/lib/articles/list-articles";
import type { OwnArticleDetails } from "@/lib/articles/manage-own-article";
import type { UpdateFromSourceResult } from "@/lib/articles/update-article-from-source";
import { routes } from "@/lib/routes";
import type { Endpoint } from "./endpoint";

/** Request shapes of the article import API. */

const storable = (value: string) => !value.includes("\u0000") && value.isWellFormed();
const UNSTORABLE = "Contains characters that cannot be stored.";
const TOO_LARGE = "The file is larger than 5 MB";

/** The most an import may be, counted in bytes after decompression: files, pastes and fetched pages alike. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const importArticleSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("url"),
    url: z.string().trim().min(1, "Enter the article's address.").max(2048, "That address is too long."),
  }),
  z.object({
    kind: z.literal("file"),
    fileName: z.string().min(1).max(255),
    // Base64 is 4/3 the size of the bytes it carries.
    contentBase64: z.base64("That file could not be read").max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, TOO_LARGE),
  }),
  z.object({
    kind: z.literal("paste"),
    text: z.string().trim().min(1, "Paste the article's text or HTML.").max(MAX_IMPORT_BYTES, TOO_LARGE).refine(storable, UNSTORABLE),
    title: z.string().trim().max(300, "A title can be at most 300 characters long.").refine(storable, UNSTORABLE).nullish(),
  }),
]);

export type ImportArticleInput = z.infer<typeof importArticleSchema>;

export const updateArticleSchema = z.object({ visibility: z.enum(["private", "public"]) });
export type UpdateArticleInput = z.input<typeof updateArticleSchema>;

/** POST /api/articles: where the new (or already added) article is read. */
export interface ImportedArticleResponse {
  slug: string;
  created: boolean;
  path: string;
}

/** The article import and management endpoints, for apiFetch. */
export const articleEndpoints = {
  importArticle: (): Endpoint<ImportArticleInput, ImportedArticleResponse> => ({ method: "POST", path: routes.api.articles }),
  ownArticle: (slug: string): Endpoint<undefined, OwnArticleDetails> => ({ method: "GET", path: routes.api.article(slug) }),
  update: (slug: string): Endpoint<UpdateArticleInput, OwnArticleDetails> => ({ method: "PATCH", path: routes.api.article(slug) }),
  remove: (slug: string): Endpoint<undefined, undefined> => ({ method: "DELETE", path: routes.api.article(slug) }),
  updateFromSource: (slug: string): Endpoint<undefined, UpdateFromSourceResult> => ({ method: "POST", path: routes.api.articleUpdateFromSource(slug) }),
  ownArticles: (): Endpoint<undefined, { articles: ArticleSummary[] }> => ({ method: "GET", path: routes.api.ownArticles }),
};
