import { LRUCache } from "lru-cache";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { annotationIsOwnSql, annotationListedToSql } from "./annotation-access";
import type { AnnotationDto, ArticleAnnotationsResponse } from "./annotation-dto";

export interface ListArticleAnnotationsOptions {
  viewer: Viewer | null;
  slug: string;
}

// toISOString()'s format, so the JSON equals what toAnnotationDto builds.
const ISO_UTC = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';

/** A list's response body as built at one version of its article's annotations. */
interface CachedList {
  articleId: string;
  version: string;
  body: Uint8Array<ArrayBuffer>;
}

/**
 * Response bodies by article and viewer, bounded in bytes. Every request still
 * asks PostgreSQL for the article's annotations version, so an entry is served
 * only while nothing it shows has changed, on this server or any other: the
 * version is bumped by triggers in the transaction that makes the change (see
 * the `annotations_version` migration).
 */
const cachedLists = new LRUCache<string, CachedList>({
  maxSize: 64 * 1024 * 1024,
  sizeCalculation: (entry) => entry.body.byteLength + 256,
});

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

function cacheKey({ viewer, slug }: ListArticleAnnotationsOptions): string {
  return `${slug}\u0000${viewer?.id ?? ""}`;
}

/** The article's id and annotations version: one indexed read, a fraction of building the list. */
async function readVersion(slug: string): Promise<{ articleId: string; version: string } | undefined> {
  const [row] = await db.$queryRaw<{ articleId: string; version: string }[]>`
    SELECT ar.id::text AS "articleId", COALESCE(v.version, 0)::text AS version
      FROM articles ar LEFT JOIN article_annotations_versions v ON v.article_id = ar.id
     WHERE ar.slug = ${slug}`;
  return row;
}

/**
 * Builds the list in PostgreSQL, which Node passes through as text (no Prisma
 * relation queries, no row-by-row conversion and re-serialisation; see
 * BENCHMARKS.md), with the version it reflects: both come from one snapshot.
 */
async function buildList({ viewer, slug }: ListArticleAnnotationsOptions): Promise<{ articleId: string; version: string; json: string } | undefined> {
  const [row] = await db.$queryRaw<{ articleId: string; version: string; json: string }[]>`
    SELECT ar.id::text AS "articleId",
           COALESCE(v.version, 0)::text AS version,
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
                      'updatedAt', to_char(a.updated_at AT TIME ZONE 'UTC', ${ISO_UTC}),
                      'version', a.version)
                    ORDER BY a.start ASC NULLS LAST, a."end" ASC, a.created_at ASC, a.id ASC)
               FROM annotations a
               JOIN users u ON u.id = a.author_id
              WHERE a.article_id = ar.id AND ${annotationListedToSql(viewer)}
           ), '[]'::json)::text AS json
      FROM articles ar
      LEFT JOIN article_annotations_versions v ON v.article_id = ar.id
     WHERE ar.slug = ${slug}`;
  return row;
}

/**
 * The body of GET /api/articles/{slug}/annotations (ArticleAnnotationsResponse)
 * as UTF-8: the annotations of an article that `viewer` may see listed (their
 * own and public ones) in reading order with detached ones last; null if there
 * is no such article.
 *
 * This runs on every article view. While the article's annotations are
 * unchanged it costs one small statement and sends bytes already encoded;
 * otherwise the list is built again. A test keeps the shape equal to
 * toAnnotationDto's, another that every kind of change is seen.
 */
export async function listArticleAnnotationsBody(options: ListArticleAnnotationsOptions): Promise<Uint8Array<ArrayBuffer> | null> {
  const key = cacheKey(options);
  const cached = cachedLists.get(key);
  if (cached) {
    const current = await readVersion(options.slug);
    if (current?.articleId === cached.articleId && current.version === cached.version) return cached.body;
  }
  const built = await buildList(options);
  if (!built) {
    cachedLists.delete(key);
    return null;
  }
  const body = utf8.encode(`{"annotations":${built.json}}`);
  cachedLists.set(key, { articleId: built.articleId, version: built.version, body });
  return body;
}

/** The same list as objects (for server code that needs them rather than the response body). */
export async function listArticleAnnotations(options: ListArticleAnnotationsOptions): Promise<AnnotationDto[] | null> {
  const body = await listArticleAnnotationsBody(options);
  return body === null ? null : (JSON.parse(fromUtf8.decode(body)) as ArticleAnnotationsResponse).annotations;
}
