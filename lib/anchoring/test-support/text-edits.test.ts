import { describe, expect, it } from "vitest";
import { applyEdits, applyMoves, composeEdits, mapRange } from "./text-edits";

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

describe("applyMoves and composeEdits", () => {
  it("moves several passages at once and follows them through later edits", () => {
    const moved = applyMoves("aa bb cc dd ee", [
      { from: 0, to: 3, dest: 12 },
      { from: 6, to: 9, dest: 3 },
    ]);
    expect(moved.text).toBe("cc bb dd aa ee");
    expect(mapRange(moved, 0, 2)).toEqual({ start: 9, end: 11 });
    expect(mapRange(moved, 6, 8)).toEqual({ start: 0, end: 2 });
    const both = composeEdits(moved, applyEdits(moved.text, [{ at: 0, del: 3, ins: "" }]));
    expect(both.text).toBe("bb dd aa ee");
    expect(mapRange(both, 6, 8)).toBeNull();
    expect(mapRange(both, 0, 2)).toEqual({ start: 6, end: 8 });
  });
});
