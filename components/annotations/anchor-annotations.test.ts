import { describe, expect, it } from "vitest";
import type { AnnotationDto } from "@/lib/api/annotations";
import { annotationsAt, createAnnotationAnchorer, loadQuoteFinder } from "./anchor-annotations";

const TEXT = "Every reader has, at some point, been caught with a pencil in a book. Perhaps it was a schoolbook.";

function annotation(id: string, exact: string, position: { start: number; end: number } | null, context = { prefix: "", suffix: "" }): AnnotationDto {
  return {
    id,
    articleSlug: "essay",
    color: "yellow",
    note: null,
    visibility: "private",
    quote: { exact, ...context },
    position,
    author: { name: "Ada" },
        tags: [],
    isOwn: true,
    replyCount: 0,
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
    version: 1,
  };
}

describe("createAnnotationAnchorer", () => {
  it("trusts a stored position that still holds the quote", () => {
    const start = TEXT.indexOf("a pencil");
    const anchor = createAnnotationAnchorer(TEXT);
    const { anchored, detached } = anchor([annotation("a", "a pencil", { start, end: start + 8 })]);
    expect(anchored.map((item) => [item.start, item.end])).toEqual([[start, start + 8]]);
    expect(detached).toEqual([]);
  });

  it("finds the quote when the page's text is not the one the position was made for, once the search has loaded", async () => {
    const start = TEXT.indexOf("schoolbook");
    const stale = annotation("a", "schoolbook", { start: start + 7, end: start + 17 }, { prefix: "it was a ", suffix: "." });
    const held = annotation("b", "a pencil", { start: TEXT.indexOf("a pencil"), end: TEXT.indexOf("a pencil") + 8 });
    const waiting = createAnnotationAnchorer(TEXT)([stale, held]);
    expect(waiting.needsFinder).toBe(true);
    expect(waiting.anchored.map((item) => item.annotation.id)).toEqual(["b"]);
    expect(waiting.detached).toEqual([]);
    const found = createAnnotationAnchorer(TEXT, await loadQuoteFinder())([stale, held]);
    expect(found.needsFinder).toBe(false);
    expect(found.anchored.map((item) => TEXT.slice(item.start, item.end))).toEqual(["a pencil", "schoolbook"]);
  });

  it("lists as detached what the text no longer holds, and keeps document order", async () => {
    const anchor = createAnnotationAnchorer(TEXT, await loadQuoteFinder());
    const late = TEXT.indexOf("Perhaps");
    const { anchored, detached, needsFinder } = anchor([
      annotation("late", "Perhaps", { start: late, end: late + 7 }),
      annotation("gone", "a sentence the editors removed entirely from this essay", null),
      annotation("early", "Every reader", { start: 0, end: 12 }),
    ]);
    expect(anchored.map((item) => item.annotation.id)).toEqual(["early", "late"]);
    expect(detached.map((item) => item.id)).toEqual(["gone"]);
    expect(needsFinder).toBe(false);
  });
});

describe("annotationsAt", () => {
  it("returns the annotations covering an offset, the shortest first", () => {
    const { anchored } = createAnnotationAnchorer(TEXT)([
      annotation("sentence", TEXT.slice(0, 69), { start: 0, end: 69 }),
      annotation("word", "pencil", { start: 52, end: 58 }),
      annotation("elsewhere", "Every", { start: 0, end: 5 }),
    ]);
    expect(annotationsAt(anchored, 53).map((item) => item.annotation.id)).toEqual(["word", "sentence"]);
    expect(annotationsAt(anchored, 58).map((item) => item.annotation.id)).toEqual(["sentence"]);
    expect(annotationsAt(anchored, 80)).toEqual([]);
  });
});
