import { reanchorArticleAnnotations } from "@/lib/annotations/reanchor-article-annotations";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/api/errors";
import { articleOwnedBy } from "./article-access";
import { contentFromAddress } from "./import-article";
import { toRow } from "./seed-articles";

export interface UpdateFromSourceResult {
  slug: string;
  /** False when the page's article is as stored: nothing was written. */
  changed: boolean;
  /** Annotations whose selectors moved, were re-quoted or were detached. */
  reanchored: number;
  /** The viewer's own annotations now detached (kept, shown apart); others' are their authors' to see. */
  detached: { id: string; exact: string }[];
}

/**
 * Re-fetches an imported article's source and stores what it says now,
 * re-anchoring every annotation through the same path seeding uses
 * (reanchorArticleAnnotations): in one transaction that first locks the row
 * and checks the text it read is still the text it replaces, so two updates
 * (or an update and a reseed) never interleave, and annotation creates wait
 * for it (they hold FOR SHARE on the row). Null if the viewer owns no such
 * article; a 409 if it has no source address (uploads and pastes).
 */
export async function updateArticleFromSource({ viewer, slug }: { viewer: Viewer; slug: string }): Promise<UpdateFromSourceResult | null> {
  const article = await db.article.findFirst({ where: { slug, AND: [articleOwnedBy(viewer)] }, select: { id: true, sourceUrl: true } });
  if (!article) return null;
  if (!article.sourceUrl) throw new AppError("conflict", "This article was uploaded or pasted; it has no address to update from.");

  const content = await contentFromAddress(article.sourceUrl);
  return db.$transaction(
    async (tx) => {
      const [current] = await tx.$queryRaw<{ text: string; textHash: string }[]>`
        SELECT text, text_hash AS "textHash" FROM articles WHERE id = ${article.id}::uuid FOR UPDATE`;
      if (!current) throw notFound();
      const row = toRow({ ...content, slug });
      if (row.textHash === current.textHash) return { slug, changed: false, reanchored: 0, detached: [] };
      await tx.article.update({ where: { id: article.id }, data: row });
      const summary = await reanchorArticleAnnotations({ tx, articleId: article.id, oldText: current.text, newText: row.text });
      const detached = await tx.annotation.findMany({
        where: { articleId: article.id, authorId: viewer.id, start: null },
        select: { id: true, exact: true },
        orderBy: { createdAt: "asc" },
      });
      return { slug, changed: true, reanchored: summary.updated, detached };
    },
    { timeout: 60_000 },
  );
}
