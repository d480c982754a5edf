import { describe, expect, it } from "vitest";
import { createTestArticle, createTestUser, insertTestAnnotation, reviseTestArticle } from "@/test-support/annotations";
import { db } from "@/lib/db";
import { getSharedNote } from "./get-shared-note";

const article = await createTestArticle(["A margin holds a reader's answer to the page.", "Every book collects them."]);
const author = await createTestUser("Ada Author");
const reader = await createTestUser("Rita Reader");

describe("getSharedNote", () => {
  it("gives a link note to anyone, with its article, and tells the author apart", async () => {
    const id = await insertTestAnnotation({ article, author, exact: "a reader's answer", visibility: "link", note: "So true." });
    for (const viewer of [null, reader]) {
      const shared = await getSharedNote({ viewer, id });
      expect(shared?.annotation).toMatchObject({ id, note: "So true.", isOwn: false, author: { name: "Ada Author" } });
      expect(shared?.article).toMatchObject({ slug: article.slug, title: `Test article ${article.slug}` });
    }
    expect((await getSharedNote({ viewer: author, id }))?.annotation.isOwn).toBe(true);
  });

  it("shows a private note to its author only", async () => {
    const id = await insertTestAnnotation({ article, author, exact: "Every book", visibility: "private", note: "Mine." });
    expect(await getSharedNote({ viewer: null, id })).toBeNull();
    expect(await getSharedNote({ viewer: reader, id })).toBeNull();
    expect((await getSharedNote({ viewer: author, id }))?.annotation.note).toBe("Mine.");
  });

  it("finds nothing for unknown, malformed or deleted ids", async () => {
    const id = await insertTestAnnotation({ article, author, exact: "the page", visibility: "public" });
    await db.annotation.delete({ where: { id } });
    for (const unknown of [id, crypto.randomUUID(), "not-an-id", "", "../../etc/passwd"]) {
      expect(await getSharedNote({ viewer: author, id: unknown })).toBeNull();
    }
  });

  it("still finds a note whose passage is gone, as detached", async () => {
    const revisable = await createTestArticle(["The passage that will vanish soon.", "The rest stays put."]);
    const id = await insertTestAnnotation({ article: revisable, author, exact: "will vanish", visibility: "public", note: "Gone?" });
    await reviseTestArticle(revisable, ["Something else entirely now.", "The rest stays put."]);
    const shared = await getSharedNote({ viewer: null, id });
    expect(shared?.annotation).toMatchObject({ position: null, quote: { exact: "will vanish" }, note: "Gone?" });
  });
});
