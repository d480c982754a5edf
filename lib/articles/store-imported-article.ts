import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { articleOwnedBy } from "./article-access";
import type { ParsedArticle } from "./article-model";
import { importedArticleSlug } from "./imported-article-slug";
import { toRow } from "./seed-articles";

/** An extracted article before it has a slug. */
export type ImportedContent = Omit<ParsedArticle, "slug">;

export interface StoreImportedArticleOptions {
  viewer: Viewer;
  content: ImportedContent;
  /** The address it was fetched from; null for uploads and pastes. */
  sourceUrl: string | null;
}

export interface StoredArticle {
  slug: string;
  /** False when the reader had already added this address: the existing article is theirs to open. */
  created: boolean;
  /** Still private (read at its owner's own address, articleReadPath). */
  isPrivate: boolean;
}

export async function findBySource(viewer: Viewer, sourceUrl: string): Promise<StoredArticle | null> {
  const existing = await db.article.findFirst({ where: { sourceUrl, AND: [articleOwnedBy(viewer)] }, select: { slug: true, visibility: true } });
  return existing ? { slug: existing.slug, created: false, isPrivate: existing.visibility === "private" } : null;
}

/**
 * Stores an import as the viewer's private article. The same source address
 * twice by the same reader is one article (unique owner + source URL): the
 * second add, even one racing the first, answers with the existing one.
 */
export async function storeImportedArticle({ viewer, content, sourceUrl }: StoreImportedArticleOptions): Promise<StoredArticle> {
  if (sourceUrl !== null) {
    const existing = await findBySource(viewer, sourceUrl);
    if (existing) return existing;
  }
  const row = toRow({ ...content, slug: importedArticleSlug(content.title) });
  try {
    await db.article.create({ data: { ...row, ownerId: viewer.id, visibility: "private", sourceUrl } });
    return { slug: row.slug, created: true, isPrivate: true };
  } catch (error) {
    const lostRace = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && sourceUrl !== null;
    const existing = lostRace ? await findBySource(viewer, sourceUrl) : null;
    if (existing) return existing;
    throw error;
  }
}
