import { LRUCache } from "lru-cache";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { annotationListedToSql, articleListableSql } from "./annotation-access";
import type { AnnotationDto, ArticleAnnotationsResponse } from "@/lib/api/annotations";
import { annotationDtoJsonSql } from "./annotation-json-sql";

export interface ListArticleAnnotationsOptions {
  viewer: Viewer | null;
  slug: string;
}

/**
 * A list's response body as built at one version of its article's annotations, without its
 * opening `{"lastEventId":"…",`: the position is read afresh by every request (see `withPosition`).
 */
interface CachedList {
  articleId: string;
  version: string;
  rest: Uint8Array<ArrayBuffer>;
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
  sizeCalculation: (entry) => entry.rest.byteLength + 256,
});

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

function cacheKey({ viewer, slug }: ListArticleAnnotationsOptions): string {
  return `${slug}\u0000${viewer?.id ?? ""}`;
}

/**
 * The newest change-log seq, read in the statement (so the snapshot) of the list or version it
 * goes with. Seqs are handed out in commit order under one lock (the `replies_and_change_log`
 * migration), so every change up to it is in that snapshot and every later one is still in
 * the log for the event stream to replay. Never the sequence's last_value: that may name a
 * change not yet committed, which the list would lack and the stream would then skip.
 */
const LAST_EVENT_ID_SQL = Prisma.sql`(SELECT COALESCE(max(seq), 0) FROM change_log)::text AS "lastEventId"`;

/** The article's id and annotations version, and the log's position: one indexed read each, a fraction of building the list. */
async function readVersion({ viewer, slug }: ListArticleAnnotationsOptions): Promise<{ articleId: string; version: string; lastEventId: string } | undefined> {
  const [row] = await db.$queryRaw<{ articleId: string; version: string; lastEventId: string }[]>`
    SELECT ar.id::text AS "articleId", COALESCE(v.version, 0)::text AS version, ${LAST_EVENT_ID_SQL}
      FROM articles ar LEFT JOIN article_annotations_versions v ON v.article_id = ar.id
     WHERE ar.slug = ${slug} AND ${articleListableSql(viewer)}`;
  return row;
}

/**
 * Builds the list in PostgreSQL, which Node passes through as text (no Prisma
 * relation queries, no row-by-row conversion and re-serialisation; see
 * BENCHMARKS.md), with the version and log position it reflects: all from one snapshot.
 */
async function buildList({
  viewer,
  slug,
}: ListArticleAnnotationsOptions): Promise<{ articleId: string; version: string; lastEventId: string; json: string } | undefined> {
  const [row] = await db.$queryRaw<{ articleId: string; version: string; lastEventId: string; json: string }[]>`
    SELECT ar.id::text AS "articleId",
           COALESCE(v.version, 0)::text AS version,
           ${LAST_EVENT_ID_SQL},
           COALESCE((
             SELECT json_agg(${annotationDtoJsonSql(viewer)}
                    ORDER BY a.start ASC NULLS LAST, a."end" ASC, a.created_at ASC, a.id ASC)
               FROM annotations a
               JOIN users u ON u.id = a.author_id
              WHERE a.article_id = ar.id AND ${annotationListedToSql(viewer)}
           ), '[]'::json)::text AS json
      FROM articles ar
      LEFT JOIN article_annotations_versions v ON v.article_id = ar.id
     WHERE ar.slug = ${slug} AND ${articleListableSql(viewer)}`;
  return row;
}

/**
 * The body of GET /api/articles/{slug}/annotations (ArticleAnnotationsResponse)
 * as UTF-8: the annotations of an article that `viewer` may see listed (their
 * own and public ones) in reading order with detached ones last, and the
 * change-log seq they reflect (`lastEventId`, where the page's event stream
 * starts); null if there is no such article or the viewer may not read it.
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
    const current = await readVersion(options);
    if (current?.articleId === cached.articleId && current.version === cached.version) return withPosition(current.lastEventId, cached.rest);
  }
  const built = await buildList(options);
  if (!built) {
    cachedLists.delete(key);
    return null;
  }
  const rest = utf8.encode(`"annotations":${built.json}}`);
  cachedLists.set(key, { articleId: built.articleId, version: built.version, rest });
  return withPosition(built.lastEventId, rest);
}

/** The body: this request's log position, then the list's bytes as encoded once (one copy, no re-encoding). */
function withPosition(lastEventId: string, rest: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const prefix = utf8.encode(`{"lastEventId":"${lastEventId}",`);
  const body = new Uint8Array(prefix.byteLength + rest.byteLength);
  body.set(prefix);
  body.set(rest, prefix.byteLength);
  return body;
}

/** The same list as objects (for server code that needs them rather than the response body). */
export async function listArticleAnnotations(options: ListArticleAnnotationsOptions): Promise<AnnotationDto[] | null> {
  const body = await listArticleAnnotationsBody(options);
  return body === null ? null : (JSON.parse(fromUtf8.decode(body)) as ArticleAnnotationsResponse).annotations;
}
