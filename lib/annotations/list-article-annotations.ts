import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { annotationIsOwnSql, annotationListedToSql } from "./annotation-access";
import type { AnnotationDto } from "./annotation-dto";

export interface ListArticleAnnotationsOptions {
  viewer: Viewer | null;
  slug: string;
}

// toISOString()'s format, so the JSON equals what toAnnotationDto builds.
const ISO_UTC = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';

/**
 * The annotations of an article that `viewer` may see listed (their own and
 * public ones) as the JSON array of AnnotationDto the API sends, in reading
 * order with detached ones last; null if there is no such article.
 *
 * This runs on every article view, so PostgreSQL builds the JSON in one
 * statement and Node passes the text through: no Prisma relation queries
 * (three statements) and no row-by-row conversion and re-serialisation,
 * which cost about four times as much per request here (BENCHMARKS.md).
 * A test keeps the shape equal to toAnnotationDto's.
 */
export async function listArticleAnnotationsJson({ viewer, slug }: ListArticleAnnotationsOptions): Promise<string | null> {
  const [row] = await db.$queryRaw<{ found: boolean; annotations: string }[]>`
    SELECT EXISTS (SELECT 1 FROM articles WHERE slug = ${slug}) AS found,
           COALESCE((
             SELECT json_agg(json_build_object(
                      'id', a.id,
                      'articleSlug', ar.slug,
                      'color', a.color,
                      'note', a.note,
                      'visibility', a.visibility,
                      'quote', json_build_object('exact', a.exact, 'prefix', a.prefix, 'suffix', a.suffix),
                      'position', CASE WHEN a.start IS NULL OR a."end" IS NULL THEN NULL
                                       ELSE json_build_object('start', a.start, 'end', a."end") END,
                      'author', json_build_object('id', a.author_id, 'name', u.name),
                      'isOwn', ${annotationIsOwnSql(viewer)},
                      'createdAt', to_char(a.created_at AT TIME ZONE 'UTC', ${ISO_UTC}),
                      'updatedAt', to_char(a.updated_at AT TIME ZONE 'UTC', ${ISO_UTC}))
                    ORDER BY a.start ASC NULLS LAST, a."end" ASC, a.created_at ASC, a.id ASC)
               FROM articles ar
               JOIN annotations a ON a.article_id = ar.id AND ${annotationListedToSql(viewer)}
               JOIN users u ON u.id = a.author_id
              WHERE ar.slug = ${slug}
           ), '[]'::json)::text AS annotations`;
  return row?.found ? row.annotations : null;
}

/** The body of GET /api/articles/{slug}/annotations (ArticleAnnotationsResponse) around that JSON. */
export function articleAnnotationsBody(annotationsJson: string): string {
  return `{"annotations":${annotationsJson}}`;
}

/** The same list as objects (for server code that needs them rather than the JSON text). */
export async function listArticleAnnotations(options: ListArticleAnnotationsOptions): Promise<AnnotationDto[] | null> {
  const json = await listArticleAnnotationsJson(options);
  return json === null ? null : (JSON.parse(json) as AnnotationDto[]);
}
