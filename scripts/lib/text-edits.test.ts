import { describe, expect, it } from "vitest";
import { applyEdits, mapRange } from "./text-edits";

describe("applyEdits", () => {
  it("applies insertions, deletions and replacements in any order and maps every old character", () => {
    const edited = applyEdits("the quick brown fox", [
      { at: 10, del: 5, ins: "red" },
      { at: 0, del: 0, ins: "See " },
      { at: 4, del: 6, ins: "" },
    ]);
    expect(edited.text).toBe("See the red fox");
    expect(Array.from(edited.newPos)).toEqual([4, 5, 6, 7, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 11, 12, 13, 14]);
  });

  it("maps a range to its surviving characters, or null when all of it went", () => {
    const edited = applyEdits("alpha beta gamma", [{ at: 6, del: 2, ins: "ZZ" }, { at: 11, del: 5, ins: "" }]);
    expect(edited.text).toBe("alpha ZZta ");
    expect(mapRange(edited, 6, 10)).toEqual({ start: 8, end: 10 });
    expect(mapRange(edited, 0, 5)).toEqual({ start: 0, end: 5 });
    expect(mapRange(edited, 11, 16)).toBeNull();
  });
});
