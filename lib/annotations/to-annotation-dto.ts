import type { Viewer } from "@/lib/auth/viewer";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isAnnotationAuthor } from "./annotation-access";
import type { AnnotationDto } from "@/lib/api/annotations";
import { visibleReplyCount } from "./reply-access";

/** Exactly the columns an AnnotationDto needs (the article's slug comes from the caller). */
export const annotationDtoSelect = {
  id: true,
  color: true,
  note: true,
  visibility: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  authorId: true,
  tags: true,
  author: { select: { name: true } },
  _count: { select: { replies: true } },
} satisfies Prisma.AnnotationSelect;

export type AnnotationDtoRow = Prisma.AnnotationGetPayload<{ select: typeof annotationDtoSelect }>;

export interface ToAnnotationDtoOptions {
  row: AnnotationDtoRow;
  articleSlug: string;
  viewer: Viewer | null;
}

export function toAnnotationDto({ row, articleSlug, viewer }: ToAnnotationDtoOptions): AnnotationDto {
  return {
    id: row.id,
    articleSlug,
    color: row.color,
    note: row.note,
    visibility: row.visibility,
    quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    position: row.start !== null && row.end !== null ? { start: row.start, end: row.end } : null,
    author: { name: row.author.name },
    tags: row.tags,
    isOwn: isAnnotationAuthor(viewer, row.authorId),
    replyCount: visibleReplyCount(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
