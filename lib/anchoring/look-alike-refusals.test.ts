import { describe as suite, expect, it } from "vitest";
import { locateOutcome, matchQuote } from "./match-quote";
import { normalizeText } from "./normalize";
import { prepareQuote, type PreparedQuote } from "./prepare-quote";
import { mulberry32 } from "./test-support/seeded-random";

const WORDS = "river harbour council winter storm engineer budget grant village school market bridge railway station garden library museum".split(" ");
const WARRANTY = "THE SOFTWARE IS PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY.";

function prose(words: number, seed: number): string {
  const rand = mulberry32(seed);
  return Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)] as string).join(" ") + ".";
}

function quoteIn(text: string, from: number, exact: string): PreparedQuote {
  const start = text.indexOf(exact, from);
  return prepareQuote({ exact, prefix: text.slice(start - 32, start), suffix: text.slice(start + exact.length, start + exact.length + 32) }) as PreparedQuote;
}

/**
 * Bounds (anchorAll's landmarks) that leave the hint far from the one place
 * between them where the quote reads well, or a short quote off the hint, do
 * not pin the passage there: it may have moved out of them, or been deleted
 * from them, leaving a copy. A copy anywhere else that reads as well says so.
 */
suite("locateOutcome within bounds", () => {
  const inside = [prose(40, 1), WARRANTY, prose(200, 2)].join("\n\n");
  const lo = 0;
  const hi = inside.length;
  const elsewhere = [prose(300, 3), WARRANTY, prose(40, 4)].join("\n\n");

  for (const { length, exact, hintFrom } of [
    { length: "long", exact: "WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED", hintFrom: { phrase: WARRANTY, by: 600 } },
    { length: "short", exact: "BUT NOT LIMITED", hintFrom: { phrase: "BUT NOT LIMITED", by: 100 } },
  ]) {
    it(`refuses a ${length} quote off the hint when a copy outside the bounds reads as well, and takes it when none does`, () => {
      const hint = inside.indexOf(hintFrom.phrase) + hintFrom.by;
      for (const [text, want] of [
        [`${inside}\n\n${elsewhere}`, "refused"],
        [`${inside}\n\n${prose(300, 3)}`, inside.indexOf(exact)],
      ] as const) {
        const norm = normalizeText(text);
        const outcome = locateOutcome(norm, quoteIn(text, 0, exact), { hint, lo, hi, global: false, oneSidedReach: 32 });
        expect(outcome === "refused" || outcome === null ? outcome : outcome.start).toBe(want);
      }
    });
  }
});

suite("matchQuote with a stale hint beside repeated boilerplate", () => {
  const NOTICE = "THE SOFTWARE IS PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY.";
  // Long enough for the copies to lie within the reach of a stale hint (a share of the text).
  const text = [prose(60, 5), NOTICE, prose(30, 6), NOTICE, prose(2000, 7)].join("\n\n");
  const exact = "IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS";
  const start = text.indexOf(exact);
  const quote = { exact, prefix: text.slice(start - 32, start), suffix: text.slice(start + exact.length, start + exact.length + 32) };
  const copy = text.indexOf(exact, start + 1);

  it("refuses the intact copy near the hint when the passage, edited, still stands in its own context within the hint's reach", () => {
    // The annotated notice loses two words (more than a copy is allowed to differ by); the hint has drifted nearer the copy.
    const now = text.replace("THE AUTHORS OR COPYRIGHT", "THE COPYRIGHT");
    expect(matchQuote(now, quote, copy - 150)).toBeNull();
  });

  it("takes the copy when the annotated notice is gone altogether and nothing else reads like it", () => {
    const now = text.slice(0, start - 40) + text.slice(start + NOTICE.length);
    const hint = copy - 150;
    expect(matchQuote(now, quote, hint)?.start).toBe(now.indexOf(exact));
  });
});
