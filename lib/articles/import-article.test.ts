import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { ESSAY_HTML, editedEssay, pageUrl, startImportPagesServer } from "@/e2e/fixtures/import-pages";
import { createTestUser, insertTestAnnotation } from "@/test-support/annotations";
import { getRateLimitPool } from "@/lib/auth/rate-limit-store";
import { db } from "@/lib/db";
import { AppError } from "@/lib/api/errors";
import type { ImportArticleInput } from "@/lib/api/article-imports";
import { ArticleImportError } from "./article-import-error";
import { importArticle } from "./import-article";
import { createImportRateLimiter } from "./import-rate-limiter";
import { updateArticleFromSource } from "./update-article-from-source";

const server = await startImportPagesServer();
afterAll(() => server.close());

const reader = await createTestUser("Iris Importer");
const rateLimiter = createImportRateLimiter({ pool: getRateLimitPool(), namespace: `import-test-${randomUUID()}` });

const file = (fileName: string, contents: string): ImportArticleInput => ({ kind: "file", fileName, contentBase64: Buffer.from(contents).toString("base64") });

async function stored(input: ImportArticleInput) {
  const { slug } = await importArticle({ viewer: reader, input, rateLimiter });
  return db.article.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true, title: true, text: true, ownerId: true, visibility: true, sourceUrl: true, language: true, byline: true } });
}

describe("importArticle", () => {
  it("reads uploads by the seeds' rules: Markdown front matter, plain text lines, a saved page", async () => {
    const markdown = await stored(file("notes.md", "---\ntitle: Margins\nbyline: A. Reader\nlanguage: fr\n---\n\nFirst *paragraph*.\n\n## Later\n\nSecond one."));
    expect(markdown).toMatchObject({ title: "Margins", byline: "A. Reader", language: "fr", ownerId: reader.id, visibility: "private", sourceUrl: null });
    expect(markdown.text).toBe("First paragraph.\n\nLater\n\nSecond one.");

    const text = await stored(file("note.txt", "\uFEFFA plain title\nOne line.\nAnother line."));
    expect(text).toMatchObject({ title: "A plain title", text: "One line.\n\nAnother line." });

    const html = await stored(file("saved.htm", ESSAY_HTML));
    expect(html.title).toBe("On reading slowly");
  });

  it("refuses other files and malformed seeds in words", async () => {
    await expect(importArticle({ viewer: reader, input: file("paper.pdf", "%PDF"), rateLimiter })).rejects.toMatchObject({ failure: "unsupported-file" });
    const error = await importArticle({ viewer: reader, input: file("bad.md", "no front matter"), rateLimiter }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArticleImportError);
    expect((error as Error).message).toMatch(/^That file could not be read: line 1: missing YAML front matter/);
  });

  it("reads pasted text with an optional title, and pasted HTML through the sanitiser", async () => {
    const text = await stored({ kind: "paste", text: "First line of the paste.\nSecond line.", title: "Given title" });
    expect(text).toMatchObject({ title: "Given title", text: "First line of the paste.\n\nSecond line." });
    const html = await stored({ kind: "paste", text: `<h2>Pasted</h2><p onclick="x()">Some <b>bold</b> words and a <a href="javascript:x()">bad link</a>, long enough to count as an article of twenty words or more, surely.</p>`, title: null });
    expect(html.text).toContain("Some bold words and a bad link");
  });

  it("adds a link once: the same address again opens the same article without fetching", async () => {
    const url = `${pageUrl(server, "/essay")}?twice=${randomUUID()}`;
    const first = await importArticle({ viewer: reader, input: { kind: "url", url }, rateLimiter });
    const second = await importArticle({ viewer: reader, input: { kind: "url", url: ` ${url}#section` }, rateLimiter });
    expect(first.created).toBe(true);
    expect(second).toEqual({ slug: first.slug, created: false, isPrivate: true });
  });

  it("is limited per reader", async () => {
    const tight = createImportRateLimiter({ pool: getRateLimitPool(), namespace: `import-tight-${randomUUID()}`, limit: { attempts: 1, windowSeconds: 60 } });
    await importArticle({ viewer: reader, input: { kind: "paste", text: "Title\nBody.", title: null }, rateLimiter: tight });
    const error = await importArticle({ viewer: reader, input: { kind: "paste", text: "Title\nBody.", title: null }, rateLimiter: tight }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("rate_limited");
  });
});

describe("updateArticleFromSource", () => {
  it("stores the new text and re-anchors: kept passages move, a rewritten one is detached and listed", async () => {
    server.setEdited(ESSAY_HTML);
    const article = await stored({ kind: "url", url: `${pageUrl(server, "/edited")}?run=${randomUUID()}` });
    const kept = await insertTestAnnotation({ article, author: reader, exact: "The essay part 3 paragraph number 4 explains" });
    const lost = await insertTestAnnotation({ article, author: reader, exact: "The essay part 1 paragraph number 2 explains" });

    expect(await updateArticleFromSource({ viewer: reader, slug: article.slug })).toMatchObject({ changed: false });
    server.setEdited(editedEssay());
    const result = await updateArticleFromSource({ viewer: reader, slug: article.slug });
    expect(result).toMatchObject({ changed: true, detached: [{ id: lost, exact: "The essay part 1 paragraph number 2 explains" }] });

    const { text } = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { text: true } });
    expect(text).toContain("This paragraph was rewritten after publication.");
    const keptRow = await db.annotation.findUniqueOrThrow({ where: { id: kept } });
    expect(text.slice(keptRow.start!, keptRow.end!)).toBe("The essay part 3 paragraph number 4 explains");
    expect(await db.annotation.count({ where: { id: lost } })).toBe(1);

    const stranger = await createTestUser("Nosy Neighbour");
    expect(await updateArticleFromSource({ viewer: stranger, slug: article.slug })).toBeNull();
  });
});
