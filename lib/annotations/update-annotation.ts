import type { AnnotationDto, UpdateAnnotationData } from "@/lib/api/annotations";
import { AppError, notFound } from "@/lib/api/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { setAnnotationTags } from "@/lib/tags/set-annotation-tags";
import { annotationEditableBy } from "./annotation-access";
import { parseAnnotationId } from "./parse-annotation-id";
import { annotationDtoSelect, toAnnotationDto } from "./to-annotation-dto";

export interface UpdateAnnotationOptions {
  viewer: Viewer;
  id: string;
  /** Already validated by `updateAnnotationSchema`; absent fields stay as they are. */
  changes: UpdateAnnotationData;
}

const selectWithSlug = { ...annotationDtoSelect, article: { select: { slug: true } } } satisfies Prisma.AnnotationSelect;

/** The edit was made on an older version: nothing changed; the body carries the current annotation. */
function versionConflict(current: AnnotationDto): AppError {
  return new AppError("version_conflict", "This annotation was changed elsewhere since you opened it.", undefined, { annotation: current });
}

function sameTags(current: string[], wanted: string[]): boolean {
  const sorted = [...wanted].sort();
  return current.length === sorted.length && [...current].sort().every((tag, index) => tag === sorted[index]);
}

/** True when `current` already holds every field `changes` sets (a retried or repeated edit). */
function alreadyApplied(current: AnnotationDto, changes: UpdateAnnotationData): boolean {
  return (
    (changes.note === undefined || changes.note === current.note) &&
    (changes.color === undefined || changes.color === current.color) &&
    (changes.visibility === undefined || changes.visibility === current.visibility) &&
    (changes.tags === undefined || sameTags(current.tags, changes.tags))
  );
}

/**
 * Changes the note, colour, visibility or tags of the viewer's own
 * annotation and bumps its version; anyone else's is a 404. With
 * `baseVersion`, the change applies only to that version (one conditional
 * UPDATE, so two tabs racing cannot both win): a stale one is a 409 carrying
 * the current annotation, except when the annotation already holds exactly
 * these changes, which answers 200, so resending an edit whose answer was
 * lost is harmless.
 */
export async function updateAnnotation({ viewer, id, changes }: UpdateAnnotationOptions): Promise<AnnotationDto> {
  const annotationId = parseAnnotationId(id);
  if (!annotationId) throw notFound();
  const { baseVersion } = changes;
  try {
    const row = await db.$transaction(async (tx) => {
      const updated = await tx.annotation.update({
        where: { id: annotationId, AND: [annotationEditableBy(viewer), baseVersion === undefined ? {} : { version: baseVersion }] },
        data: { note: changes.note, color: changes.color, visibility: changes.visibility, version: { increment: 1 } },
        select: selectWithSlug,
      });
      if (changes.tags === undefined) return updated;
      await setAnnotationTags({ tx, ownerId: updated.authorId, annotationId, names: changes.tags });
      return { ...updated, tags: (await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: { tags: true } })).tags };
    });
    return toAnnotationDto({ row, articleSlug: row.article.slug, viewer });
  } catch (error) {
    // P2025: no row matched: it does not exist, is not the viewer's, or has moved past baseVersion.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025")) throw error;
  }
  const row = await db.annotation.findFirst({ where: { id: annotationId, AND: [annotationEditableBy(viewer)] }, select: selectWithSlug });
  if (!row) throw notFound();
  const current = toAnnotationDto({ row, articleSlug: row.article.slug, viewer });
  if (alreadyApplied(current, changes)) return current;
  throw versionConflict(current);
}
