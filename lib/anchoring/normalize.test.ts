import { describe, expect, it } from "vitest";
import { foldWithOffsets, toNormOffset, toOrigRange } from "./normalize";

describe("foldWithOffsets", () => {
  it("folds whitespace runs and accents, and maps offsets both ways", () => {
    const source = "Caf\u00e9  au\n\tlait, cafe\u0301.";
    const norm = foldWithOffsets(source);
    expect(norm.text).toBe("Cafe au lait, cafe.");
    const start = norm.text.indexOf("au lait");
    expect(toOrigRange(norm, start, start + "au lait".length)).toEqual([source.indexOf("au"), source.indexOf(",")]);
    expect(toNormOffset(norm, source.indexOf("lait"))).toBe(norm.text.indexOf("lait"));
  });

  it("keeps every UTF-16 unit it does not fold, surrogate pairs and lone surrogates alike", () => {
    expect(foldWithOffsets("go  \ud83d\ude80 now").text).toBe("go \ud83d\ude80 now");
    // A lone surrogate (text that is not well-formed) is kept, not replaced by U+FFFD.
    expect(foldWithOffsets("a\u00a0\ud800b  \udc00").text).toBe("a \ud800b \udc00");
  });
});
