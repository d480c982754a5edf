import { describe, expect, it } from "vitest";
import { createInput, createTestArticle, createTestUser, insertTestAnnotation, parsedArticle } from "@/test-support/annotations";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { getAnnotation } from "@/lib/annotations/get-annotation";
import { listArticleAnnotations } from "@/lib/annotations/list-article-annotations";
import { db } from "@/lib/db";
import { AppError } from "@/lib/api/errors";
import { ERROR_STATUS } from "@/lib/http/error-status";
import { getSharedNote } from "@/lib/sharing/get-shared-note";
import { getArticleBySlug } from "./get-article-by-slug";
import { listArticles, listOwnArticles } from "./list-articles";
import { deleteOwnArticle, getOwnArticle, setArticleVisibility } from "./manage-own-article";
import { storeImportedArticle } from "./store-imported-article";

const owner = await createTestUser("Olive Owner");
const stranger = await createTestUser("Sam Stranger");
const PARAGRAPHS = ["An imported article about owls and their habits.", "Owls hunt at night and sleep by day."];

async function importArticle(sourceUrl: string | null = null) {
  const content = parsedArticle("unused", PARAGRAPHS);
  const stored = await storeImportedArticle({ viewer: owner, content, sourceUrl });
  const row = await db.article.findUniqueOrThrow({ where: { slug: stored.slug }, select: { id: true, text: true } });
  return { ...stored, id: row.id, text: row.text };
}

async function status(promise: Promise<unknown>): Promise<number | "ok"> {
  return promise.then(
    () => "ok" as const,
    (error: unknown) => (error instanceof AppError ? ERROR_STATUS[error.code] : Promise.reject(error)),
  );
}

describe("imported articles", () => {
  it("are private to their owner by default: page, list, create, share link all say not found to others", async () => {
    const article = await importArticle();
    const noteId = await insertTestAnnotation({ article, author: owner, exact: "owls", visibility: "link" });

    expect((await getArticleBySlug({ slug: article.slug, viewer: owner }))?.title).toBe(`Test article unused`);
    expect(await getArticleBySlug({ slug: article.slug })).toBeNull();
    expect(await getArticleBySlug({ slug: article.slug, viewer: stranger })).toBeNull();

    expect(await listArticleAnnotations({ viewer: owner, slug: article.slug })).toHaveLength(1);
    expect(await listArticleAnnotations({ viewer: stranger, slug: article.slug })).toBeNull();
    expect(await listArticleAnnotations({ viewer: null, slug: article.slug })).toBeNull();

    expect(await status(createAnnotation({ viewer: stranger, input: createInput(article, "night") }))).toBe(404);
    expect(await status(createAnnotation({ viewer: owner, input: createInput(article, "night") }))).toBe("ok");

    expect(await getSharedNote({ viewer: owner, id: noteId })).not.toBeNull();
    expect(await getSharedNote({ viewer: stranger, id: noteId })).toBeNull();
    expect(await getSharedNote({ viewer: null, id: noteId })).toBeNull();

    expect((await listArticles()).map((a) => a.slug)).not.toContain(article.slug);
    expect((await listOwnArticles(owner)).map((a) => a.slug)).toContain(article.slug);
    expect((await listOwnArticles(stranger)).map((a) => a.slug)).not.toContain(article.slug);
  });

  it("made public, are readable by all and listed with who added them; private again, hidden again", async () => {
    const article = await importArticle();
    const noteId = await insertTestAnnotation({ article, author: owner, exact: "owls", visibility: "link" });

    expect(await setArticleVisibility({ viewer: stranger, slug: article.slug, visibility: "public" })).toBeNull();
    expect((await setArticleVisibility({ viewer: owner, slug: article.slug, visibility: "public" }))?.visibility).toBe("public");
    expect(await getArticleBySlug({ slug: article.slug })).not.toBeNull();
    expect(await getSharedNote({ viewer: null, id: noteId })).not.toBeNull();
    // A stranger's note on the public article, then the article goes private: the note is hidden with it.
    const strangersNote = await createAnnotation({ viewer: stranger, input: { ...createInput(article, "night") } });
    const listed = (await listArticles()).find((a) => a.slug === article.slug);
    expect(listed?.addedBy).toBe("Olive Owner");

    await setArticleVisibility({ viewer: owner, slug: article.slug, visibility: "private" });
    expect(await getSharedNote({ viewer: null, id: noteId })).toBeNull();
    await expect(getAnnotation({ viewer: stranger, id: strangersNote.annotation.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await listArticleAnnotations({ viewer: stranger, slug: article.slug })).toBeNull();
  });

  it("the same source address twice by one reader is one article", async () => {
    const url = `https://example.com/owls-${Date.now()}`;
    const first = await importArticle(url);
    const second = await importArticle(url);
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ slug: first.slug, created: false });
    const twin = await Promise.all([importArticle(`${url}-race`), importArticle(`${url}-race`)]);
    expect(twin[0].slug).toBe(twin[1].slug);
  });

  it("deleting removes the article and every annotation on it, and only its owner may", async () => {
    const article = await importArticle();
    await insertTestAnnotation({ article, author: owner, exact: "owls" });
    await insertTestAnnotation({ article, author: owner, exact: "night" });
    expect((await getOwnArticle({ viewer: owner, slug: article.slug }))?.annotationCount).toBe(2);

    expect(await deleteOwnArticle({ viewer: stranger, slug: article.slug })).toBeNull();
    expect(await deleteOwnArticle({ viewer: owner, slug: article.slug })).toEqual({ annotationsDeleted: 2 });
    expect(await db.article.count({ where: { id: article.id } })).toBe(0);
    expect(await db.annotation.count({ where: { articleId: article.id } })).toBe(0);
  });

  it("leave the library's own articles readable by everyone", async () => {
    const seeded = await createTestArticle(["A seeded paragraph."]);
    expect(await getArticleBySlug({ slug: seeded.slug })).not.toBeNull();
    expect(await listArticleAnnotations({ viewer: null, slug: seeded.slug })).toEqual([]);
    expect(await deleteOwnArticle({ viewer: owner, slug: seeded.slug })).toBeNull();
  });
});
