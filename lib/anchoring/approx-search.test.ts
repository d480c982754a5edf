import { describe as suite, expect, it } from "vitest";
import { mulberry32 } from "./test-support/seeded-random";
import { searchApprox } from "./approx-search";

/** Plain edit distance between two strings. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min((row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1), (row[j] as number) + 1, (next[j - 1] as number) + 1);
    }
    row = next;
  }
  return row[b.length] as number;
}

/** Fewest edits between the pattern and any stretch of the text (the start is free: row 0 stays 0). */
function fewestEdits(pattern: string, text: string): number {
  let column = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  let best = pattern.length;
  for (let j = 1; j <= text.length; j++) {
    const next = [0];
    for (let i = 1; i <= pattern.length; i++) {
      next[i] = Math.min((column[i - 1] as number) + (pattern[i - 1] === text[j - 1] ? 0 : 1), (column[i] as number) + 1, (next[i - 1] as number) + 1);
    }
    best = Math.min(best, next[pattern.length] as number);
    column = next;
  }
  return best;
}

suite("searchApprox", () => {
  it.each([
    {
      name: "one occurrence is one match, not one per end position",
      text: "The committee met on Tuesday to review the harbour plan.",
      pattern: "review the harbour",
      k: 4,
      want: [{ start: 32, end: 50, errors: 0 }],
    },
    {
      name: "a typo on the first character belongs to the match",
      text: "the xuick brown fox",
      pattern: "quick brown",
      k: 2,
      want: [{ start: 4, end: 15, errors: 1 }],
    },
    {
      name: "of equally good ends, the one closest to the pattern's length",
      text: "an abcY and more",
      pattern: "abcX",
      k: 1,
      want: [{ start: 3, end: 7, errors: 1 }],
    },
    {
      name: "two occurrences, two matches",
      text: "alpha beta gamma, then alpha beta gamma again",
      pattern: "alpha beta gamma",
      k: 3,
      want: [
        { start: 0, end: 16, errors: 0 },
        { start: 23, end: 39, errors: 0 },
      ],
    },
    {
      name: "only what lies within the window",
      text: "alpha beta gamma, then alpha beta gamma again",
      pattern: "alpha beta gamma",
      k: 3,
      from: 5,
      want: [{ start: 23, end: 39, errors: 0 }],
    },
    {
      name: "nothing within the budget",
      text: "entirely unrelated words here",
      pattern: "harbour",
      k: 1,
      want: [],
    },
  ])("$name", ({ text, pattern, k, from = 0, want }) => {
    expect(searchApprox(text, pattern, from, text.length, k)).toEqual(want);
  });

  it("reports true error counts and covers every best end, on seeded random texts", () => {
    const rand = mulberry32(42);
    const alphabet = "abcde ";
    for (let round = 0; round < 300; round++) {
      const pattern = Array.from({ length: 4 + Math.floor(rand() * 60) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
      // Plant an edited copy among random text so there is something to find.
      const copy = pattern.replace(/./g, (c) => (rand() < 0.1 ? (alphabet[Math.floor(rand() * alphabet.length)] as string) : c));
      const noise = (n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
      const text = noise(Math.floor(rand() * 80)) + copy + noise(Math.floor(rand() * 80));
      const k = Math.floor(pattern.length / 4);
      const matches = searchApprox(text, pattern, 0, text.length, k);
      for (const m of matches) {
        expect(m.errors).toBeLessThanOrEqual(k);
        expect(distance(pattern, text.slice(m.start, m.end))).toBe(m.errors);
      }
      // The fewest-edit occurrence anywhere is among the matches.
      const best = fewestEdits(pattern, text);
      if (best <= k) expect(Math.min(...matches.map((m) => m.errors))).toBe(best);
    }
  });
});
