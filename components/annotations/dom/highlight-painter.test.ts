import { describe, expect, it } from "vitest";
import { overlapSegments, type PaintedSpan } from "./highlight-painter";

const span = (start: number, end: number, own = true): PaintedSpan => ({ id: `${start}-${end}-${own}`, start, end, color: "yellow", own });

describe("overlapSegments", () => {
  it.each([
    { name: "disjoint", spans: [span(0, 5), span(10, 15)], expected: [] },
    { name: "touching", spans: [span(0, 5), span(5, 10)], expected: [] },
    { name: "overlapping", spans: [span(0, 10), span(5, 15)], expected: [{ start: 5, end: 10 }] },
    { name: "nested", spans: [span(0, 20), span(5, 8)], expected: [{ start: 5, end: 8 }] },
    { name: "three deep, one stretch", spans: [span(0, 20), span(5, 15), span(10, 12)], expected: [{ start: 5, end: 15 }] },
    { name: "identical", spans: [span(3, 9), { ...span(3, 9), id: "twin" }], expected: [{ start: 3, end: 9 }] },
    { name: "others' underlines do not count", spans: [span(0, 10), span(5, 15, false)], expected: [] },
  ])("$name", ({ spans, expected }) => {
    expect(overlapSegments(spans)).toEqual(expected);
  });
});
