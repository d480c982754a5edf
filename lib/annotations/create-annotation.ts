import { LRUCache } from "lru-cache";
import { describeTextRange } from "@/lib/anchoring";
import { articleReadableBy, articleReadableSql } from "@/lib/articles/article-access";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { HighlightColor, Visibility } from "@/lib/generated/prisma/client";
import type { AnnotationDto, CreateAnnotationData } from "@/lib/api/annotations";
import { AppError, invalidField, notFound } from "@/lib/api/errors";
import { liveHub } from "@/lib/live/live-hub";
import { annotationEditableBy } from "./annotation-access";
import { annotationDtoSelect, toAnnotationDto, type AnnotationDtoRow } from "./to-annotation-dto";

export interface CreateAnnotationOptions {
  viewer: Viewer;
  /** Already validated by `createAnnotationSchema`. */
  input: CreateAnnotationData;
  /** `performance.now()` when the request arrived (default: now); see `insertAnnotation`. */
  receivedAt?: number;
}

export interface CreateAnnotationResult {
  annotation: AnnotationDto;
  /** False when this was a retry of a create that had already succeeded. */
  created: boolean;
}

interface ArticleText {
  id: string;
  text: string;
  textHash: string;
}

/**
 * Articles' canonical text by slug, so that checking a create's selectors
 * does not read the whole text from the database each time. An entry may be
 * stale (a reseed on any server); the insert only succeeds while the article
 * still has the text hash the selectors were checked against.
 */
const articleTexts = new LRUCache<string, ArticleText>({
  maxSize: 32 * 1024 * 1024,
  sizeCalculation: (article) => 2 * article.text.length + 256,
});
// A reseed on any instance: forget the old text rather than fail the next create against it.
liveHub().onArticleChanged((slug) => articleTexts.delete(slug));

async function readArticleText(slug: string, viewer: Viewer): Promise<ArticleText | undefined> {
  const article = await db.article.findFirst({ where: { slug, AND: [articleReadableBy(viewer)] }, select: { id: true, text: true, textHash: true } });
  if (article) articleTexts.set(slug, article);
  else articleTexts.delete(slug);
  return article ?? undefined;
}

/** Why the selectors do not describe the article's text, or null if they do. */
function selectorError(input: CreateAnnotationData, article: ArticleText): AppError | null {
  const { start, end } = input.position;
  if (end > article.text.length) return invalidField("position.end", "Is past the end of the article.");
  if (article.text.slice(start, end) !== input.quote.exact) {
    return invalidField("quote.exact", "This text is not at that position in the article. Reload the article and try again.");
  }
  return null;
}

/** The row to insert, once `selectorError` has found nothing wrong. */
function annotationData(viewer: Viewer, input: CreateAnnotationData, article: ArticleText) {
  const { start, end } = input.position;
  const { quote } = describeTextRange(article.text, start, end);
  return {
    id: input.id,
    articleId: article.id,
    authorId: viewer.id,
    color: input.color,
    note: input.note,
    exact: quote.exact,
    prefix: quote.prefix ?? "",
    suffix: quote.suffix ?? "",
    start,
    end,
  };
}

/**
 * Creates a highlight (with an optional note) on an article, private to its
 * author at first.
 *
 * The client's selectors must describe the article's canonical text exactly:
 * the quote has to be at the given position. The context (prefix/suffix) is
 * recomputed from the text rather than trusted, since the server holds the
 * text and a client's context could only be stale or wrong.
 *
 * Idempotent on the client-chosen id: sending the same create again (a retry
 * after a lost response, or two racing requests) returns the one annotation
 * with `created: false`. The same id with different content is a 409; an id
 * that belongs to someone else is a 404, exactly as if it did not exist, so
 * the endpoint cannot be used to probe for others' annotations.
 */
