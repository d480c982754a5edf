import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/api/errors";
import { annotationEditableBy } from "./annotation-access";
import { parseAnnotationId } from "./parse-annotation-id";

export interface DeleteAnnotationOptions {
  viewer: Viewer;
  id: string;
}

/** Deletes the viewer's own annotation; anyone else's (or a missing one) is a 404. */
export async function deleteAnnotation({ viewer, id }: DeleteAnnotationOptions): Promise<void> {
  const annotationId = parseAnnotationId(id);
  if (!annotationId) throw notFound();
  const { count } = await db.annotation.deleteMany({ where: { id: annotationId, AND: [annotationEditableBy(viewer)] } });
  if (count === 0) throw notFound();
}
