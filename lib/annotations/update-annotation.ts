import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnnotationDto, UpdateAnnotationData } from "@/lib/api/annotations";
import { notFound } from "@/lib/api/errors";
import { annotationEditableBy } from "./annotation-access";
import { parseAnnotationId } from "./parse-annotation-id";
import { setAnnotationTags } from "@/lib/tags/set-annotation-tags";
import { annotationDtoSelect, toAnnotationDto } from "./to-annotation-dto";

export interface UpdateAnnotationOptions {
  viewer: Viewer;
  id: string;
  /** Already validated by `updateAnnotationSchema`; absent fields stay as they are. */
  changes: UpdateAnnotationData;
}

/** Changes the note, colour, visibility or tags of the viewer's own annotation; anyone else's is a 404. */
export async function updateAnnotation({ viewer, id, changes }: UpdateAnnotationOptions): Promise<AnnotationDto> {
  const annotationId = parseAnnotationId(id);
  if (!annotationId) throw notFound();
  try {
    const row = await db.$transaction(async (tx) => {
      const updated = await tx.annotation.update({
        where: { id: annotationId, AND: [annotationEditableBy(viewer)] },
        data: { note: changes.note, color: changes.color, visibility: changes.visibility },
        select: { ...annotationDtoSelect, article: { select: { slug: true } } },
      });
      if (changes.tags === undefined) return updated;
      await setAnnotationTags({ tx, ownerId: updated.authorId, annotationId, names: changes.tags });
      return { ...updated, tags: (await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: { tags: true } })).tags };
    });
    return toAnnotationDto({ row, articleSlug: row.article.slug, viewer });
  } catch (error) {
    // P2025: no row matched, because it does not exist or is not the viewer's.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") throw notFound();
    throw error;
  }
}
