import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, unauthorized } from "@/lib/api/errors";
import { annotationEditableBy } from "@/lib/annotations/annotation-access";
import type { NotebookFilter, NotebookSort } from "@/lib/api/notebook";
import { searchTerms, toPrefixTsQuery } from "./search-terms";

/**
 * The SQL of a reader's notebook: which of their annotations a filter keeps
 * (tables aliased `a` annotations, `ar` articles) and the keyset order of
 * each sort. Keyset, not OFFSET: a page after a cursor stays the same while
 * annotations are added or deleted elsewhere in the list.
 */

/** The reader's own annotations only, by the access rule of annotation-access.ts (fails closed). */
export function notebookOwnerId(viewer: Viewer): string {
  const rule = annotationEditableBy(viewer);
  if (typeof rule.authorId !== "string") throw unauthorized();
  return rule.authorId;
}

/**
 * How a search finds its rows:
 * - "index": one condition on the reader's part of the search index, whose
 *   words carry their author's id (migration `notebook_search_per_reader`).
 *   It matches the owner's annotations only, so it stands for the author
 *   condition too (which would make PostgreSQL intersect it with all of the
 *   reader's rows). Fast for any word, but it reads every match before
 *   sorting them: a word in thousands of the reader's notes costs thousands
 *   of rows.
 * - "recent": the reader's rows in the sort's order (the author index),
 *   tested one by one against the plain search vector, among the newest (or
 *   oldest) `window` after the cursor only (search-statistics.ts sizes it:
 *   about four pages of matches by PostgreSQL's estimate). The scan stops as
 *   soon as the page is full, so a common word costs a few hundred rows
 *   whatever the window; a word that does not fill the page there costs the
 *   whole window, and then listNotebookRows asks the index.
 */
export type SearchPlan = { kind: "index" } | { kind: "recent"; window: number };

const INDEX_PLAN: SearchPlan = { kind: "index" };

function ownedSql(ownerId: string, filter: NotebookFilter, plan: SearchPlan): Prisma.Sql {
  const terms = searchTerms(filter.q);
  const author = Prisma.sql`a.author_id = ${ownerId}::uuid`;
  if (terms.length === 0) return author;
  const query = Prisma.sql`to_tsquery('gloss_search', ${toPrefixTsQuery(terms)})`;
  if (plan.kind === "recent") return Prisma.sql`${author} AND a.search_vector @@ ${query}`;
  return Prisma.sql`gloss_owned_search_vector(a.author_id, a.search_vector) @@ gloss_owned_search_query(${ownerId}::uuid, ${query})`;
}

/** The rows a page is read from, aliased `a`: all annotations, or for the "recent" plan the reader's window after the cursor. */
export function notebookRowsSql(ownerId: string, filter: NotebookFilter, cursor: string | undefined, plan: SearchPlan): Prisma.Sql {
  if (plan.kind === "index") return Prisma.sql`annotations a`;
  return Prisma.sql`(SELECT a.* FROM annotations a
                      WHERE a.author_id = ${ownerId}::uuid AND ${afterCursorSql(filter.sort, cursor)}
                      ORDER BY ${orderBySql(filter.sort)} LIMIT ${plan.window}) a`;
}

export function notebookWhereSql(ownerId: string, filter: NotebookFilter, plan: SearchPlan = INDEX_PLAN): Prisma.Sql {
  const conditions: Prisma.Sql[] = [ownedSql(ownerId, filter, plan)];
  // The annotation's own copy of its tag names (kept by triggers): read on the rows at hand, no join.
  if (filter.tag !== undefined) conditions.push(Prisma.sql`a.tags @> ARRAY[${filter.tag}]::text[]`);
  if (filter.color !== undefined) conditions.push(Prisma.sql`a.color = ${filter.color}::"HighlightColor"`);
  if (filter.visibility !== undefined) conditions.push(Prisma.sql`a.visibility = ${filter.visibility}::"Visibility"`);
  if (filter.article !== undefined) conditions.push(Prisma.sql`ar.slug = ${filter.article}`);
  if (filter.hasNote !== undefined) conditions.push(filter.hasNote ? Prisma.sql`a.note IS NOT NULL` : Prisma.sql`a.note IS NULL`);
  return Prisma.join(conditions, " AND ");
}

