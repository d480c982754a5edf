import { replyPermissions } from "@/lib/annotations/reply-access";
import type { Viewer } from "@/lib/auth/viewer";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReplyDto } from "@/lib/api/replies";

/** Exactly the columns a ReplyDto needs. */
export const replyDtoSelect = {
  id: true,
  annotationId: true,
  body: true,
  authorId: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { name: true } },
  annotation: { select: { authorId: true } },
} satisfies Prisma.ReplySelect;

export type ReplyDtoRow = Prisma.ReplyGetPayload<{ select: typeof replyDtoSelect }>;

export function toReplyDto(row: ReplyDtoRow, viewer: Viewer | null): ReplyDto {
  return {
    id: row.id,
    annotationId: row.annotationId,
    body: row.body,
    author: { name: row.author.name },
    ...replyPermissions(viewer, { authorId: row.authorId, annotationAuthorId: row.annotation.authorId }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
