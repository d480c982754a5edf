import { cache } from "react";
import { db } from "@/lib/db";
import type { Block } from "./article-model";
import { SLUG_PATTERN } from "./article-slug";
import { parseBlocks } from "./block-schema";
import { articleSummarySelect, toArticleSummary, type ArticleSummary } from "./list-articles";

export interface ReaderArticle extends ArticleSummary {
  blocks: Block[];
}

/**
 * The article as the reader page renders it, or null if no article has this
 * slug. Wrapped in React's `cache` so the page and its metadata share one
 * query per render.
 */
export const getArticleBySlug = cache(async function getArticleBySlug({ slug }: { slug: string }): Promise<ReaderArticle | null> {
  // Anything that could never be a slug is not worth a database round trip.
  if (!SLUG_PATTERN.test(slug)) return null;
  const row = await db.article.findUnique({ where: { slug }, select: { ...articleSummarySelect, blocks: true } });
  if (!row) return null;
  const { blocks, ...summary } = toArticleSummary(row);
  return { ...summary, blocks: parseBlocks(blocks) };
});

/** Just the article's id, or null: for routes that only need to know it exists. */
export async function getArticleId(slug: string): Promise<string | null> {
  if (!SLUG_PATTERN.test(slug)) return null;
  return (await db.article.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null;
}
