/**
 * Test data for the annotation integration tests: real rows in the test
 * database, unique per call so test files never trip over each other or the
 * seeded articles.
 */
import { randomUUID } from "node:crypto";
import type { ParsedArticle } from "@/lib/articles/article-model";
import { upsertArticles } from "@/lib/articles/seed-articles";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { HighlightColor, Visibility } from "@/lib/generated/prisma/client";
import type { CreateAnnotationData } from "@/lib/api/annotations";
import { AppError } from "@/lib/api/errors";

const run = randomUUID().slice(0, 8);
let counter = 0;
const unique = (name: string) => `${name}-${run}-${++counter}`;

export async function createTestUser(name = "Test Reader"): Promise<Viewer> {
  const user = await db.user.create({
    data: { email: `${unique("reader")}@example.test`, name, passwordHash: "not-a-real-hash" },
  });
  return { id: user.id, name: user.name, email: user.email };
}

export function parsedArticle(slug: string, paragraphs: string[]): ParsedArticle {
  return {
    slug,
    title: `Test article ${slug}`,
    byline: null,
    credit: null,
    source: null,
    language: "en",
    direction: "ltr",
    publishedAt: null,
    blocks: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
  };
}

export interface TestArticle {
  id: string;
  slug: string;
  text: string;
}

/** Stores an article through the real seeding path; `paragraphs` become its canonical text joined by "\n\n". */
export async function createTestArticle(paragraphs: string[], slug = unique("article")): Promise<TestArticle> {
  await upsertArticles([parsedArticle(slug, paragraphs)]);
  const { id, text } = await db.article.findUniqueOrThrow({ where: { slug }, select: { id: true, text: true } });
  return { id, slug, text };
}

/** Replaces an article's paragraphs through the seeding path (which re-anchors its annotations). */
export async function reviseTestArticle(article: TestArticle, paragraphs: string[]): Promise<TestArticle> {
  await upsertArticles([parsedArticle(article.slug, paragraphs)]);
  const { text } = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { text: true } });
  return { ...article, text };
}

/** A valid create request for the `occurrence`-th appearance of `exact` in the article. */
export function createInput(
  article: TestArticle,
  exact: string,
  overrides: Partial<CreateAnnotationData> & { occurrence?: number } = {},
): CreateAnnotationData {
  const { occurrence = 0, ...rest } = overrides;
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = article.text.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`"${exact}" is not in the test article`);
  return {
    id: randomUUID(),
    articleSlug: article.slug,
    color: "yellow",
    note: null,
    quote: { exact, prefix: "", suffix: "" },
    position: { start, end: start + exact.length },
    ...rest,
  };
}

/** Inserts an annotation row directly (no validation), e.g. with a given visibility. */
export async function insertTestAnnotation(options: {
  article: TestArticle;
  author: Viewer;
  exact: string;
  visibility?: Visibility;
  note?: string | null;
  color?: HighlightColor;
}): Promise<string> {
  const input = createInput(options.article, options.exact);
  const { start, end } = input.position;
  const text = options.article.text;
  const row = await db.annotation.create({
    data: {
      id: input.id,
      articleId: options.article.id,
      authorId: options.author.id,
      color: options.color ?? "yellow",
      note: options.note ?? null,
      visibility: options.visibility ?? "private",
      exact: options.exact,
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
      start,
      end,
    },
  });
  return row.id;
}

/** The AppError `promise` rejects with; anything else (or resolving) fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`Expected an AppError, got ${String(error)}`);
  return error;
}
