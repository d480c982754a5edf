import { db } from "@/lib/db";
import type { ArticleMetadata } from "./article-model";
import { readingMinutes } from "./article-stats";

export interface ArticleSummary extends ArticleMetadata {
  excerpt: string;
  readingMinutes: number;
}

/** The columns behind an ArticleSummary (the reader page adds the blocks). */
export const articleSummarySelect = {
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
} as const;

export function toArticleSummary<Row extends { wordCount: number }>({ wordCount, ...rest }: Row) {
  return { ...rest, readingMinutes: readingMinutes(wordCount) };
}

/** Every article for the library: newest first, undated ones last (by title). */
export async function listArticles(): Promise<ArticleSummary[]> {
  const rows = await db.article.findMany({
    select: articleSummarySelect,
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { title: "asc" }, { slug: "asc" }],
  });
  return rows.map(toArticleSummary);
}
