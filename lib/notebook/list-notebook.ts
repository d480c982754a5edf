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
  RECENT_SEARCH_WINDOW,
  sortColumnsOrderSql,
  sortColumnsSql,
  sortKeySql,
  type SearchPlan,
} from "./notebook-sql";
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

type PageRow = { json: string; sortKey: string[] };

/**
 * Up to `limit + 1` rows of a page, read by `plan` (notebook-sql.ts): each
 * entry's JSON (built by PostgreSQL), its sort key as text, and the sort's
 * columns as `k0`, `k1`, … (sortColumnsSql).
 */
function pageSql({ viewer, filter, cursor, limit }: NotebookRowsOptions, plan: SearchPlan): Prisma.Sql {
  const ownerId = notebookOwnerId(viewer);
  return Prisma.sql`
    SELECT (${annotationDtoJsonSql(viewer)}::jsonb
              || jsonb_build_object('article', json_build_object('slug', ar.slug, 'title', ar.title, 'byline', ar.byline)))::text AS json,
           ${sortKeySql(filter.sort)} AS "sortKey", ${sortColumnsSql(filter.sort)}
      FROM ${notebookRowsSql(ownerId, filter, cursor, plan)}
      JOIN articles ar ON ar.id = a.article_id
      JOIN users u ON u.id = a.author_id
     WHERE ${notebookWhereSql(ownerId, filter, plan)} AND ${afterCursorSql(filter.sort, cursor)}
     ORDER BY ${orderBySql(filter.sort)}
     LIMIT ${limit + 1}`;
}

/**
 * A search in date order, in one statement: the page among the reader's
 * recent rows when they fill it, else the page from the search index. The
 * index's branch sits behind a condition on the first one's count that
 * PostgreSQL checks once, so it runs only when the recent rows fell short.
 */
function recentThenIndexSql(options: NotebookRowsOptions): Prisma.Sql {
  const { filter, limit } = options;
  return Prisma.sql`
    WITH recent AS MATERIALIZED (${pageSql(options, "recent")})
    SELECT page.json, page."sortKey" FROM (
      SELECT * FROM recent WHERE (SELECT count(*) FROM recent) > ${limit}
      UNION ALL
      SELECT * FROM (${pageSql(options, "index")}) found WHERE (SELECT count(*) FROM recent) <= ${limit}
    ) page
    ORDER BY ${sortColumnsOrderSql(filter.sort)}`;
}

/**
 * One page of the viewer's own annotations under a filter, in the filter's
 * sort, after `cursor`; one statement. A search in date order first looks
 * among the reader's next rows (a common word fills the page there), and
 * asks the search index only when they do not fill it.
 */
export async function listNotebookRows(options: NotebookRowsOptions): Promise<NotebookRows> {
  const { filter, limit } = options;
  const searchesByDate = searchTerms(filter.q).length > 0 && filter.sort !== "article" && limit < RECENT_SEARCH_WINDOW;
  const rows = await readRows<PageRow>(searchesByDate ? recentThenIndexSql(options) : pageSql(options, "index"));
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { json: page.map((row) => row.json), nextCursor: more ? encodeCursor(page.at(-1)!.sortKey) : null };
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