// Detached annotations have no start; in article order they come after the placed ones.
const START_OR_LAST = Prisma.sql`COALESCE(a.start, 2147483647)`;

/** Each sort's key: the columns (and their cursor types) that order the list, ending in the unique id. */
const SORT_KEYS = {
  newest: { direction: "DESC", columns: [Prisma.sql`a.created_at`, Prisma.sql`a.id`], casts: ["timestamptz", "uuid"] },
  oldest: { direction: "ASC", columns: [Prisma.sql`a.created_at`, Prisma.sql`a.id`], casts: ["timestamptz", "uuid"] },
  article: {
    direction: "ASC",
    columns: [Prisma.sql`ar.title`, Prisma.sql`ar.id`, START_OR_LAST, Prisma.sql`a.id`],
    casts: ["text", "uuid", "integer", "uuid"],
  },
} as const satisfies Record<NotebookSort, { direction: "ASC" | "DESC"; columns: Prisma.Sql[]; casts: string[] }>;

/**
 * The sort key of a row as text values, selected as `"sortKey"` (so the next
 * page's cursor can be built); NULL in date order, whose key the entry's JSON
 * already holds (pageEndKey): formatting it again for every row cost
 * PostgreSQL ~0.3 ms per page of 31.
 */
export function sortKeySql(sort: NotebookSort): Prisma.Sql {
  if (sort !== "article") return Prisma.sql`NULL::text[]`;
  return Prisma.sql`ARRAY[${Prisma.join(SORT_KEYS.article.columns.map((column) => Prisma.sql`${column}::text`))}]`;
}

/** The sort key of a page's last row: its selected `"sortKey"`, or in date order its entry's `createdAt` (the same format) and `id`. */
export function pageEndKey(row: { json: string; sortKey: string[] | null }): string[] {
  if (row.sortKey) return row.sortKey;
  const { createdAt, id } = JSON.parse(row.json) as { createdAt: string; id: string };
  return [createdAt, id];
}

export function orderBySql(sort: NotebookSort): Prisma.Sql {
  const { direction, columns } = SORT_KEYS[sort];
  return Prisma.join(columns.map((column) => Prisma.sql`${column} ${Prisma.raw(direction)}`));
}

// What each cast accepts, checked before PostgreSQL sees it: a forged cursor is a 400, never a 500.
const CURSOR_VALUE: Record<string, RegExp> = {
  timestamptz: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  integer: /^-?\d{1,10}$/,
  text: /^[^\u0000]*$/,
};

const cursorSchema = z.array(z.string().max(400)).min(2).max(4);

export function encodeCursor(sortKey: string[]): string {
  return Buffer.from(JSON.stringify(sortKey)).toString("base64url");
}

const badCursor = () => new AppError("validation", "Some fields are not valid.", { cursor: ["Not a cursor of this list. Start from the first page."] });

/** `(key) < (cursor)` (or `>` ascending), so the page starts right after the cursor's row. */
export function afterCursorSql(sort: NotebookSort, cursor: string | undefined): Prisma.Sql {
  if (cursor === undefined) return Prisma.sql`true`;
  let values: string[];
  try {
    values = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw badCursor();
  }
  const { direction, columns, casts } = SORT_KEYS[sort];
  const fits = (value: string, index: number) => value.isWellFormed() && CURSOR_VALUE[casts[index]!]!.test(value);
  if (values.length !== columns.length || !values.every(fits)) throw badCursor();
  const cursorRow = values.map((value, index) => Prisma.sql`${value}::${Prisma.raw(casts[index]!)}`);
  const operator = Prisma.raw(direction === "DESC" ? "<" : ">");
  return Prisma.sql`(${Prisma.join(columns)}) ${operator} (${Prisma.join(cursorRow)})`;
}
