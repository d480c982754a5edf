import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/api/errors";
import { serverEnv } from "@/lib/env";
import type { ImportArticleInput } from "@/lib/api/article-imports";
import { ArticleImportError } from "./article-import-error";
import { extractDocument, extractPaste, uploadKind } from "./extract-imported-document";
import { fetchArticlePage, parseArticleAddress } from "./fetch-article-page";
import { getImportRateLimiter, type ImportRateLimiter } from "./import-rate-limiter";
import { findBySource, storeImportedArticle, type ImportedContent, type StoredArticle } from "./store-imported-article";

export interface ImportArticleOptions {
  viewer: Viewer;
  input: ImportArticleInput;
  rateLimiter?: ImportRateLimiter;
}

/** Whether imports may fetch from loopback and private addresses (GLOSS_FETCH_ALLOW_PRIVATE=1). */
export function fetchAllowsPrivate(): boolean {
  return serverEnv().GLOSS_FETCH_ALLOW_PRIVATE;
}

/**
 * Adds an article by link, file or paste as the viewer's private article.
 * A link the viewer has added before opens the existing article without
 * fetching again (see "Update from source" for that). Counted against the
 * reader's import limit first; a 429 past it.
 */
export async function importArticle({ viewer, input, rateLimiter = getImportRateLimiter() }: ImportArticleOptions): Promise<StoredArticle> {
  const sourceUrl = input.kind === "url" ? parseArticleAddress(input.url)?.href : null;
  if (input.kind === "url" && !sourceUrl) throw new ArticleImportError("not-allowed", "enter an http:// or https:// address");
  if (sourceUrl) {
    const existing = await findBySource(viewer, sourceUrl);
    if (existing) return existing;
  }

  const verdict = await rateLimiter.beginImport(viewer.id);
  if (!verdict.allowed) {
    const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
    throw new AppError("rate_limited", `You have added many articles just now. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  const content = input.kind === "url" ? await contentFromAddress(sourceUrl!) : contentOf(input);
  return storeImportedArticle({ viewer, content, sourceUrl: sourceUrl ?? null });
}

/** Fetches and extracts the page at an (already parsed) address. */
export async function contentFromAddress(address: string): Promise<ImportedContent> {
  const page = await fetchArticlePage(address, { allowPrivate: fetchAllowsPrivate() });
  return extractDocument({ bytes: page.bytes, kind: page.kind, contentType: page.contentType, baseUrl: page.url, fileName: page.url });
}

function contentOf(input: Exclude<ImportArticleInput, { kind: "url" }>): ImportedContent {
  if (input.kind === "paste") return extractPaste({ text: input.text, title: input.title ?? null });
  const kind = uploadKind(input.fileName);
  if (kind === null) throw new ArticleImportError("unsupported-file");
  const bytes = Buffer.from(input.contentBase64, "base64");
  return extractDocument({ bytes, kind, contentType: null, baseUrl: null, fileName: input.fileName });
}
