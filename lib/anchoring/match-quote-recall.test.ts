/**
 * The recall the peer promises (the cases hypothesis/client tests its
 * matchQuote with, restated over our own texts), together with our one
 * reservation: copies that context meant to tell apart, and cannot, are
 * refused, not guessed. (A bare quote with neither context nor hint takes
 * the first of equally good readings, as the peer does: nothing was meant
 * to tell them apart.)
 */

import { describe as suite, expect, it } from "vitest";
import { matchQuote, type QuoteQuery } from "./index";

const FLOOD =
  "Long after the flood, as she crossed the old stone bridge, the ferrywoman would remember " +
  "the grey morning when her mother first took her down to see the frozen river.";

const SEASONS =
  "It was a year of plenty and a year of want, a season of rain and a season of dust; we had " +
  "harvests behind us, we had hunger behind us, we were all walking toward the city, we were all " +
  "walking the other road.";

function scores(text: string, queries: QuoteQuery[]): number[] {
  return queries.map((q) => {
    const match = matchQuote(text, q);
    if (!match) throw new Error(`no match for ${JSON.stringify(q)}`);
    return match.score;
  });
}

function strictlyFalling(values: number[]): void {
  for (let i = 1; i < values.length; i++) expect(values[i], `score ${i} of ${values.join(", ")}`).toBeLessThan(values[i - 1] as number);
}

suite("matchQuote recall", () => {
  it("scores an exact quote 1", () => {
    const match = matchQuote(FLOOD, { exact: "the frozen river" });
    expect(match?.score).toBe(1);
    expect(match && FLOOD.slice(match.start, match.end)).toBe("the frozen river");
  });

  it("finds the nearest reading of a quote with no exact copy, scored between 0 and 1", () => {
    const match = matchQuote(FLOOD, { exact: "Some after the flood" });
    expect(match && FLOOD.slice(match.start, match.end)).toBe("Long after the flood");
    expect(match?.score).toBeGreaterThan(0);
    expect(match?.score).toBeLessThan(1);
  });

  it("scores fall as the quote reads less like the text", () => {
    strictlyFalling(scores(FLOOD, ["Long after the flood", "Long afer the flood", "Some after the flood", "Some ater the blood"].map((exact) => ({ exact }))));
  });

  it("scores fall as the prefix reads less like the text, the quote found all the same", () => {
    const exact = ", as she crossed the old stone bridge";
    const prefixes = ["Long after the flood", "Long afer the flood", "Some after the flood", "Some time after a storm"];
    strictlyFalling(scores(FLOOD, prefixes.map((prefix) => ({ exact, prefix }))));
  });

  it("scores fall as the suffix reads less like the text, the quote found all the same", () => {
    const exact = "Long after the flood";
    const suffixes = [", as she crossed the old stone bridge", ", as he crossed the old stone bridge", ", as she walked over the old bridge", ", when they all went to market"];
    strictlyFalling(scores(FLOOD, suffixes.map((suffix) => ({ exact, suffix }))));
  });

  it("refuses a quote that reads like nothing in the text", () => {
    expect(matchQuote(SEASONS, { exact: FLOOD })).toBeNull();
  });

  it("refuses an empty quote and an empty text", () => {
    expect(matchQuote("some text", { exact: "" })).toBeNull();
    expect(matchQuote("", { exact: "some text" })).toBeNull();
  });

  it("finds a quote whose prefix is longer than the text before it", () => {
    const match = matchQuote(FLOOD, { exact: "after the flood", prefix: "Once upon a time, long" });
    expect(match && FLOOD.slice(match.start, match.end)).toBe("after the flood");
    expect(match?.start).toBeLessThan("Once upon a time, long".length);
  });

  it("finds a quote ending the text though its suffix has nothing left to match", () => {
    const text = "A short note on rivers";
    const match = matchQuote(text, { exact: "rivers", suffix: " and lakes" });
    expect(match && text.slice(match.start, match.end)).toBe("rivers");
  });

  const copies: { name: string; quote: QuoteQuery; before: string }[] = [
    { name: "exact prefix, first copy", quote: { exact: "behind us", prefix: "we had harvests " }, before: "we had harvests " },
    { name: "exact prefix, second copy", quote: { exact: "behind us", prefix: "we had hunger " }, before: "we had hunger " },
    { name: "misspelt prefix, first copy", quote: { exact: "behind us", prefix: "we had har-vests" }, before: "we had harvests " },
    { name: "misspelt prefix, second copy", quote: { exact: "behind us", prefix: "we had hungr" }, before: "we had hunger " },
    { name: "exact suffix, first copy", quote: { exact: "we had", suffix: " harvests" }, before: "dust; " },
    { name: "exact suffix, second copy", quote: { exact: "we had", suffix: " hunger" }, before: "behind us, " },
    { name: "misspelt suffix, first copy", quote: { exact: "we had", suffix: "harv ests" }, before: "dust; " },
    { name: "misspelt suffix, second copy", quote: { exact: "we had", suffix: "hungre" }, before: "behind us, " },
  ];

  it.each(copies)("lets the context choose among copies of the quote: $name", ({ quote, before }) => {
    const match = matchQuote(SEASONS, quote);
    expect(match?.start).toBe(SEASONS.indexOf(before) + before.length);
    expect(match && SEASONS.slice(match.start, match.end)).toBe(quote.exact);
  });

  it("lets the hint choose among equally good readings of a misspelt quote", () => {
    const first = SEASONS.indexOf("harvests behind us") + "harvests ".length;
    const second = SEASONS.indexOf("hunger behind us") + "hunger ".length;
    expect(matchQuote(SEASONS, { exact: "behnd us" }, first)?.start).toBe(first);
    expect(matchQuote(SEASONS, { exact: "behnd us" }, second)?.start).toBe(second);
  });

  it("takes the first of equally good readings of a bare quote with no hint, as the peer does", () => {
    const first = SEASONS.indexOf("harvests behind us") + "harvests ".length;
    expect(matchQuote(SEASONS, { exact: "behnd us" })?.start).toBe(first);
  });

  it("refuses equally good readings when the context that should tell them apart ties", () => {
    // Context is there, and reads as well (or as badly) at both copies: it
    // was meant to decide and cannot, so the order of the text must not.
    expect(matchQuote(SEASONS, { exact: "behnd us", prefix: "we had h" })).toBeNull();
    expect(matchQuote(SEASONS, { exact: "behnd us", suffix: ", we " })).toBeNull();
  });
});
