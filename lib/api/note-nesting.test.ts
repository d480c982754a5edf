import { describe, expect, it } from "vitest";
import { createAnnotationSchema, updateAnnotationSchema } from "@/lib/api/annotations";
import { isRenderableNote, markdownNestingDepth, NOTE_MAX_NESTING } from "./note-nesting";

describe("markdownNestingDepth", () => {
  it.each([
    ["plain prose", "Just a thought, with *emphasis*, **strength** and a [link](https://example.com).", 1],
    ["a nested list", "- one\n  - two\n    - three", 3],
    ["a quoted list", "> - quoted item\n> > deeper", 2],
    ["snake_case words", "see my_var_name and 2 * 3 * 4", 0],
    ["an escaped bracket", "\\[not a link", 0],
  ])("is small for %s", (_label, markdown, depth) => {
    expect(markdownNestingDepth(markdown)).toBe(depth);
  });

  it.each([
    ["list markers on one line", "- ".repeat(5000) + "x", 5000],
    ["block quotes", ">".repeat(9990) + "x", 9990],
    ["ordered list markers", "1. ".repeat(3000), 3000],
    ["emphasis", "*a ".repeat(1600) + "a* ".repeat(1600), 1600],
    ["brackets", "[a".repeat(4000), 4000],
  ])("counts every level of %s", (_label, markdown, depth) => {
    expect(markdownNestingDepth(markdown)).toBeGreaterThanOrEqual(depth);
  });

  it("counts nesting by indentation", () => {
    const stairs = Array.from({ length: 40 }, (_, level) => `${" ".repeat(level * 2)}- level ${level}`).join("\n");
    expect(markdownNestingDepth(stairs)).toBeGreaterThanOrEqual(40);
    expect(isRenderableNote(stairs)).toBe(false);
  });
});

describe("a note's nesting, when saved", () => {
  const tooDeep = "- ".repeat(4990) + "x";
  const message = `Nest lists, quotes and emphasis at most ${NOTE_MAX_NESTING} levels deep.`;

  it("is refused past the limit with a clear message, on create and on change", () => {
    const update = updateAnnotationSchema.safeParse({ note: tooDeep });
    expect(update.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["note", message]]);
    const create = createAnnotationSchema.safeParse({
      id: "0b9d3c2e-4a5f-4b6c-8d7e-9f0a1b2c3d4e",
      articleSlug: "an-article",
      color: "yellow",
      note: "> ".repeat(NOTE_MAX_NESTING + 1) + "quoted",
      quote: { exact: "abc" },
      position: { start: 0, end: 3 },
    });
    expect(create.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it("is accepted up to the limit", () => {
    expect(updateAnnotationSchema.safeParse({ note: "> ".repeat(NOTE_MAX_NESTING) + "quoted" }).success).toBe(true);
  });
});
