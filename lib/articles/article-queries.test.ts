import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ParsedArticle } from "./article-model";
import { getArticleBySlug } from "./get-article-by-slug";
import { listArticles } from "./list-articles";
import { upsertArticles } from "./seed-articles";

// Unique slugs per run: the test database may also hold the seeded articles.
const run = randomUUID().slice(0, 8);
const slug = (name: string) => `${name}-${run}`;

function article(name: string, publishedAt: Date | null, words = 10): ParsedArticle {
  return {
    slug: slug(name),
    title: `Title ${name} ${run}`,
    byline: name === "dated-new" ? "A. Writer" : null,
    credit: "RND/AP",
    source: "RND",
    language: "en",
    direction: "ltr",
    publishedAt,
    blocks: [
      { type: "heading", level: 2, content: [{ type: "text", text: "Heading" }] },
      { type: "paragraph", content: [{ type: "text", text: Array.from({ length: words }, () => "word").join(" ") }] },
    ],
  };
}

const articles = [
  article("undated-b", null),
  article("dated-old", new Date("2024-01-02T00:00:00Z")),
  article("undated-a", null),
  article("dated-new", new Date("2025-06-01T00:00:00Z"), 1000),
];
await upsertArticles(articles);

afterAll(async () => {
  await db.article.deleteMany({ where: { slug: { in: articles.map((a) => a.slug) } } });
});

describe("listArticles", () => {
  it("lists newest first, then undated articles by title", async () => {
    const ours = (await listArticles()).filter((a) => a.slug.endsWith(run));
    expect(ours.map((a) => a.slug)).toEqual([slug("dated-new"), slug("dated-old"), slug("undated-a"), slug("undated-b")]);
  });

  it("gives what a library card shows, with reading time from the word count", async () => {
    const newest = (await listArticles()).find((a) => a.slug === slug("dated-new"));
    expect(newest).toEqual({
      slug: slug("dated-new"),
      title: `Title dated-new ${run}`,
      byline: "A. Writer",
      credit: "RND/AP",
      source: "RND",
      language: "en",
      direction: "ltr",
      publishedAt: new Date("2025-06-01T00:00:00Z"),
      excerpt: expect.stringMatching(/^word word .+…$/),
      readingMinutes: 4, // 1001 words ("Heading" too) at 230 words a minute
      addedBy: null,
      isPrivate: false,
    });
  });
});

describe("getArticleBySlug", () => {
  it("returns the article with its blocks narrowed from JSON", async () => {
    const found = await getArticleBySlug({ slug: slug("dated-old") });
    expect(found).toMatchObject({
      slug: slug("dated-old"),
      title: `Title dated-old ${run}`,
      credit: "RND/AP",
      publishedAt: new Date("2024-01-02T00:00:00Z"),
      readingMinutes: 1,
      blocks: articles[1]?.blocks,
    });
  });

  it("returns null for an unknown slug and for anything that cannot be a slug", async () => {
    expect(await getArticleBySlug({ slug: slug("missing") })).toBeNull();
    expect(await getArticleBySlug({ slug: "../etc/passwd" })).toBeNull();
    expect(await getArticleBySlug({ slug: "Upper-Case" })).toBeNull();
  });

  it("refuses to return blocks that are not valid article blocks", async () => {
    const corrupt = article("corrupt", null);
    await upsertArticles([corrupt]);
    try {
      await db.article.update({ where: { slug: corrupt.slug }, data: { blocks: [{ type: "script", src: "x" }] } });
      await expect(getArticleBySlug({ slug: corrupt.slug })).rejects.toThrow();
    } finally {
      await db.article.delete({ where: { slug: corrupt.slug } });
    }
  });
});
