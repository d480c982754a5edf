import { expect, it } from "vitest";
import { notePreview, truncate } from "./note-preview";

it("reduces Markdown to its words", () => {
  expect(notePreview("## Why\n\nSee [the *history*](https://example.com) and `code`.\n\n- one\n- two")).toBe("Why See the history and code. one two");
  expect(notePreview("<script>alert(1)</script>Plain")).toBe("alert(1) Plain");
});

it("cuts long text at a word, with an ellipsis", () => {
  expect(truncate("the quick brown fox jumps", 12)).toBe("the quick…");
  expect(truncate("short", 12)).toBe("short");
});
