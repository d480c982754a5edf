import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { annotationVisibleTo } from "./annotation-access";
import type { AnnotationDto } from "@/lib/api/annotations";
import { notFound } from "@/lib/api/errors";
import { parseAnnotationId } from "./parse-annotation-id";
import { annotationDtoSelect, toAnnotationDto } from "./to-annotation-dto";

export interface GetAnnotationOptions {
  viewer: Viewer | null;
  id: string;
}

/**
 * The annotation if `viewer` may read it (see annotation-access.ts); else
 * AppError not_found, whether or not it exists — as update and delete answer
 * for what the viewer may not change.
 */
export async function getAnnotation({ viewer, id }: GetAnnotationOptions): Promise<AnnotationDto> {
  const annotationId = parseAnnotationId(id);
  if (!annotationId) throw notFound();
  const row = await db.annotation.findFirst({
    where: { id: annotationId, AND: [annotationVisibleTo(viewer)] },
    select: { ...annotationDtoSelect, article: { select: { slug: true } } },
  });
  if (!row) throw notFound();
  return toAnnotationDto({ row, articleSlug: row.article.slug, viewer });
}
