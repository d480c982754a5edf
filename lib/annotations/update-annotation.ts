import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HttpError, notFound } from "@/lib/http/route-handler";
import type { UpdateAnnotationData } from "@/lib/validation/annotation-schemas";
import { annotationEditableBy } from "./annotation-access";
import type { AnnotationDto } from "./annotation-dto";
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
function versionConflict(current: AnnotationDto): HttpError {
  return new HttpError(409, "version_conflict", "This annotation was changed elsewhere since you opened it.", undefined, {
    annotation: current,
  });
}

/** True when `current` already holds every field `changes` sets (a retried or repeated edit). */
function alreadyApplied(current: AnnotationDto, changes: UpdateAnnotationData): boolean {
  return (
    (changes.note === undefined || changes.note === current.note) &&
    (changes.color === undefined || changes.color === current.color) &&
    (changes.visibility === undefined || changes.visibility === current.visibility)
  );
}

/**
 * Changes the note, colour or visibility of the viewer's own annotation and
 * bumps its version; anyone else's is a 404. With `baseVersion`, the change
 * applies only to that version (one conditional UPDATE, so two tabs racing
 * cannot both win): a stale one is a 409 carrying the current annotation,
 * except when the annotation already holds exactly these changes, which
 * answers 200, so resending an edit whose answer was lost is harmless.
 */
export async function updateAnnotation({ viewer, id, changes }: UpdateAnnotationOptions): Promise<AnnotationDto> {
  const annotationId = parseAnnotationId(id);
  if (!annotationId) throw notFound();
  const { baseVersion } = changes;
  try {
    const row = await db.annotation.update({
      where: { id: annotationId, AND: [annotationEditableBy(viewer), baseVersion === undefined ? {} : { version: baseVersion }] },
      data: { note: changes.note, color: changes.color, visibility: changes.visibility, version: { increment: 1 } },
      select: selectWithSlug,
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
