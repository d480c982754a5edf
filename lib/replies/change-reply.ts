import { replyDeletableBy, replyEditableBy } from "@/lib/annotations/reply-access";
import { parseAnnotationId } from "@/lib/annotations/parse-annotation-id";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/api/errors";
import type { UpdateReplyData } from "@/lib/api/replies";
import type { ReplyDto } from "@/lib/api/replies";
import { replyDtoSelect, toReplyDto } from "./to-reply-dto";

export interface UpdateReplyOptions {
  viewer: Viewer;
  id: string;
  changes: UpdateReplyData;
}

/** Rewrites the viewer's own reply; anyone else's, or one on a Private annotation, is a 404. */
export async function updateReply({ viewer, id, changes }: UpdateReplyOptions): Promise<ReplyDto> {
  const replyId = parseAnnotationId(id);
  if (!replyId) throw notFound();
  try {
    const row = await db.reply.update({ where: { id: replyId, AND: [replyEditableBy(viewer)] }, data: { body: changes.body }, select: replyDtoSelect });
    return toReplyDto(row, viewer);
  } catch (error) {
    // P2025: no row matched, because it does not exist or is not the viewer's to change.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") throw notFound();
    throw error;
  }
}

/** Deletes a reply the viewer wrote, or any reply on the viewer's annotation; otherwise a 404. */
export async function deleteReply({ viewer, id }: { viewer: Viewer; id: string }): Promise<void> {
  const replyId = parseAnnotationId(id);
  if (!replyId) throw notFound();
  const { count } = await db.reply.deleteMany({ where: { id: replyId, AND: [replyDeletableBy(viewer)] } });
  if (count === 0) throw notFound();
}
