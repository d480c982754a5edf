import { describe as suite, expect, it } from "vitest";
import { maxErrorsFor, searchApprox } from "./approx-search";
import { refineBoundaries } from "./boundaries";
import { describeTextRange } from "./describe";
import { prepareQuote } from "./prepare-quote";

interface Case {
  name: string;
  /** The annotated text and passage. */
  before: string;
  exact: string;
  /** The text now, and the passage the match should cover in it. */
  after: string;
  want: string;
}

const cases: Case[] = [
  {
    name: "a word inserted after the quote's first words stays inside, instead of the start moving past them",
    before: "An ESnext spec-compliant shim/polyfill/replacement that works as far down as ES3. Because it depends on a receiver",
    exact: "that works as far down as ES3. Because it depends on a receiver",
    after: "An ESnext spec-compliant shim/polyfill/replacement that works as trademarks far down as ES3. Because it depends on a receiver",
    want: "that works as trademarks far down as ES3. Because it depends on a receiver",
  },
  {
    name: "a word inserted before the quote's last words: the end follows the quote to where the suffix starts",
    before: "If comparator is not specified, it defaults to ascending. This function is similar to max, except it allows the use of",
    exact: "it defaults to ascending. This function is similar to",
    after: "If comparator is not specified, it defaults to ascending. This function is matched similar to max, except it allows the use of",
    want: "it defaults to ascending. This function is matched similar to",
  },
  {
    name: "a typo on the quote's last character keeps the character",
    before: "The mayor said the budget would cover most of the cost, and the grant the rest.",
    exact: "the budget would cover most of the cost",
    after: "The mayor said the budget would cover most of the cosy, and the grant the rest.",
    want: "the budget would cover most of the cosy",
  },
];

suite("refineBoundaries", () => {
  it.each(cases)("$name", ({ before, exact, after, want }) => {
    const start = before.indexOf(exact);
    const pq = prepareQuote(describeTextRange(before, start, start + exact.length).quote);
    if (!pq) throw new Error("fixture: empty quote");
    const budget = maxErrorsFor(exact.length);
    const [found] = searchApprox(after, pq.nExact, 0, after.length, budget);
    if (!found) throw new Error("fixture: the search finds nothing");
    const refined = refineBoundaries(after, pq, found, budget);
    expect(after.slice(refined.start, refined.end)).toBe(want);
    expect(refined.errors).toBeLessThanOrEqual(budget);
  });

  it("leaves an exact match, and a match without context, as found", () => {
    const text = "one two three four five";
    const exactMatch = { start: 4, end: 13, errors: 0 };
    const withContext = prepareQuote({ exact: "two three", prefix: "one ", suffix: " four" });
    const bare = prepareQuote({ exact: "two thref" });
    if (!withContext || !bare) throw new Error("fixture: empty quote");
    expect(refineBoundaries(text, withContext, exactMatch, 2)).toBe(exactMatch);
    const edited = { start: 4, end: 13, errors: 1 };
    expect(refineBoundaries(text, bare, edited, 2)).toBe(edited);
  });

  it("never trades the quote beyond its error budget for better context", () => {
    // The context reads perfectly only if the quote takes in the inserted
    // phrase, which costs more than a quarter of it: the found match stays.
    const before = "intro words. alpha beta gamma delta. outro words";
    const after = "intro words. alpha beta gamma delta and a long inserted phrase. outro words";
    const pq = prepareQuote(describeTextRange(before, 13, 35).quote);
    if (!pq) throw new Error("fixture: empty quote");
    const found = { start: 13, end: 35, errors: 1 };
    const refined = refineBoundaries(after, pq, found, maxErrorsFor(22));
    expect(refined.errors).toBeLessThanOrEqual(maxErrorsFor(22));
    expect(after.slice(refined.start, refined.end)).toBe("alpha beta gamma delta");
  });
});
