import { describeTextRange } from "@/lib/anchoring";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HttpError, notFound } from "@/lib/http/route-handler";
import type { CreateAnnotationData } from "@/lib/validation/annotation-schemas";
import { annotationEditableBy } from "./annotation-access";
import type { AnnotationDto } from "./annotation-dto";
import { annotationDtoSelect, toAnnotationDto } from "./to-annotation-dto";

export interface CreateAnnotationOptions {
  viewer: Viewer;
  /** Already validated by `createAnnotationSchema`. */
  input: CreateAnnotationData;
}

export interface CreateAnnotationResult {
  annotation: AnnotationDto;
  /** False when this was a retry of a create that had already succeeded. */
  created: boolean;
}

// Waiting on a reseed's lock can take a while: longer than Prisma's 5 s default.
const CREATE_TRANSACTION = { maxWait: 5_000, timeout: 15_000 };

function selectorError(field: string, message: string): HttpError {
  return new HttpError(400, "validation", "Some fields are not valid.", { [field]: [message] });
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The row to insert, once the selectors are proven to describe the article's text. */
function annotationData(viewer: Viewer, input: CreateAnnotationData, article: { id: string; text: string }) {
  const { start, end } = input.position;
  if (end > article.text.length) throw selectorError("position.end", "Is past the end of the article.");
  if (article.text.slice(start, end) !== input.quote.exact) {
    throw selectorError("quote.exact", "This text is not at that position in the article. Reload the article and try again.");
  }
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
export async function createAnnotation({ viewer, input }: CreateAnnotationOptions): Promise<CreateAnnotationResult> {
  try {
    const row = await db.$transaction(async (tx) => {
      // FOR SHARE holds off a reseed of this article until the insert commits,
      // so the reseed re-anchors this annotation too; the plain foreign-key
      // check would not (see upsertArticles).
      const [article] = await tx.$queryRaw<{ id: string; text: string }[]>`
        SELECT "id", "text" FROM "articles" WHERE "slug" = ${input.articleSlug} FOR SHARE`;
      if (!article) throw notFound();
      return tx.annotation.create({ data: annotationData(viewer, input, article), select: annotationDtoSelect });
    }, CREATE_TRANSACTION);
    return { annotation: toAnnotationDto({ row, articleSlug: input.articleSlug, viewer }), created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }

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
    throw new HttpError(409, "conflict", "You already have an annotation with this id, with different content.");
  }
  return { annotation: toAnnotationDto({ row: existing, articleSlug: input.articleSlug, viewer }), created: false };
}
