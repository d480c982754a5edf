import { describe, expect, it } from "vitest";
import { createTextOffsetMap } from "./map-text-offsets";

function mapQuote(oldText: string, newText: string, quote: string) {
  const start = oldText.indexOf(quote);
  return createTextOffsetMap({ oldText, newText }).mapRange(start, start + quote.length);
}

describe("createTextOffsetMap", () => {
  it("shifts a range by what was inserted before it", () => {
    const oldText = "The harbour was quiet that night.";
    const newText = "Long ago, the harbour was quiet that night.";
    const mapped = mapQuote(oldText, newText, "quiet that night");
    expect(mapped.intact).toBe(true);
    expect(newText.slice(mapped.start, mapped.end)).toBe("quiet that night");
  });

  it("keeps a range in place when the edit is after it", () => {
    const text = "The harbour was quiet that night. Ships waited.";
    expect(mapQuote(text, `${text} Then the storm came.`, "harbour")).toEqual({ start: 4, end: 11, intact: true, reliable: true });
  });

  it("does not call a range intact when an edit falls inside it", () => {
    const mapped = mapQuote("The harbour was quiet that night.", "The harbour was very quiet that night.", "was quiet that");
    expect(mapped.intact).toBe(false);
    expect(mapped.start).toBe(12);
  });

  it("does not call a range intact when it was deleted, and points at where it was", () => {
    const oldText = "First sentence. The doomed sentence. Last sentence.";
    const newText = "First sentence. Last sentence.";
    const mapped = mapQuote(oldText, newText, "The doomed sentence.");
    expect(mapped.intact).toBe(false);
    // Between "First sentence." and " Last sentence." (the diff may take the space with it).
    expect(mapped.start).toBeGreaterThanOrEqual(15);
    expect(mapped.start).toBeLessThanOrEqual(16);
  });

  it("does not map a short word through a rewritten sentence onto different words", () => {
    const oldText = "Alpha. The cat sat on the mat today. Omega.";
    const newText = "Alpha. A dog lay by the front door yesterday. Omega.";
    expect(mapQuote(oldText, newText, "the").intact).toBe(false);
  });

  it("maps offsets in UTF-16 code units, emoji and all", () => {
    const oldText = "Tea 🍵 then the letter arrived.";
    const newText = "Tea 🍵🍰 then the letter arrived.";
    const mapped = mapQuote(oldText, newText, "the letter");
    expect(newText.slice(mapped.start, mapped.end)).toBe("the letter");
  });

  it("trusts a long unchanged stretch or the texts' common start, not a short stretch between edits", () => {
    const sentence = "Old Maren mended nets by the sea wall every morning, humming songs.";
    const oldText = `Alpha. The cat sat on the mat today. ${sentence} Then the rain.`;
    const newText = `Alpha. A dog lay by the front door yesterday. ${sentence} After that, sun.`;
    expect(mapQuote(oldText, newText, "sea wall")).toMatchObject({ intact: true, reliable: true });
    expect(mapQuote(oldText, newText, "Alpha")).toMatchObject({ intact: true, reliable: true });

    const shortOld = "Alpha. The cat sat on the mat. Omega.";
    const shortNew = "Alpha. A dog lay by the door. Omega.";
    const start = shortOld.indexOf("the mat");
    const mapped = createTextOffsetMap({ oldText: shortOld, newText: shortNew }).mapRange(start, start + 3);
    expect(mapped).toMatchObject({ intact: true, reliable: false });
  });
});
