import type { VisibilityName } from "@/lib/api/annotations";

/**
 * One row of the change log (table `change_log`, written only by the triggers
 * of the `replies_and_change_log` migration, in commit order).
 */
export interface ChangeEntry {
  seq: bigint;
  articleId: string;
  articleSlug: string;
  subject: "annotation" | "reply" | "article";
  op: "insert" | "update" | "delete";
  annotationId: string | null;
  replyId: string | null;
  annotationAuthorId: string | null;
  visibilityBefore: VisibilityName | null;
  visibilityAfter: VisibilityName | null;
}

/** Anything that runs a query: a `pg` client or pool. */
export interface Queryable {
  query<Row extends object>(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
}

type ChangeRow = Omit<ChangeEntry, "seq"> & { seq: string };

const COLUMNS = `seq::text AS seq, article_id::text AS "articleId", article_slug AS "articleSlug", subject, op,
  annotation_id::text AS "annotationId", reply_id::text AS "replyId", annotation_author_id::text AS "annotationAuthorId",
  visibility_before::text AS "visibilityBefore", visibility_after::text AS "visibilityAfter"`;

const toEntry = (row: ChangeRow): ChangeEntry => ({ ...row, seq: BigInt(row.seq) });

/**
 * Entries after `seq`, oldest first, at most `limit`; of one article when `articleId` is given. Ordered by the
 * column, not by the `seq` of the select list, which is text (10 would come before 9).
 */
export async function readChangesAfter(
  database: Queryable,
  seq: bigint,
  options: { articleId?: string; limit: number },
): Promise<ChangeEntry[]> {
  const { rows } = options.articleId
    ? await database.query<ChangeRow>(
        `SELECT ${COLUMNS} FROM change_log WHERE article_id = $1::uuid AND seq > $2::bigint ORDER BY change_log.seq LIMIT $3`,
        [options.articleId, seq.toString(), options.limit],
      )
    : await database.query<ChangeRow>(`SELECT ${COLUMNS} FROM change_log WHERE seq > $1::bigint ORDER BY change_log.seq LIMIT $2`, [
        seq.toString(),
        options.limit,
      ]);
  return rows.map(toEntry);
}

/** The newest seq in the log (0 when empty): where a fresh listener starts. */
export async function latestSeq(database: Queryable): Promise<bigint> {
  const { rows } = await database.query<{ seq: string }>("SELECT COALESCE(max(seq), 0)::text AS seq FROM change_log");
  return BigInt(rows[0]?.seq ?? "0");
}

/**
 * Whether every entry after `seq` is still in the log. Pruning deletes the
 * oldest entries; a stream that wants to resume from before them is told to
 * reload instead (a gap in seq from a rolled-back commit may also say no;
 * reloading is always safe).
 */
export async function canResumeFrom(database: Queryable, seq: bigint): Promise<boolean> {
  const { rows } = await database.query<{ oldest: string | null }>("SELECT min(seq)::text AS oldest FROM change_log");
  const oldest = rows[0]?.oldest;
  return oldest === null || oldest === undefined || BigInt(oldest) <= seq + BigInt(1);
}

/** How long entries are kept: a tab asleep longer than this reloads its notes instead of replaying. */
export const CHANGE_LOG_RETENTION_HOURS = 24;

/** Deletes entries older than the retention; returns how many. */
export async function pruneChangeLog(database: Queryable, retentionHours = CHANGE_LOG_RETENTION_HOURS): Promise<number> {
  const { rows } = await database.query<{ count: string }>(
    "WITH pruned AS (DELETE FROM change_log WHERE created_at < now() - make_interval(hours => $1) RETURNING 1) SELECT count(*)::text AS count FROM pruned",
    [retentionHours],
  );
  return Number(rows[0]?.count ?? 0);
}
