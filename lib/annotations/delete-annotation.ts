import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/api/errors";
import { annotationEditableBy } from "./annotation-access";
import { parseAnnotationId } from "./parse-annotation-id";

export interface DeleteAnnotationOptions {
  viewer: Viewer;
  id: string;
}

/**
 * Deletes the viewer's own annotation; anyone else's (or a missing one) is a
 * 404. A tombstone with the time of deletion keeps a create of the same id
 * that was already on its way from bringing it back (see createAnnotation).
 */
export async function deleteAnnotation({ viewer, id }: DeleteAnnotationOptions): Promise<void> {
  const annotationId = parseAnnotationId(id);
  if (!annotationId) throw notFound();
  const count = await db.$transaction(async (tx) => {
    const { count } = await tx.annotation.deleteMany({ where: { id: annotationId, AND: [annotationEditableBy(viewer)] } });
    if (count > 0) {
      // The database's clock, as createAnnotation compares with it.
      await tx.$executeRaw`INSERT INTO annotation_tombstones (id) VALUES (${annotationId}::uuid)
                           ON CONFLICT (id) DO UPDATE SET deleted_at = now()`;
    }
    return count;
  });
  if (count === 0) throw notFound();
}
