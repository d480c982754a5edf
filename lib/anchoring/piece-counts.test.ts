import { describe as suite, expect, it } from "vitest";
import { mulberry32 } from "./test-support/seeded-random";
import { normalizeText } from "./normalize";
import { pieceCounts, pieceOccurrences, uniquePlace } from "./piece-counts";
import { occurrencesOf, textIndex } from "./text-index";

const LENGTH = 16;

/** A text of few distinct words, so that pieces occur none, once and many times. */
function repetitiveText(rand: () => number, words: number): string {
  const vocabulary = ["the ", "river ", "of ", "harbour ", "council ", "winter ", "storm ", "a "];
  return Array.from({ length: words }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join("");
}

suite("pieceOccurrences and uniquePlace", () => {
  it("answers exactly as the text index does, for pieces found nowhere, once and many times, within any bounds", () => {
    const rand = mulberry32(7);
    const text = repetitiveText(rand, 400) + "a harbour council once met in winter";
    const norm = normalizeText(text);
    const counts = pieceCounts(norm, LENGTH);
    const index = textIndex(norm);
    const sources = [text, repetitiveText(rand, 400), "zzzz winter storm of the river zzzz"];
    let once = 0;
    let many = 0;
    let none = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const source = sources[trial % sources.length] as string;
      const at = Math.floor(rand() * (source.length - LENGTH));
      const from = rand() < 0.5 ? 0 : Math.floor(rand() * text.length);
      const to = rand() < 0.5 ? Infinity : from + Math.floor(rand() * 600);
      const limit = 1 + Math.floor(rand() * 3);
      const expected = occurrencesOf(index, source, at, LENGTH, limit, from, to);
      expect(pieceOccurrences(counts, source, at, limit, from, to)).toEqual(expected);
      const upToTwo = occurrencesOf(index, source, at, LENGTH, 2, from, to);
      expect(uniquePlace(counts, source, at, from, to)).toBe(upToTwo.length === 1 ? upToTwo[0] : -1);
      const all = occurrencesOf(index, source, at, LENGTH, 3).length;
      if (all === 0) none++;
      else if (all === 1) once++;
      else many++;
    }
    // The cases the table answers alone, and the ones it leaves to the index, were all tried.
    expect(Math.min(none, once, many)).toBeGreaterThan(50);
  });
});
