import { describe, expect, it } from "vitest";
import { notePlainText } from "./note-plain-text";
import { PREVIEW_DESCRIPTION_MAX, sharePreviewDescription, sharePreviewTitle } from "./share-preview-text";

const author = { name: "Amina Author" };
const quote = (exact: string) => ({ exact, prefix: "", suffix: "" });

describe("sharePreviewTitle", () => {
  it("quotes the passage and names the note's author and article", () => {
    expect(sharePreviewTitle({ note: "Yes.", quote: quote("the margin is\n\nours"), author }, "The Reader")).toBe(
      "“the margin is ours” — a note by Amina Author on The Reader",
    );
  });

  it("cuts a long quote at a word boundary and calls a bare highlight a highlight", () => {
    const long = "Every reader has, at some point, been caught with a pencil in a book, and has wondered who else has done the same";
    const title = sharePreviewTitle({ note: null, quote: quote(long), author }, "Essay");
    expect(title).toBe("“Every reader has, at some point, been caught with a pencil in a book, and has wondered…” — a highlight by Amina Author on Essay");
  });
});

describe("sharePreviewDescription", () => {
  it("is the note as plain text, truncated", () => {
    const note = `**Bold** claim with a [link](https://example.com) and \`code\`.\n\n> quoted\n\n- one\n- two ${"word ".repeat(60)}`;
    const description = sharePreviewDescription({ note, quote: quote("x"), author });
    expect(description.startsWith("Bold claim with a link and code. quoted one two word")).toBe(true);
    expect(description.length).toBeLessThanOrEqual(PREVIEW_DESCRIPTION_MAX);
    expect(description.endsWith("word…")).toBe(true);
  });

  it("falls back to the passage for a highlight without a note", () => {
    expect(sharePreviewDescription({ note: null, quote: quote("a pencil in a book"), author })).toBe("“a pencil in a book”");
  });
});

describe("notePlainText", () => {
  it("drops tags and image URLs, keeping the words a reader of the note sees", () => {
    expect(notePlainText("Hi <b>bold</b> there ![alt](https://x/y.png) <img src=x onerror=alert(1)>")).toBe("Hi bold there");
  });
});

describe("right-to-left text in a preview title", () => {
  it("is isolated so the English around it keeps its order", () => {
    const title = sharePreviewTitle({ note: "x", quote: quote("الحواشي في المخطوطات"), author: { name: "أمينة" } }, "Margins");
    expect(title).toBe("“\u2068الحواشي في المخطوطات\u2069” — a note by \u2068أمينة\u2069 on Margins");
  });
});
