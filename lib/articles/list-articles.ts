import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { articleOwnedBy, articleReadableBy } from "./article-access";
import type { ArticleMetadata } from "./article-model";
import { readingMinutes } from "./article-stats";
import type { Viewer } from "@/lib/auth/viewer";

export interface ArticleSummary extends ArticleMetadata {
  excerpt: string;
  readingMinutes: number;
  /** The name of the reader who imported it; null for the library's own articles. */
  addedBy: string | null;
  /** Imported and private: read at its owner's own address (see articleReadPath). */
  isPrivate: boolean;
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
  ownerId: true,
  visibility: true,
  owner: { select: { name: true } },
} as const satisfies Prisma.ArticleSelect;

type SummaryRow = Prisma.ArticleGetPayload<{ select: typeof articleSummarySelect }>;

export function toArticleSummary<Row extends SummaryRow>({ wordCount, owner, ownerId, visibility, ...rest }: Row) {
  return {
    ...rest,
    readingMinutes: readingMinutes(wordCount),
    addedBy: owner?.name ?? null,
    isPrivate: ownerId !== null && visibility === "private",
  };
}

const LIBRARY_ORDER: Prisma.ArticleOrderByWithRelationInput[] = [
  { publishedAt: { sort: "desc", nulls: "last" } },
  { title: "asc" },
  { slug: "asc" },
];

/** The public shelf: every article anyone may read, newest first, undated ones last (by title). */
export async function listArticles(): Promise<ArticleSummary[]> {
  const rows = await db.article.findMany({ where: articleReadableBy(null), select: articleSummarySelect, orderBy: LIBRARY_ORDER });
  return rows.map(toArticleSummary);
}

/** "Your articles": what `viewer` imported, public or not, most recently added first. */
export async function listOwnArticles(viewer: Viewer): Promise<ArticleSummary[]> {
  const rows = await db.article.findMany({
    where: articleOwnedBy(viewer),
    select: articleSummarySelect,
    orderBy: [{ createdAt: "desc" }, { slug: "asc" }],
  });
  return rows.map(toArticleSummary);
}
