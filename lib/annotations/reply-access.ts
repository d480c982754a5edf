import type { Viewer } from "@/lib/auth/viewer";
import { Prisma as PrismaSql, type Prisma } from "@/lib/generated/prisma/client";
import { trustedViewerId } from "@/lib/auth/trusted-viewer-id";
import { annotationVisibleTo } from "./annotation-access";

/**
 * The one place that decides who may see, write, change or delete replies.
 * Built on annotation-access.ts, so a reply is never more visible than its
 * annotation:
 *
 * - Replies exist only in the open: on a Link or Public annotation that the
 *   viewer may see. A Private annotation has no replies for anyone, its
 *   author included (they come back if it is shared again).
 * - Whoever may see such an annotation may read its replies and, signed in,
 *   reply to it.
 * - A reply's author may change or delete it; the annotation's author may
 *   delete any reply on it.
 *
 * Fail closed, as annotation-access.ts does: an untrusted viewer id matches
 * nothing for writes.
 */

const SHARED: Prisma.AnnotationWhereInput = { visibility: { in: ["link", "public"] } };

/** Annotations whose replies `viewer` may read and answer. */
export function annotationRepliesVisibleTo(viewer: Viewer | null): Prisma.AnnotationWhereInput {
  return { AND: [annotationVisibleTo(viewer), SHARED] };
}

/** Reading a reply (the list, one reply, its JSON-LD). */
export function replyVisibleTo(viewer: Viewer | null): Prisma.ReplyWhereInput {
  return { annotation: annotationRepliesVisibleTo(viewer) };
}

/** Changing a reply: its author, while it is visible at all. */
export function replyEditableBy(viewer: Viewer): Prisma.ReplyWhereInput {
  const viewerId = trustedViewerId(viewer);
  return viewerId ? { AND: [replyVisibleTo(viewer), { authorId: viewerId }] } : { id: { in: [] } };
}

/** Deleting a reply: its author or the annotation's author, while it is visible at all. */
export function replyDeletableBy(viewer: Viewer): Prisma.ReplyWhereInput {
  const viewerId = trustedViewerId(viewer);
  if (!viewerId) return { id: { in: [] } };
  return { AND: [replyVisibleTo(viewer), { OR: [{ authorId: viewerId }, { annotation: { authorId: viewerId } }] }] };
}

/** What the reply DTO says the viewer may do, by the same rules as the two builders above. */
export function replyPermissions(viewer: Viewer | null, reply: { authorId: string; annotationAuthorId: string }) {
  const viewerId = trustedViewerId(viewer);
  const isOwn = viewerId !== null && viewerId === reply.authorId.toLowerCase();
  return { isOwn, canDelete: isOwn || (viewerId !== null && viewerId === reply.annotationAuthorId.toLowerCase()) };
}

/** SQL for the DTO's `replyCount` on the `annotations` table aliased `a`: replies the viewer may read, by the rule above. */
export function replyCountSql(): Prisma.Sql {
  return PrismaSql.sql`(CASE WHEN a.visibility = 'private' THEN 0 ELSE (SELECT count(*)::int FROM replies r WHERE r.annotation_id = a.id) END)`;
}

/** `replyCountSql` for an annotation read through Prisma with `_count.replies`. */
export function visibleReplyCount(annotation: { visibility: string; _count: { replies: number } }): number {
  return annotation.visibility === "private" ? 0 : annotation._count.replies;
}
