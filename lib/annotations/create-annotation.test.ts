import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newOwnAnnotationFields } from "@/test-support/annotation-dto";
import { createInput, createTestArticle, createTestUser, rejection, reviseTestArticle } from "@/test-support/annotations";
import { createAnnotation } from "./create-annotation";

const PARAGRAPHS = [
  "Marginalia are the notes, scribbles and comments a reader leaves in the margins of a book.",
  "Some readers write whole essays in the margins; others only underline a phrase.",
];
const article = await createTestArticle(PARAGRAPHS);
const author = await createTestUser("Ada Author");
const other = await createTestUser("Otto Other");

describe("createAnnotation", () => {
  it("stores the highlight with context recomputed from the article, private by default", async () => {
    const input = createInput(article, "whole essays", { note: "**Essays!**", color: "green" });
    const { annotation, created } = await createAnnotation({
      viewer: author,
      input: { ...input, quote: { exact: "whole essays", prefix: "made up", suffix: "also wrong" } },
    });

    expect(created).toBe(true);
    const start = article.text.indexOf("whole essays");
    expect(annotation).toEqual({
      id: input.id,
      articleSlug: article.slug,
      color: "green",
      note: "**Essays!**",
      visibility: "private",
      quote: {
        exact: "whole essays",
        prefix: article.text.slice(start - 32, start),
        suffix: article.text.slice(start + 12, start + 12 + 32),
      },
      position: { start, end: start + 12 },
      author: { name: "Ada Author" },
      ...newOwnAnnotationFields(expect.any(String)),
    });
    const row = await db.annotation.findUniqueOrThrow({ where: { id: input.id } });
    expect(row).toMatchObject({ authorId: author.id, articleId: article.id, prefix: annotation.quote.prefix, suffix: annotation.quote.suffix });
  });

  it("keeps context short of the article's edges", async () => {
    const { annotation } = await createAnnotation({ viewer: author, input: createInput(article, "Marginalia") });
    expect(annotation.quote.prefix).toBe("");
    const { annotation: last } = await createAnnotation({ viewer: author, input: createInput(article, "a phrase.") });
    expect(last.quote.suffix).toBe("");
  });

  it("is idempotent on the client's id: a retried create returns the same annotation and stores one row", async () => {
    const input = createInput(article, "scribbles", { note: "retry me" });
    const first = await createAnnotation({ viewer: author, input });
    const second = await createAnnotation({ viewer: author, input });

    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.annotation).toEqual(first.annotation);
    expect(await db.annotation.count({ where: { id: input.id } })).toBe(1);
  });

  it("makes one annotation of concurrent identical creates", async () => {
    const input = createInput(article, "comments", { note: "raced" });
    const results = await Promise.all(Array.from({ length: 5 }, () => createAnnotation({ viewer: author, input })));

    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => JSON.stringify(r.annotation))).size).toBe(1);
    expect(await db.annotation.count({ where: { id: input.id } })).toBe(1);
  });

  it("refuses the same id with different content (409) and leaves the stored annotation as it was", async () => {
    const input = createInput(article, "the margins", { note: "original" });
    await createAnnotation({ viewer: author, input });

    const error = await rejection(createAnnotation({ viewer: author, input: { ...input, note: "changed" } }));
    expect(error.code).toBe("conflict");
    expect(await db.annotation.findUniqueOrThrow({ where: { id: input.id } })).toMatchObject({ note: "original" });
  });

  it("answers someone else's id as not found, revealing and changing nothing", async () => {
    const input = createInput(article, "a reader leaves", { note: "secret thought" });
    await createAnnotation({ viewer: author, input });

    const error = await rejection(createAnnotation({ viewer: other, input: { ...input, note: "hijack" } }));
    expect(error.code).toBe("not_found");
    expect(JSON.stringify({ message: error.message, fields: error.fieldErrors })).not.toMatch(/secret|a reader leaves|Ada/);
    expect(await db.annotation.findUniqueOrThrow({ where: { id: input.id } })).toMatchObject({ authorId: author.id, note: "secret thought" });
  });

  it("refuses a quote that is not at the given position", async () => {
    const input = createInput(article, "margins", { occurrence: 1 });
    const shifted = { ...input, position: { start: input.position.start + 1, end: input.position.end + 1 } };

    const error = await rejection(createAnnotation({ viewer: author, input: shifted }));
    expect(error.code).toBe("validation");
    expect(error.fieldErrors).toEqual({ "quote.exact": [expect.stringContaining("not at that position")] });
    expect(await db.annotation.count({ where: { id: input.id } })).toBe(0);
  });

  it("refuses a position past the end of the article", async () => {
    const end = article.text.length + 5;
    const input = { ...createInput(article, "phrase"), quote: { exact: "xxxxx", prefix: "", suffix: "" }, position: { start: end - 5, end } };
    const error = await rejection(createAnnotation({ viewer: author, input }));
    expect(error.code).toBe("validation");
    expect(error.fieldErrors).toHaveProperty(["position.end"]);
  });

  it("answers an unknown article with 404", async () => {
    const input = { ...createInput(article, "book"), articleSlug: `no-such-article-${randomUUID().slice(0, 8)}` };
    expect((await rejection(createAnnotation({ viewer: author, input }))).code).toBe("not_found");
  });

  it("checks selectors against the article's current text, also right after the text changed", async () => {
    const changing = await createTestArticle(["Readers argue with the author in the margin."]);
    await createAnnotation({ viewer: author, input: createInput(changing, "argue") });

    // Selectors that do not fit the text the server last saw.
    const second = await reviseTestArticle(changing, ["Some readers argue with the author in the margin, pencil in hand."]);
    const { annotation } = await createAnnotation({ viewer: author, input: createInput(second, "pencil in hand") });
    const at = second.text.indexOf("pencil in hand");
    expect(annotation.position).toEqual({ start: at, end: at + "pencil in hand".length });
    expect(annotation.quote.prefix).toBe(second.text.slice(at - 32, at));

    // Selectors that fit the text the server last saw, but no longer the article.
    const third = await reviseTestArticle(second, ["Some readers argue with the author in the margin, pencil in hand, late at night."]);
    const outdated = createInput(second, "pencil in hand.");
    expect(third.text.slice(outdated.position.start, outdated.position.end)).not.toBe("pencil in hand.");
    const error = await rejection(createAnnotation({ viewer: author, input: outdated }));
    expect(error.code).toBe("validation");
    expect(await db.annotation.count({ where: { id: outdated.id } })).toBe(0);
  });
});
