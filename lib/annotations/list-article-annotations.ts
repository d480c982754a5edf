import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { $Enums } from "@/lib/generated/prisma/client";
import { annotationListedToSql } from "./annotation-access";
import type { AnnotationDto } from "./annotation-dto";
import { toAnnotationDto } from "./to-annotation-dto";

export interface ListArticleAnnotationsOptions {
  viewer: Viewer | null;
  slug: string;
}

interface ListedRow {
  id: string | null;
  color: $Enums.HighlightColor;
  note: string | null;
  visibility: $Enums.Visibility;
  exact: string;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
  createdAt: Date;
  updatedAt: Date;
  authorId: string;
  authorName: string;
}

/**
 * The annotations of an article that `viewer` may see listed (their own and
 * public ones), in reading order with detached ones last; null if there is no
 * such article.
 *
 * This runs on every article view, so it is one SQL statement: Prisma's
 * relation queries cost several round trips and about four times the CPU
 * here (measured: BENCHMARKS.md). The article row is joined with LEFT JOIN so
 * "no such article" (no row) differs from "no annotations" (one empty row).
 */
export async function listArticleAnnotations({ viewer, slug }: ListArticleAnnotationsOptions): Promise<AnnotationDto[] | null> {
  const rows = await db.$queryRaw<ListedRow[]>`
    SELECT a.id, a.color, a.note, a.visibility, a.exact, a.prefix, a.suffix, a.start, a."end",
           a.created_at AS "createdAt", a.updated_at AS "updatedAt", a.author_id AS "authorId", u.name AS "authorName"
      FROM articles ar
      LEFT JOIN (annotations a JOIN users u ON u.id = a.author_id)
        ON a.article_id = ar.id AND ${annotationListedToSql(viewer)}
     WHERE ar.slug = ${slug}
     ORDER BY a.start ASC NULLS LAST, a."end" ASC, a.created_at ASC, a.id ASC`;
  if (rows.length === 0) return null;
  return rows.flatMap(({ id, authorName, ...row }) =>
    id === null ? [] : [toAnnotationDto({ row: { ...row, id, author: { name: authorName } }, articleSlug: slug, viewer })],
  );
}
