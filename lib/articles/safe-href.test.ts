import { describe, expect, it } from "vitest";
import { safeHref } from "./safe-href";

describe("safeHref", () => {
  it.each([
    ["https://example.org/a b", "https://example.org/a%20b"],
    [" http://example.org ", "http://example.org/"],
    ["MAILTO:x@example.org", "mailto:x@example.org"],
    ["javascript:alert(1)", null],
    ["JaVaScRiPt:alert(1)", null],
    ["/relative", null],
    ["", null],
  ])("%j → %j", (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });
});
