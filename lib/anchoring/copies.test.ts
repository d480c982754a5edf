import { describe as suite, expect, it } from "vitest";
import { mulberry32 } from "./test-support/seeded-random";
import { findCopies } from "./copies";
import { normalizeText } from "./normalize";
import { occurrencesOf, textIndex } from "./text-index";

const WORDS = "river harbour council winter storm engineer budget grant village school market bridge railway station garden library museum".split(" ");

/** Seeded pseudo-prose: plenty of repeated words, like a real article. */
function prose(seed: number, words: number): string {
  const rand = mulberry32(seed);
  return Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)] as string).join(" ");
}

function indexOf(text: string) {
  return textIndex(normalizeText(text));
}

suite("text index", () => {
  it("finds every occurrence of a piece, like indexOf, in Latin, Arabic and emoji text", () => {
    const text = `${prose(1, 2000)} مدرسة جديدة في القرية 🚀🚀 ${prose(2, 500)} مدرسة جديدة 🚀🚀`;
    const index = indexOf(text);
    const rand = mulberry32(3);
    for (let round = 0; round < 300; round++) {
      const at = Math.floor(rand() * (text.length - 20));
      const length = 8 + Math.floor(rand() * 12);
      const piece = text.slice(at, at + length);
      const want: number[] = [];
      for (let p = text.indexOf(piece); p !== -1; p = text.indexOf(piece, p + 1)) want.push(p);
      expect(occurrencesOf(index, text, at, length, Infinity)).toEqual(want);
    }
  });

  it("limits occurrences to a range and a count", () => {
    const text = "abcdefgh-abcdefgh-abcdefgh-abcdefgh";
    const index = indexOf(text);
    expect(occurrencesOf(index, text, 0, 8, Infinity)).toEqual([0, 9, 18, 27]);
    // Occurrences lying within [from, to).
    expect(occurrencesOf(index, text, 0, 8, Infinity, 5, 26)).toEqual([9, 18]);
    expect(occurrencesOf(index, text, 0, 8, Infinity, 5, 25)).toEqual([9]);
    expect(occurrencesOf(index, text, 0, 8, 2)).toEqual([0, 9]);
  });
});

suite("findCopies", () => {
  const passage = "the council approved the new breakwater before the winter storms";
  const edited = passage.replace("approved", "aproved").replace("winter", "wintry");

  it("finds the copies of a passage, intact or edited, and nothing else", () => {
    const text = `${prose(4, 400)} ${passage} ${prose(5, 800)} ${edited} ${prose(6, 400)}`;
    const copies = findCopies(indexOf(text), passage, 12);
    expect(copies.map((c) => text.slice(c.start, c.end))).toEqual([passage, edited]);
    expect(copies.map((c) => c.errors)).toEqual([0, 3]);
  });

  it("leaves out the copy starting where it is told to skip, and what lies outside the range", () => {
    const text = `${prose(4, 400)} ${passage} ${prose(5, 800)} ${edited} ${prose(6, 400)}`;
    const first = text.indexOf(passage);
    const second = text.indexOf(edited);
    const index = indexOf(text);
    expect(findCopies(index, passage, 12, 0, Infinity, first).map((c) => c.start)).toEqual([second]);
    expect(findCopies(index, passage, 12, first + passage.length, text.length).map((c) => c.start)).toEqual([second]);
  });

  it("finds a copy with as many scattered edits as the pattern has 16-character stretches, less one", () => {
    const rand = mulberry32(9);
    for (let round = 0; round < 40; round++) {
      const pattern = prose(100 + round, 16).slice(0, 96);
      // Six stretches: five edits, each in a different one, may break five pieces but never all six.
      let copy = pattern;
      for (let stretch = 0; stretch < 5; stretch++) {
        const at = stretch * 16 + Math.floor(rand() * 16);
        copy = copy.slice(0, at) + "#" + copy.slice(at + 1);
      }
      const text = `${prose(200 + round, 300)} ${copy} ${prose(300 + round, 300)}`;
      const found = findCopies(indexOf(text), pattern, 5).map((c) => text.slice(c.start, c.end));
      expect(found).toContain(copy);
    }
  });

  it("scans when the pattern is shorter than a piece", () => {
    const text = `${prose(7, 200)} qzx ${prose(8, 200)}`;
    expect(findCopies(indexOf(text), "qzx", 0).map((c) => text.slice(c.start, c.end))).toEqual(["qzx"]);
  });
});
