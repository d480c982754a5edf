import { cache } from "react";
import { db } from "@/lib/db";
import type { ArticleDirection, Block } from "./article-model";
import { readingMinutes } from "./article-stats";
import { parseBlocks } from "./block-schema";
import { SLUG_PATTERN } from "./article-slug";

export interface ReaderArticle {
  slug: string;
  title: string;
  byline: string | null;
  credit: string | null;
  source: string | null;
  language: string;
  direction: ArticleDirection;
  publishedAt: Date | null;
  excerpt: string;
  readingMinutes: number;
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
  const row = await db.article.findUnique({
    where: { slug },
    select: {
      slug: true,
      title: true,
      byline: true,
      credit: true,
      source: true,
      language: true,
      direction: true,
      publishedAt: true,
      excerpt: true,
      wordCount: true,
      blocks: true,
    },
  });
  if (!row) return null;
  const { wordCount, blocks, ...article } = row;
  return { ...article, readingMinutes: readingMinutes(wordCount), blocks: parseBlocks(blocks) };
});
