import { describe, expect, it } from "vitest";
import type { Block } from "./article-model";
import { countWords, excerpt, readingMinutes, WORDS_PER_MINUTE } from "./article-stats";

const paragraph = (text: string): Block => ({ type: "paragraph", content: [{ type: "text", text }] });

describe("countWords", () => {
  it.each([
    ["", "en", 0],
    ["  — … !? ", "en", 0],
    ["Hello, world!", "en", 2],
    ["It's a well-known fact.", "en", 5],
    ["In 1946 and 2025, 3.5% more.", "en", 6],
    ["قال: «الكتاب في الهامش» سنة 1252 هـ.", "ar", 7],
    ["عرف القارئ العربي الكتابةَ على هوامش الكتب", "ar", 7],
    ["Gloss يقرأ Adam Gacek كتابًا", "ar", 5],
  ])("%j (%s) has %i words", (text, language, expected) => {
    expect(countWords(text, language)).toBe(expected);
  });

  it("segments languages that do not separate words with spaces", () => {
    // One "word" if the count were done by splitting on whitespace.
    expect(countWords("今日は良い天気です", "ja")).toBeGreaterThanOrEqual(4);
  });
});

describe("readingMinutes", () => {
  it.each([
    [0, 1],
    [1, 1],
    [WORDS_PER_MINUTE, 1],
    [344, 1],
    [345, 2],
    [690, 3],
    [2244, 10],
  ])("%i words → %i min", (words, minutes) => {
    expect(readingMinutes(words)).toBe(minutes);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("rejects %d", (words) => {
    expect(() => readingMinutes(words)).toThrowError(RangeError);
  });
});

describe("excerpt", () => {
  const long =
    "Every reader has, at some point, been caught with a pencil in a book. Perhaps it was a schoolbook, defaced with underlinings that seemed urgent at the time and mean nothing now. Perhaps it was a secondhand novel.";

  it("returns short opening paragraphs whole, joined by a space, skipping other blocks", () => {
    const blocks: Block[] = [
      { type: "heading", level: 2, content: [{ type: "text", text: "Heading" }] },
      paragraph("Washington. First."),
      { type: "list", ordered: false, items: [[{ type: "text", text: "item" }]] },
      paragraph("Second."),
    ];
    expect(excerpt(blocks)).toBe("Washington. First. Second.");
  });

  it("uses the text of nested inlines", () => {
    const blocks: Block[] = [
      { type: "paragraph", content: [{ type: "text", text: "A " }, { type: "emphasis", children: [{ type: "text", text: "b" }] }] },
    ];
    expect(excerpt(blocks)).toBe("A b");
  });

  it("is empty without paragraphs", () => {
    expect(excerpt([{ type: "heading", level: 2, content: [{ type: "text", text: "Only" }] }])).toBe("");
  });

  it.each([
    [long.length, long],
    [81, "Every reader has, at some point, been caught with a pencil in a book. Perhaps it…"],
    [80, "Every reader has, at some point, been caught with a pencil in a book. Perhaps…"],
    [72, "Every reader has, at some point, been caught with a pencil in a book…"],
    [30, "Every reader has, at some…"],
    [20, "Every reader has…"],
  ])("cuts at a word boundary within %i characters", (maxChars, expected) => {
    const result = excerpt([paragraph(long)], maxChars);
    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(maxChars);
  });

  it("defaults to 220 characters and continues into the next paragraph", () => {
    const result = excerpt([paragraph("Short opening."), paragraph(long), paragraph(long)]);
    expect(result.length).toBeLessThanOrEqual(220);
    expect(result.length).toBeGreaterThan(200);
    expect(result.startsWith(`Short opening. ${long.slice(0, 100)}`)).toBe(true);
    expect(result.endsWith("…")).toBe(true);
    expect(result).not.toMatch(/[\s,]…$/);
  });

  it("cuts Arabic text between words", () => {
    const arabic = "عرف القارئ العربي الكتابةَ على هوامش الكتب منذ قرون طويلة، حتى غدت الحاشية فنًّا قائمًا بذاته.";
    expect(excerpt([paragraph(arabic)], 62)).toBe("عرف القارئ العربي الكتابةَ على هوامش الكتب منذ قرون طويلة…");
    expect(excerpt([paragraph(arabic)], 40)).toBe("عرف القارئ العربي الكتابةَ على هوامش…");
  });

  it("falls back to a grapheme boundary for a single over-long word", () => {
    expect(excerpt([paragraph("Supercalifragilisticexpialidocious")], 10)).toBe("Supercali…");
    // A flag is two code points; it must not be split in half.
    expect(excerpt([paragraph("🇩🇪🇩🇪🇩🇪🇩🇪🇩🇪🇩🇪")], 6)).toBe("🇩🇪…");
  });
});
