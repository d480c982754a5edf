import { annotationDtoJsonSql } from "@/lib/annotations/annotation-json-sql";
import type { Viewer } from "@/lib/auth/viewer";
import { db, readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NotebookFilter } from "@/lib/api/notebook";
import type { NotebookEntry } from "@/lib/api/notebook";
import {
  afterCursorSql,
  encodeCursor,
  notebookOwnerId,
  notebookRowsSql,
  notebookWhereSql,
  orderBySql,
  pageEndKey,
  sortKeySql,
  type SearchPlan,
} from "./notebook-sql";
import { recentSearchWindow, searchStatistics } from "./search-statistics";
import { searchTerms } from "./search-terms";

export interface NotebookRowsOptions {
  viewer: Viewer;
  filter: NotebookFilter;
  cursor?: string;
  limit: number;
}

export interface NotebookRows {
  /** Each entry as JSON text (NotebookEntry), built by PostgreSQL. */
  json: string[];
  nextCursor: string | null;
}

type PageRow = { json: string; sortKey: string[] | null };

/**
 * Up to `limit + 1` rows of a page, read by `plan` (notebook-sql.ts). One
 * statement; the JSON comes from PostgreSQL, built once as text. Sent through
 * readRows (the notebook's hot read). Every row is the reader's own, so
 * `users` is joined on the reader's id: one row PostgreSQL finds before the
 * scan (joined on `a.author_id`, the index plan, which has no author
 * condition of its own, hashed the whole users table).
 */
function readPage({ viewer, filter, cursor, limit }: NotebookRowsOptions, plan: SearchPlan): Promise<PageRow[]> {
  const ownerId = notebookOwnerId(viewer);
  const article = Prisma.sql`'article', json_build_object('slug', ar.slug, 'title', ar.title, 'byline', ar.byline)`;
  return readRows<PageRow>(Prisma.sql`
    SELECT ${annotationDtoJsonSql(viewer, article)}::text AS json,
           ${sortKeySql(filter.sort)} AS "sortKey"
      FROM ${notebookRowsSql(ownerId, filter, cursor, plan)}
      JOIN articles ar ON ar.id = a.article_id
      JOIN users u ON u.id = ${ownerId}::uuid
     WHERE ${notebookWhereSql(ownerId, filter, plan)} AND ${afterCursorSql(filter.sort, cursor)}
     ORDER BY ${orderBySql(filter.sort)}
     LIMIT ${limit + 1}`);
}

/**
 * One page of the viewer's own annotations under a filter, in the filter's
 * sort, after `cursor`. A search in date order first looks among the
 * reader's next rows when PostgreSQL's statistics expect a page there (a
 * common word; search-statistics.ts sizes that window), and asks the search
 * index when they do not fill it, or at once for rarer words. Two statements then, on purpose:
 * one statement holding both (the index's part behind a one-time condition
 * on the window's count) was measured slower for a common word, 8.2 ms
 * against 6.2, as PostgreSQL plans the index's part even when it does not
 * run it (and only 0.7 ms faster for a rare one).
 */
export async function listNotebookRows(options: NotebookRowsOptions): Promise<NotebookRows> {
  const { viewer, filter, limit } = options;
  const terms = searchTerms(filter.q);
  const window =
    terms.length > 0 && filter.sort !== "article" ? recentSearchWindow(await searchStatistics(), notebookOwnerId(viewer), terms, limit + 1) : null;
  let rows = window !== null && limit < window ? await readPage(options, { kind: "recent", window }) : [];
  if (rows.length <= limit) rows = await readPage(options, { kind: "index" });
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { json: page.map((row) => row.json), nextCursor: more ? encodeCursor(pageEndKey(page.at(-1)!)) : null };
}

/** The body of GET /api/annotations (a NotebookPage), passed through as text. */
export async function notebookPageBody(options: NotebookRowsOptions): Promise<string> {
  const { json, nextCursor } = await listNotebookRows(options);
  return `{"annotations":[${json.join(",")}],"nextCursor":${JSON.stringify(nextCursor)}}`;
}

/** Every entry under a filter, a page at a time (memory stays bounded whatever the count). */
export async function* notebookEntries(viewer: Viewer, filter: NotebookFilter, batchSize = 2000): AsyncGenerator<NotebookEntry> {
  let cursor: string | undefined;
  do {
    const page = await listNotebookRows({ viewer, filter, cursor, limit: batchSize });
    for (const json of page.json) yield JSON.parse(json) as NotebookEntry;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

/**
 * The articles the viewer has annotated, by title: the notebook's article
 * filter. One probe of the (article, author) index per article, never a pass
 * over the reader's annotations.
 */
export async function listNotebookArticles(viewer: Viewer): Promise<Array<{ slug: string; title: string }>> {
  return db.$queryRaw<Array<{ slug: string; title: string }>>`
    SELECT ar.slug, ar.title
      FROM articles ar
     WHERE EXISTS (SELECT 1 FROM annotations a WHERE a.article_id = ar.id AND a.author_id = ${notebookOwnerId(viewer)}::uuid)
     ORDER BY ar.title, ar.slug`;
}

/** How many entries a filter keeps (the W3C collection's `total`). */
export async function countNotebookEntries(viewer: Viewer, filter: NotebookFilter): Promise<number> {
  const [row] = await db.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total
      FROM annotations a JOIN articles ar ON ar.id = a.article_id
     WHERE ${notebookWhereSql(notebookOwnerId(viewer), filter)}`;
  return row?.total ?? 0;
}

