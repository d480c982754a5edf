import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { reanchorArticleAnnotations } from "@/lib/annotations/reanchor-article-annotations";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canonicalText, type ParsedArticle } from "./article-model";
import { countWords, excerpt } from "./article-stats";
import { loadSeedDirectory } from "./parse-seed-file";

export interface SeedResult {
  created: string[];
  updated: string[];
  unchanged: string[];
}

export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The stored columns of an article's content (seeded or imported). */
export function toRow(article: ParsedArticle) {
  const text = canonicalText(article.blocks);
  return {
    slug: article.slug,
    title: article.title,
    byline: article.byline,
    credit: article.credit,
    source: article.source,
    language: article.language,
    direction: article.direction,
    publishedAt: article.publishedAt,
    blocks: article.blocks as unknown as Prisma.InputJsonValue,
    text,
    textHash: hashText(text),
    wordCount: countWords(text, article.language),
    excerpt: excerpt(article.blocks),
  };
}

type ArticleRow = ReturnType<typeof toRow>;

function sameContent(existing: ArticleRow, next: ArticleRow): boolean {
  return (
    existing.textHash === next.textHash &&
    existing.title === next.title &&
    existing.byline === next.byline &&
    existing.credit === next.credit &&
    existing.source === next.source &&
    existing.language === next.language &&
    existing.direction === next.direction &&
    existing.publishedAt?.getTime() === next.publishedAt?.getTime() &&
    // PostgreSQL's jsonb reorders object keys, so compare structure, not JSON text.
    isDeepStrictEqual(existing.blocks, next.blocks)
  );
}

/**
 * Upserts parsed articles by slug in one transaction: all or nothing, and an
 * unchanged article is not written at all (so a second run is a no-op).
 * When an article's text changes, its annotations are re-anchored in the same
 * transaction.
 */
export async function upsertArticles(articles: ParsedArticle[]): Promise<SeedResult> {
  const result: SeedResult = { created: [], updated: [], unchanged: [] };
  const rows = articles.map(toRow);
  await db.$transaction(
    async (tx) => {
      // Only the library's own articles: a slug taken by an import is never overwritten (create then fails).
      const existing = await tx.article.findMany({ where: { slug: { in: rows.map((row) => row.slug) }, ownerId: null } });
      const bySlug = new Map(existing.map((article) => [article.slug, article]));
      for (const row of rows) {
        const current = bySlug.get(row.slug);
        if (!current) {
          await tx.article.create({ data: row });
          result.created.push(row.slug);
        } else if (sameContent({ ...current, blocks: current.blocks as unknown as Prisma.InputJsonValue }, row)) {
          result.unchanged.push(row.slug);
        } else {
          // Updating first locks the row: a create running now waits for this
          // commit and checks its selectors against the new text (see createAnnotation).
          await tx.article.update({ where: { id: current.id }, data: row });
          if (current.textHash !== row.textHash) {
            await reanchorArticleAnnotations({ tx, articleId: current.id, oldText: current.text, newText: row.text });
          }
          result.updated.push(row.slug);
        }
      }
    },
    { timeout: 60_000 },
  );
  return result;
}

export async function seedArticlesFromDirectory(dir: string): Promise<SeedResult> {
  return upsertArticles(await loadSeedDirectory(dir));
}
