import { describe, expect, it } from "vitest";
import { applyEdits, mapRange, moveText } from "./text-edits";

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

describe("moveText", () => {
  it("moves a passage forwards and backwards, its characters going with it", () => {
    const forward = moveText("one two three four", 4, 8, 14);
    expect(forward.text).toBe("one three two four");
    expect(mapRange(forward, 4, 7)).toEqual({ start: 10, end: 13 });
    expect(mapRange(forward, 8, 13)).toEqual({ start: 4, end: 9 });
    const backward = moveText("one two three four", 8, 14, 0);
    expect(backward.text).toBe("three one two four");
    expect(mapRange(backward, 8, 13)).toEqual({ start: 0, end: 5 });
    expect(mapRange(backward, 0, 3)).toEqual({ start: 6, end: 9 });
  });
});
