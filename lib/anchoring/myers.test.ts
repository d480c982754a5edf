import { describe as suite, expect, it } from "vitest";
import { mulberry32 } from "./test-support/seeded-random";
import { bestPrefixDistance, compile, prefixDistances } from "./myers";
import { searchEnds } from "./myers-search";

/**
 * The textbook dynamic programme, one column per text character: entry i of
 * `column` is the distance between pattern[0, i) and the best text stretch
 * ending here (free start) or the text read so far (anchored start).
 */
function referenceColumns(pattern: string, text: string, freeStart: boolean): number[][] {
  const m = pattern.length;
  let column = Array.from({ length: m + 1 }, (_, i) => i);
  const columns = [column];
  for (let j = 1; j <= text.length; j++) {
    const next = [freeStart ? 0 : j];
    for (let i = 1; i <= m; i++) {
      const substitution = (column[i - 1] as number) + (pattern[i - 1] === text[j - 1] ? 0 : 1);
      next[i] = Math.min(substitution, (column[i] as number) + 1, (next[i - 1] as number) + 1);
    }
    columns.push(next);
    column = next;
  }
  return columns;
}

/** Every end (exclusive) within `text` where `pattern` matches with at most `k` edits, and with how many. */
function referenceEnds(pattern: string, text: string, k: number): [number, number][] {
  return referenceColumns(pattern, text, true)
    .map((column, end): [number, number] => [end, column[pattern.length] as number])
    .filter(([end, errors]) => end > 0 && errors <= k);
}

/** Reverses by UTF-16 unit, as the matcher reads leftwards (halves of a surrogate pair swap; both sides alike). */
const reverse = (s: string): string => s.split("").reverse().join("");

const ALPHABETS = [
  ["a", "b"],
  ["a", "b", "c", "d"],
  "abcdefghij ".split(""),
  // Surrogate pairs and a combining accent: the matcher works on UTF-16 units.
  ["a", "b", "😀", "🚀", "é", "e\u0301"],
  ["ا", "ل", "ك", "ت", "ب", " "],
];

/** `s` with about one character in ten substituted, deleted or doubled. */
function mutate(rand: () => number, s: string, alphabet: readonly string[]): string {
  let out = "";
  for (const ch of s) {
    const roll = rand();
    if (roll < 0.04) out += alphabet[Math.floor(rand() * alphabet.length)] as string;
    else if (roll < 0.07) continue;
    else if (roll < 0.1) out += ch + ch;
    else out += ch;
  }
  return out;
}

function randomString(rand: () => number, alphabet: readonly string[], length: number): string {
  let s = "";
  while (s.length < length) s += alphabet[Math.floor(rand() * alphabet.length)] as string;
  return s;
}

suite("searchEnds", () => {
  it.each([
    { name: "exact", text: "the quick brown fox", pattern: "brown", k: 0, want: [[15, 0]] },
    { name: "one substitution", text: "the quick brawn fox", pattern: "brown", k: 1, want: [[15, 1]] },
    { name: "two budgets, ends either side", text: "the quick brawn fox", pattern: "brown", k: 2, want: [[14, 2], [15, 1], [16, 2]] },
    { name: "nothing within budget", text: "lorem ipsum", pattern: "zzzz", k: 1, want: [] },
    { name: "window excludes a match", text: "abcXXXXabc", pattern: "abc", k: 0, from: 1, to: 10, want: [[10, 0]] },
    { name: "emoji pair is two units", text: "go 🚀 now", pattern: "🚀", k: 0, want: [[5, 0]] },
  ])("$name", ({ text, pattern, k, from = 0, to = text.length, want }) => {
    const ends = searchEnds(text, compile(pattern), from, to, k);
    const got = Array.from({ length: ends.count }, (_, i) => [ends.at[i], ends.errors[i]]);
    expect(got).toEqual(want);
  });

  it("agrees with the dynamic programme on seeded random texts, patterns up to 150 characters", () => {
    const rand = mulberry32(20261126);
    for (let round = 0; round < 600; round++) {
      const alphabet = ALPHABETS[round % ALPHABETS.length] as string[];
      const pattern = randomString(rand, alphabet, 1 + Math.floor(rand() * (round % 3 === 0 ? 150 : 40)));
      const text = randomString(rand, alphabet, Math.floor(rand() * 300));
      const k = Math.floor(rand() * pattern.length * 0.5);
      const from = Math.floor(rand() * 12);
      const ends = searchEnds(text, compile(pattern), from, text.length, k);
      const got = Array.from({ length: ends.count }, (_, i) => [ends.at[i], ends.errors[i]]);
      const want = referenceEnds(pattern, text.slice(from), k).map(([end, errors]) => [end + from, errors]);
      expect(got, `pattern ${JSON.stringify(pattern)}, k ${k}`).toEqual(want);
    }
  });

  it("matches a pattern embedded with edits when it spans several 32-character blocks", () => {
    const pattern = "abcdefghijklmnopqrstuvwxyz".repeat(4);
    const edited = pattern.slice(0, 30) + "X" + pattern.slice(31, 70) + pattern.slice(72);
    const text = `${"-".repeat(50)}${edited}${"-".repeat(50)}`;
    const ends = searchEnds(text, compile(pattern), 0, text.length, 3);
    const best = Math.min(...Array.from(ends.errors.subarray(0, ends.count)));
    expect(best).toBe(3);
    expect(Array.from(ends.at.subarray(0, ends.count))).toContain(50 + edited.length);
  });
});

