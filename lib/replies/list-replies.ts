import { annotationRepliesVisibleTo, replyVisibleTo } from "@/lib/annotations/reply-access";
import { parseAnnotationId } from "@/lib/annotations/parse-annotation-id";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { ReplyDto } from "@/lib/api/replies";
import { replyDtoSelect, toReplyDto } from "./to-reply-dto";

export interface ListRepliesOptions {
  viewer: Viewer | null;
  annotationId: string;
}

/**
 * The replies on an annotation, oldest first, or null when the viewer may not
 * see replies there (no such annotation, not theirs to see, or Private):
 * the caller answers all of those alike, with a 404.
 */
export async function listReplies({ viewer, annotationId }: ListRepliesOptions): Promise<ReplyDto[] | null> {
  const id = parseAnnotationId(annotationId);
  if (!id) return null;
  const annotation = await db.annotation.findFirst({
    where: { id, AND: [annotationRepliesVisibleTo(viewer)] },
    select: {
      replies: { where: replyVisibleTo(viewer), select: replyDtoSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  return annotation ? annotation.replies.map((row) => toReplyDto(row, viewer)) : null;
}

/** One reply if the viewer may see it, else null (whether or not it exists). */
export async function getReply({ viewer, id }: { viewer: Viewer | null; id: string }): Promise<ReplyDto | null> {
  const replyId = parseAnnotationId(id);
  if (!replyId) return null;
  const row = await db.reply.findFirst({ where: { id: replyId, AND: [replyVisibleTo(viewer)] }, select: replyDtoSelect });
  return row ? toReplyDto(row, viewer) : null;
}
