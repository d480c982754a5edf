import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/api-fetch";
import type { AnnotationDto } from "@/lib/api/annotations";
import { newOwnAnnotationFields } from "@/test-support/annotation-dto";
import { failureMessage, mergeById, optimisticAnnotation } from "./annotation-changes";

function annotation(id: string, fields: Partial<AnnotationDto> = {}): AnnotationDto {
  return {
    id,
    articleSlug: "an-article",
    color: "yellow",
    note: null,
    visibility: "private",
    quote: { exact: "text", prefix: "", suffix: "" },
    position: { start: 0, end: 4 },
    author: { name: "Ada" },
    tags: [],
    replyCount: 0,
    isOwn: true,
    createdAt: "2026-12-05T00:00:00.000Z",
    updatedAt: "2026-12-05T00:00:00.000Z",
    version: 1,
    ...fields,
  };
}

describe("failureMessage", () => {
  it("says what went wrong in the reader's words", () => {
    expect(failureMessage("save your note", new Error("boom"))).toBe("Couldn't save your note. Please try again.");
    expect(failureMessage("save your note", new ApiError(401, "unauthorized", "Sign in to do that."))).toBe(
      "Couldn't save your note: your session has ended. Sign in again to keep annotating.",
    );
    expect(failureMessage("delete it", new ApiError(404, "not_found", "Not found."))).toBe("Couldn't delete it: it no longer exists.");
    expect(failureMessage("save your note", new ApiError(409, "conflict", "The article changed just now."))).toBe(
      "Couldn't save your note. The article changed just now.",
    );
  });
});

describe("mergeById", () => {
  it("keeps one entry per id, the later list's copy in the earlier list's place", () => {
    const merged = mergeById([annotation("a", { note: "old" }), annotation("b")], [annotation("a", { note: "new" })], [annotation("c")]);
    expect(merged.map((entry) => [entry.id, entry.note])).toEqual([
      ["a", "new"],
      ["b", null],
      ["c", null],
    ]);
  });
});

describe("optimisticAnnotation", () => {
  it("is private, the viewer's own, with empty context where none was sent and no note for an absent one", () => {
    const input = { id: "n1", color: "pink" as const, quote: { exact: "margin" }, position: { start: 5, end: 11 } };
    expect(optimisticAnnotation({ input, slug: "an-article", viewer: { id: "u1", name: "Ada" }, now: "T" })).toEqual({
      ...input,
      articleSlug: "an-article",
      quote: { exact: "margin", prefix: "", suffix: "" },
      note: null,
      visibility: "private",
      author: { name: "Ada" },
      ...newOwnAnnotationFields("T"),
    });
    expect(optimisticAnnotation({ input, slug: "s", viewer: null, now: "T" }).author).toEqual({ name: "You" });
  });
});
