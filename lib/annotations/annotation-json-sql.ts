import type { Viewer } from "@/lib/auth/viewer";
import { Prisma } from "@/lib/generated/prisma/client";
import { annotationIsOwnSql } from "./annotation-access";
import { replyCountSql } from "./reply-access";

// toISOString()'s format, so the JSON equals what toAnnotationDto builds.
const ISO_UTC = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';

/**
 * An AnnotationDto built by PostgreSQL as `json`, for queries that pass JSON
 * through rather than convert rows (the article list, the notebook). Needs
 * the tables aliased `a` (annotations), `ar` (articles) and `u` (its author).
 * A test keeps the shape equal to toAnnotationDto's. `moreFields` (pairs of
 * key and value, as json_build_object takes them) are added to the object.
 */
export function annotationDtoJsonSql(viewer: Viewer | null, moreFields?: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`json_build_object(
      'id', a.id,
      'articleSlug', ar.slug,
      'color', a.color,
      'note', a.note,
      'visibility', a.visibility,
      'quote', json_build_object('exact', a.exact, 'prefix', a.prefix, 'suffix', a.suffix),
      'position', CASE WHEN a.start IS NULL OR a."end" IS NULL THEN NULL
                       ELSE json_build_object('start', a.start, 'end', a."end") END,
      'author', json_build_object('name', u.name),
      'tags', a.tags,
      'isOwn', ${annotationIsOwnSql(viewer)},
      'replyCount', ${replyCountSql()},
      'createdAt', to_char(a.created_at AT TIME ZONE 'UTC', ${ISO_UTC}),
      'updatedAt', to_char(a.updated_at AT TIME ZONE 'UTC', ${ISO_UTC}),
      'version', a.version${moreFields ? Prisma.sql`, ${moreFields}` : Prisma.empty})`;
}
