import { describe, expect, it } from "vitest";
import type { Inline } from "./article-model";
import { canonicalLanguageTag, directionForLanguage } from "./language";
import { normalizeInlines, normalizeWhitespace } from "./normalize-whitespace";

const text = (value: string): Inline => ({ type: "text", text: value });

describe("normalizeWhitespace", () => {
  it.each([
    ["  a \t b\n\nc  ", "a b c"],
    ["a\u2003\u3000b", "a b"],
    ["a\u00a0\u202f\u2007b", "a\u00a0\u202f\u2007b"],
    ["\u00a0a\u00a0", "a"],
    ["\r\n", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeWhitespace(input)).toBe(expected);
  });
});

describe("normalizeInlines", () => {
  it.each<[string, Inline[], Inline[]]>([
    ["merges adjacent text", [text("a"), text(" b")], [text("a b")]],
    ["collapses across nodes", [text("a  "), { type: "strong", children: [text("  b")] }], [text("a "), { type: "strong", children: [text("b")] }]],
    ["trims the block end inside a container", [text("a "), { type: "emphasis", children: [text("b  ")] }, text("  ")], [text("a "), { type: "emphasis", children: [text("b")] }]],
    ["trims the block start inside a container", [{ type: "code", children: [text("  x")] }], [{ type: "code", children: [text("x")] }]],
    ["drops containers left empty", [text("a"), { type: "emphasis", children: [text("   ")] }, text(" b")], [text("a b")]],
    ["drops empty links", [{ type: "link", href: "https://e.org/", children: [] }, text("x")], [text("x")]],
    ["returns nothing for whitespace only", [text(" \n "), { type: "strong", children: [text("\t")] }], []],
  ])("%s", (_name, input, expected) => {
    expect(normalizeInlines(input)).toEqual(expected);
  });

  it("does not mutate its input", () => {
    const input: Inline[] = [text(" a "), { type: "emphasis", children: [text(" b ")] }];
    const copy = structuredClone(input);
    normalizeInlines(input);
    expect(input).toEqual(copy);
  });
});

describe("language", () => {
  it.each([
    ["en", "ltr"],
    ["ar", "rtl"],
    ["ar-EG", "rtl"],
    ["he", "rtl"],
    ["fa-IR", "rtl"],
    ["ur", "rtl"],
    ["az-Arab", "rtl"],
    ["ar-Latn", "ltr"],
    ["de", "ltr"],
    ["not a tag", "ltr"],
  ] as const)("directionForLanguage(%j) = %s", (tag, direction) => {
    expect(directionForLanguage(tag)).toBe(direction);
  });

  it.each([
    ["en", "en"],
    ["EN-us", "en-US"],
    [" ar ", "ar"],
    ["zh-hant-tw", "zh-Hant-TW"],
    ["english please", null],
    ["", null],
  ])("canonicalLanguageTag(%j) = %j", (tag, expected) => {
    expect(canonicalLanguageTag(tag)).toBe(expected);
  });
});
