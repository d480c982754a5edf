import { trustedViewerId } from "@/lib/auth/trusted-viewer-id";
import type { Viewer } from "@/lib/auth/viewer";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The one place that decides who may read or change an article. Every query
 * on articles (pages, the annotation list, annotation create and read, share
 * links and their images) narrows one of these, so a private article answers
 * exactly like one that does not exist to everyone but its owner.
 *
 * - The library's articles (seeded, no owner): everyone.
 * - An imported article: its owner; everyone once it is public.
 * - Only the owner may change, update from source or delete an imported
 *   article; nobody changes a seeded one through the app.
 *
 * Fail closed, as annotation-access.ts: a viewer without a trustworthy id is
 * signed out for reads and nobody for writes.
 */

const NOTHING: Prisma.ArticleWhereInput = { id: { in: [] } };

const READABLE_BY_ANYONE: Prisma.ArticleWhereInput[] = [{ ownerId: null }, { visibility: "public" }];

/** Reading an article (its page, its annotations, a note shared on it). */
export function articleReadableBy(viewer: Viewer | null): Prisma.ArticleWhereInput {
  const viewerId = trustedViewerId(viewer);
  return { OR: viewerId ? [...READABLE_BY_ANYONE, { ownerId: viewerId }] : READABLE_BY_ANYONE };
}

/** The same rule as SQL on the `articles` table aliased `alias`, for the raw hot-path queries. */
export function articleReadableSql(viewer: Viewer | null, alias: "ar" | "articles"): Prisma.Sql {
  const table = Prisma.raw(alias);
  const viewerId = trustedViewerId(viewer);
  const anyone = Prisma.sql`(${table}.owner_id IS NULL OR ${table}.visibility = 'public')`;
  return viewerId ? Prisma.sql`(${anyone} OR ${table}.owner_id = ${viewerId}::uuid)` : anyone;
}

/** Changing, re-fetching or deleting an article: its owner only. */
export function articleOwnedBy(viewer: Viewer): Prisma.ArticleWhereInput {
  const viewerId = trustedViewerId(viewer);
  return viewerId ? { ownerId: viewerId } : NOTHING;
}

/** Whether `viewer` owns an article with this owner, by the same rule as `articleOwnedBy`. */
export function isArticleOwner(viewer: Viewer | null, ownerId: string | null): boolean {
  const viewerId = trustedViewerId(viewer);
  return viewerId !== null && ownerId !== null && viewerId === ownerId.toLowerCase();
}

/** Whether an article is the same HTML for everyone (static page) or its owner's alone. */
export function isPubliclyReadable(article: { ownerId: string | null; visibility: "private" | "public" }): boolean {
  return article.ownerId === null || article.visibility === "public";
}
