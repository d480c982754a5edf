import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { ArticleVisibility } from "@/lib/generated/prisma/client";
import { articleOwnedBy } from "./article-access";

/** What the owner's controls on an article show. */
export interface OwnArticleDetails {
  slug: string;
  visibility: ArticleVisibility;
  sourceUrl: string | null;
  annotationCount: number;
}

interface OwnArticleOptions {
  viewer: Viewer;
  slug: string;
}

/** The article if `viewer` owns it, else null (whether or not it exists). */
export async function getOwnArticle({ viewer, slug }: OwnArticleOptions): Promise<OwnArticleDetails | null> {
  const row = await db.article.findFirst({
    where: { slug, AND: [articleOwnedBy(viewer)] },
    select: { slug: true, visibility: true, sourceUrl: true, _count: { select: { annotations: true } } },
  });
  if (!row) return null;
  const { _count, ...details } = row;
  return { ...details, annotationCount: _count.annotations };
}

/** Makes the viewer's article private or public; null if they own no such article. */
export async function setArticleVisibility({ viewer, slug, visibility }: OwnArticleOptions & { visibility: ArticleVisibility }): Promise<OwnArticleDetails | null> {
  const { count } = await db.article.updateMany({ where: { slug, AND: [articleOwnedBy(viewer)] }, data: { visibility } });
  return count === 0 ? null : getOwnArticle({ viewer, slug });
}

/**
 * Deletes the viewer's article with all its annotations (every reader's), in
 * one transaction: the annotations go by the foreign key's cascade in the
 * same statement, so nothing is left half-deleted. Returns how many
 * annotations went with it; null if the viewer owns no such article.
 */
export async function deleteOwnArticle({ viewer, slug }: OwnArticleOptions): Promise<{ annotationsDeleted: number } | null> {
  return db.$transaction(async (tx) => {
    const row = await tx.article.findFirst({
      where: { slug, AND: [articleOwnedBy(viewer)] },
      select: { id: true, _count: { select: { annotations: true } } },
    });
    if (!row) return null;
    await tx.article.delete({ where: { id: row.id } });
    return { annotationsDeleted: row._count.annotations };
  });
}
