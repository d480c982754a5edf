import { annotationRepliesVisibleTo, replyEditableBy } from "@/lib/annotations/reply-access";
import { parseAnnotationId } from "@/lib/annotations/parse-annotation-id";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/api/errors";
import { AppError } from "@/lib/api/errors";
import type { CreateReplyData } from "@/lib/api/replies";
import type { ReplyDto } from "@/lib/api/replies";
import { replyDtoSelect, toReplyDto } from "./to-reply-dto";

export interface CreateReplyOptions {
  viewer: Viewer;
  annotationId: string;
  /** Already validated by `createReplySchema`. */
  input: CreateReplyData;
}

export interface CreateReplyResult {
  reply: ReplyDto;
  /** False when this was a retry of a post that had already succeeded. */
  created: boolean;
}

/**
 * Replies to an annotation the viewer may see and that is Link or Public
 * (reply-access.ts); any other annotation is a 404.
 *
 * Idempotent on the client-chosen id, like createAnnotation: the same post
 * again returns the one reply with `created: false`; the same id with
 * different content is a 409; someone else's id is a 404.
 */
export async function createReply({ viewer, annotationId, input }: CreateReplyOptions): Promise<CreateReplyResult> {
  const parentId = parseAnnotationId(annotationId);
  if (!parentId) throw notFound();
  const parent = await db.annotation.findFirst({ where: { id: parentId, AND: [annotationRepliesVisibleTo(viewer)] }, select: { id: true } });
  if (!parent) throw notFound();

  const { count } = await db.reply.createMany({
    data: [{ id: input.id, annotationId: parentId, authorId: viewer.id, body: input.body }],
    skipDuplicates: true,
  });
  const row = await db.reply.findFirst({ where: { id: input.id, AND: [replyEditableBy(viewer)] }, select: replyDtoSelect });
  if (!row) throw notFound();
  if (count === 0 && (row.annotationId !== parentId || row.body !== input.body)) {
    throw new AppError("conflict", "You already have a reply with this id, with different content.");
  }
  return { reply: toReplyDto(row, viewer), created: count === 1 };
}