export async function createAnnotation({ viewer, input, receivedAt = performance.now() }: CreateAnnotationOptions): Promise<CreateAnnotationResult> {
  // A remembered text may be stale: when the selectors do not fit it, or the
  // insert finds that the article has changed, the text is read again.
  let outcome: InsertOutcome = { kind: "text-changed" };
  const remembered = articleTexts.get(input.articleSlug);
  if (remembered && !selectorError(input, remembered)) {
    outcome = await insertAnnotation(viewer, annotationData(viewer, input, remembered), remembered.textHash, receivedAt);
  }
  if (outcome.kind === "text-changed") {
    const article = await readArticleText(input.articleSlug, viewer);
    if (!article) throw notFound();
    const error = selectorError(input, article);
    if (error) throw error;
    outcome = await insertAnnotation(viewer, annotationData(viewer, input, article), article.textHash, receivedAt);
    // A reseed committed between the read and the insert.
    if (outcome.kind === "text-changed") throw new AppError("conflict", "The article changed just now. Reload it and try again.");
  }
  if (outcome.kind === "created") return { annotation: toAnnotationDto({ row: outcome.row, articleSlug: input.articleSlug, viewer }), created: true };

  // The id exists: a retry (or a concurrent twin) of this very create, or a clash.
  const existing = await db.annotation.findFirst({
    where: { id: input.id, AND: [annotationEditableBy(viewer)] },
    select: { ...annotationDtoSelect, article: { select: { slug: true } } },
  });
  if (!existing) throw notFound();
  const sameContent =
    existing.article.slug === input.articleSlug &&
    existing.color === input.color &&
    existing.note === input.note &&
    existing.exact === input.quote.exact &&
    existing.start === input.position.start &&
    existing.end === input.position.end;
  if (!sameContent) {
    throw new AppError("conflict", "You already have an annotation with this id, with different content.");
  }
  return { annotation: toAnnotationDto({ row: existing, articleSlug: input.articleSlug, viewer }), created: false };
}

type InsertOutcome = { kind: "created"; row: AnnotationDtoRow } | { kind: "id-taken" } | { kind: "text-changed" };

interface InsertedRow {
  textCurrent: boolean;
  id: string | null;
  color: HighlightColor;
  note: string | null;
  visibility: Visibility;
  exact: string;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  authorId: string;
  authorName: string;
  tags: string[];
}

/**
 * One statement, so a create holds no transaction open across round trips.
 * FOR SHARE on the article holds off a reseed until the insert commits (so the
 * reseed re-anchors this annotation too; the plain foreign-key check would
 * not, see upsertArticles), and a reseed that committed first changed the text
 * hash, so nothing is inserted against the old text. An id already taken
 * inserts nothing either; the caller tells a retry from a clash. An article
 * the viewer may not read (made private since its text was remembered) is
 * no article: the caller reads it again and answers 404.
 *
 * Nor does an id deleted after this request arrived (annotation_tombstones):
 * a create whose answer was lost, still on its way while the client's retry
 * succeeded and a delete followed, must not bring the annotation back. The
 * request's arrival is put in the database's clock as statement time minus
 * the milliseconds it has been in flight, so no clocks need agree. A create
 * made after the delete (Undo) arrived later and goes through.
 */
async function insertAnnotation(viewer: Viewer, data: ReturnType<typeof annotationData>, textHash: string, receivedAt: number): Promise<InsertOutcome> {
  const inFlightMs = Math.max(0, performance.now() - receivedAt);
  const [row] = await db.$queryRaw<InsertedRow[]>`
    WITH article AS (
      SELECT id FROM articles
       WHERE id = ${data.articleId}::uuid AND text_hash = ${textHash} AND ${articleReadableSql(viewer, "articles")}
         FOR SHARE
    ), inserted AS (
      INSERT INTO annotations (id, article_id, author_id, color, note, exact, prefix, suffix, start, "end", updated_at)
      SELECT ${data.id}::uuid, article.id, ${data.authorId}::uuid, ${data.color}::"HighlightColor", ${data.note}, ${data.exact},
             ${data.prefix}, ${data.suffix}, ${data.start}, ${data.end}, CURRENT_TIMESTAMP
        FROM article
       WHERE NOT EXISTS (SELECT 1 FROM annotation_tombstones t
                          WHERE t.id = ${data.id}::uuid AND t.deleted_at > statement_timestamp() - ${inFlightMs}::float8 * interval '1 millisecond')
      ON CONFLICT (id) DO NOTHING
      RETURNING *
    )
    SELECT EXISTS (SELECT 1 FROM article) AS "textCurrent",
           inserted.id::text AS id, inserted.color, inserted.note, inserted.visibility, inserted.exact, inserted.prefix, inserted.suffix,
           inserted.start, inserted."end", inserted.created_at AS "createdAt", inserted.updated_at AS "updatedAt", inserted.version,
           inserted.author_id::text AS "authorId", u.name AS "authorName", inserted.tags
      FROM (SELECT 1) AS always
      LEFT JOIN inserted ON true
      LEFT JOIN users u ON u.id = inserted.author_id`;
  if (!row?.textCurrent) return { kind: "text-changed" };
  if (row.id === null) return { kind: "id-taken" };
  const { id, color, note, visibility, exact, prefix, suffix, start, end, createdAt, updatedAt, version, authorId, authorName, tags } = row;
  // A new annotation has no replies yet.
  return {
    kind: "created",
    row: { id, color, note, visibility, exact, prefix, suffix, start, end, createdAt, updatedAt, version, authorId, tags, author: { name: authorName }, _count: { replies: 0 } },
  };
}
