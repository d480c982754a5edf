import { db } from "@/lib/db";
import type { ArticleDirection } from "./article-model";
import { readingMinutes } from "./article-stats";

export interface ArticleSummary {
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
}

/** Every article for the library: newest first, undated ones last (by title). */
export async function listArticles(): Promise<ArticleSummary[]> {
  const rows = await db.article.findMany({
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
    },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { title: "asc" }, { slug: "asc" }],
  });
  return rows.map(({ wordCount, ...article }) => ({ ...article, readingMinutes: readingMinutes(wordCount) }));
}