suite("prefixDistances", () => {
  it("agrees with the dynamic programme in both directions, anchored and floating", () => {
    const rand = mulberry32(7);
    for (let round = 0; round < 600; round++) {
      const alphabet = ALPHABETS[round % ALPHABETS.length] as string[];
      const pattern = randomString(rand, alphabet, Math.floor(rand() * 80));
      const text = randomString(rand, alphabet, Math.floor(rand() * 120));
      const floating = rand() < 0.5;
      const dir = rand() < 0.5 ? 1 : -1;
      const start = Math.floor(rand() * (text.length + 1));
      const count = Math.floor(rand() * 100);
      const read = dir > 0 ? text.slice(start, start + count) : reverse(text.slice(Math.max(0, start - count), start));
      const want = referenceColumns(dir > 0 ? pattern : reverse(pattern), read, floating).map((column) => column[column.length - 1]);
      const got = Array.from(prefixDistances(compile(pattern, dir < 0), text, start, count, dir, floating).subarray(0, want.length));
      expect(got, `pattern ${JSON.stringify(pattern)}`).toEqual(want);
      expect(bestPrefixDistance(compile(pattern, dir < 0), text, start, count, dir, floating)).toBe(Math.min(...(want as number[])));
    }
  });

  it("with a budget, gives every anchored distance within it exactly and only larger ones beyond it", () => {
    const rand = mulberry32(11);
    for (let round = 0; round < 600; round++) {
      const alphabet = ALPHABETS[round % ALPHABETS.length] as string[];
      const pattern = randomString(rand, alphabet, 1 + Math.floor(rand() * 200));
      // Half the time the text holds the pattern, edited, so that distances within the budget occur.
      const text = rand() < 0.5 ? randomString(rand, alphabet, Math.floor(rand() * 260)) : mutate(rand, pattern, alphabet) + randomString(rand, alphabet, 20);
      const dir = rand() < 0.5 ? 1 : -1;
      const start = dir > 0 ? 0 : text.length;
      const count = pattern.length + Math.floor(rand() * 60);
      const budget = Math.floor(rand() * pattern.length * 0.4);
      const read = dir > 0 ? text.slice(start, start + count) : reverse(text.slice(Math.max(0, start - count), start));
      const want = referenceColumns(dir > 0 ? pattern : reverse(pattern), read, false).map((column) => column[column.length - 1] as number);
      const got = Array.from(prefixDistances(compile(pattern, dir < 0), text, start, count, dir, false, budget).subarray(0, want.length));
      const seen = got.map((d, n) => (d <= budget || (want[n] as number) <= budget ? d : "beyond"));
      expect(seen, `pattern ${JSON.stringify(pattern)}, budget ${budget}`).toEqual(want.map((d) => (d <= budget ? d : "beyond")));
    }
  });

  it("compares a prefix with the text before a position, its far end free", () => {
    const text = "An edited article, and then the quote";
    const before = text.indexOf("the quote");
    expect(bestPrefixDistance(compile("and then ", true), text, before, 20, -1, false)).toBe(0);
    expect(bestPrefixDistance(compile("and thon ", true), text, before, 20, -1, false)).toBe(1);
  });
});
