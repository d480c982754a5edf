import { articleReadableBy, articleReadableSql } from "@/lib/articles/article-access";
import { trustedViewerId } from "@/lib/auth/trusted-viewer-id";
import type { Viewer } from "@/lib/auth/viewer";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The one place that decides who may see or change an annotation. Every read
 * and write in lib/annotations goes through these `where` builders, so a
 * query can only ever narrow them, never widen them.
 *
 * - Private: the author only.
 * - Link: anyone holding its id (the share link) may read it; it is not listed.
 * - Public: anyone may read it, and it is listed on its article.
 * - Only the author may change or delete an annotation.
 * - And always: nobody sees or changes an annotation on an article they may
 *   not read (lib/articles/article-access.ts), as if neither existed.
 *
 * Fail closed: a viewer whose id is missing, empty or not a UUID counts as
 * signed out for reads and as nobody for writes. (`{ authorId: undefined }`
 * would make Prisma drop the condition and match every row.)
 */

/** A condition no row satisfies. */
const NOTHING: Prisma.AnnotationWhereInput = { id: { in: [] } };

/** Reading one annotation by id (GET one, the share page). */
export function annotationVisibleTo(viewer: Viewer | null): Prisma.AnnotationWhereInput {
  const shared: Prisma.AnnotationWhereInput = { visibility: { in: ["link", "public"] } };
  const viewerId = trustedViewerId(viewer);
  const article = { article: articleReadableBy(viewer) };
  return viewerId ? { AND: [{ OR: [{ authorId: viewerId }, shared] }, article] } : { AND: [shared, article] };
}

/**
 * Listing an article's annotations: the viewer's own plus public ones, never
 * others' link or private ones. A SQL condition on the `annotations` table
 * aliased `a`, because the list is the hot path of every article view and
 * runs as one raw query (list-article-annotations.ts). The query also
 * narrows its `articles` row (aliased `ar`) by `articleListableSql`.
 */
export function annotationListedToSql(viewer: Viewer | null): Prisma.Sql {
  const viewerId = trustedViewerId(viewer);
  return viewerId ? Prisma.sql`(a.author_id = ${viewerId}::uuid OR a.visibility = 'public')` : Prisma.sql`a.visibility = 'public'`;
}

/** The article-side half of listing: SQL on `articles` aliased `ar`. */
export function articleListableSql(viewer: Viewer | null): Prisma.Sql {
  return articleReadableSql(viewer, "ar");
}

/** `annotationListedToSql` for one annotation in memory (which live events a stream may receive, lib/live). */
export function isAnnotationListedTo(viewer: Viewer | null, annotation: { authorId: string; visibility: string }): boolean {
  return annotation.visibility === "public" || isAnnotationAuthor(viewer, annotation.authorId);
}

/** SQL for the DTO's `isOwn` on the `annotations` table aliased `a`, by the same rule as `isAnnotationAuthor`. */
export function annotationIsOwnSql(viewer: Viewer | null): Prisma.Sql {
  const viewerId = trustedViewerId(viewer);
  return viewerId ? Prisma.sql`(a.author_id = ${viewerId}::uuid)` : Prisma.sql`false`;
}

/** Changing or deleting an annotation: its author only. */
export function annotationEditableBy(viewer: Viewer): Prisma.AnnotationWhereInput {
  const viewerId = trustedViewerId(viewer);
  return viewerId ? { authorId: viewerId, article: articleReadableBy(viewer) } : NOTHING;
}

/** Whether `viewer` wrote the annotation (the DTO's `isOwn`), by the same rule as `annotationEditableBy`. */
export function isAnnotationAuthor(viewer: Viewer | null, authorId: string): boolean {
  const viewerId = trustedViewerId(viewer);
  return viewerId !== null && viewerId === authorId.toLowerCase();
}
