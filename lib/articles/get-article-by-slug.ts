import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { articleReadableBy } from "./article-access";
import type { Block } from "./article-model";
import { SLUG_PATTERN } from "./article-slug";
import { parseBlocks } from "./block-schema";
import { articleSummarySelect, toArticleSummary, type ArticleSummary } from "./list-articles";

export interface ReaderArticle extends ArticleSummary {
  blocks: Block[];
}

export interface GetArticleBySlugOptions {
  slug: string;
  /** Who reads; null (the static page) finds only articles everyone may read. */
  viewer?: Viewer | null;
}

// getViewer() is cached per request, so the viewer is one object per render.
const findReadable = cache(async function findReadable(slug: string, viewer: Viewer | null): Promise<ReaderArticle | null> {
  const row = await db.article.findFirst({
    where: { slug, AND: [articleReadableBy(viewer)] },
    select: { ...articleSummarySelect, blocks: true },
  });
  if (!row) return null;
  const { blocks, ...summary } = toArticleSummary(row);
  return { ...summary, blocks: parseBlocks(blocks) };
});

/**
 * The article as the reader page renders it, or null if no article has this
 * slug or `viewer` may not read it (article-access.ts). Cached per render, so
 * a page and its metadata share one query.
 */
export async function getArticleBySlug({ slug, viewer = null }: GetArticleBySlugOptions): Promise<ReaderArticle | null> {
  // Anything that could never be a slug is not worth a database round trip.
  if (!SLUG_PATTERN.test(slug)) return null;
  return findReadable(slug, viewer);
}

/** Just the article's id, or null: for routes that only need to know it exists. */
export async function getArticleId(slug: string): Promise<string | null> {
  if (!SLUG_PATTERN.test(slug)) return null;
  return (await db.article.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null;
}
