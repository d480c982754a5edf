import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { annotationVisibleTo } from "./annotation-access";
import type { AnnotationDto } from "./annotation-dto";
import { parseAnnotationId } from "./parse-annotation-id";
import { annotationDtoSelect, toAnnotationDto } from "./to-annotation-dto";

export interface GetAnnotationOptions {
  viewer: Viewer | null;
  id: string;
}

/** The annotation if `viewer` may read it (see annotation-access.ts), else null, whether or not it exists. */
export async function getAnnotation({ viewer, id }: GetAnnotationOptions): Promise<AnnotationDto | null> {
  const annotationId = parseAnnotationId(id);
  if (!annotationId) return null;
  const row = await db.annotation.findFirst({
    where: { id: annotationId, AND: [annotationVisibleTo(viewer)] },
    select: { ...annotationDtoSelect, article: { select: { slug: true } } },
  });
  return row ? toAnnotationDto({ row, articleSlug: row.article.slug, viewer }) : null;
}
