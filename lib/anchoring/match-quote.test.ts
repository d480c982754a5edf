import { describe as suite, expect, it } from "vitest";
import { mulberry32 } from "./test-support/seeded-random";
import { describeTextRange, matchQuote, type QuoteQuery } from "./index";

/** A quote selector for `exact` as found at `start` in `text` (what describe() would store). */
function quoteAt(text: string, exact: string, occurrence = 0): { quote: QuoteQuery; start: number } {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`fixture: "${exact}" not in text`);
  const { quote } = describeTextRange(text, start, start + exact.length);
  return { quote, start };
}

/** Where `passage` is in `text` (asserting it is there exactly once after `after`). */
function at(text: string, passage: string, after = 0): { start: number; end: number } {
  const start = text.indexOf(passage, after);
  if (start < 0) throw new Error(`fixture: "${passage}" not in edited text`);
  return { start, end: start + passage.length };
}

const ARTICLE =
  "The committee met on Tuesday to review the harbour plan. After a long debate, the members agreed " +
  "that the new breakwater should be built before winter, when storms usually arrive from the north. " +
  "Fishermen had asked for the work to be finished quickly, because the old wall was failing.\n\n" +
  "The mayor said the budget would cover most of the cost. The remaining funds will come from a " +
  "regional grant that the council applied for last spring. Engineers expect the project to take " +
  "about eight months, weather permitting.";

interface Case {
  name: string;
  /** Text the annotation was made on, and the passage annotated in it. */
  before: string;
  exact: string;
  occurrence?: number;
  /** Text now. */
  after: string;
  /** Expected passage in `after` (searched from `from`), or null for an orphan. */
  expected: string | null;
  from?: number;
  /** Hint passed instead of the old position. */
  hint?: number | "none";
}

const edit = (s: string, from: string, to: string): string => {
  if (!s.includes(from)) throw new Error(`fixture: "${from}" not in text`);
  return s.replace(from, to);
};

const BOILERPLATE =
  "Permission is hereby granted, free of charge, to any person obtaining a copy of this software, " +
  "to deal in the software without restriction.";

const cases: Case[] = [
  {
    name: "exact, unchanged text",
    before: ARTICLE,
    exact: "the new breakwater should be built",
    after: ARTICLE,
    expected: "the new breakwater should be built",
  },
  {
    name: "exact, text shifted by an inserted sentence",
    before: ARTICLE,
    exact: "regional grant that the council applied for",
    after: "Breaking: a late update was added here. " + ARTICLE,
    expected: "regional grant that the council applied for",
  },
  {
    name: "two occurrences told apart by context (second)",
    before: ARTICLE,
    exact: "the",
    occurrence: 12,
    after: ARTICLE,
    expected: null, // filled in below from the occurrence
  },
  {
    name: "typo inside the quote",
    before: ARTICLE,
    exact: "Fishermen had asked for the work to be finished quickly",
    after: edit(ARTICLE, "asked for the work", "asekd for the work"),
    expected: "Fishermen had asekd for the work to be finished quickly",
  },
  {
    name: "word inserted inside the quote",
    before: ARTICLE,
    exact: "Engineers expect the project to take about eight months",
    after: edit(ARTICLE, "expect the project", "expect the whole project"),
    expected: "Engineers expect the whole project to take about eight months",
  },
  {
    name: "word deleted inside the quote",
    before: ARTICLE,
    exact: "when storms usually arrive from the north",
    after: edit(ARTICLE, "storms usually arrive", "storms arrive"),
    expected: "when storms arrive from the north",
  },
  {
    name: "words inserted around the quote",
    before: ARTICLE,
    exact: "The mayor said the budget would cover most of the cost.",
    after: edit(ARTICLE, "The mayor said the budget would cover most of the cost. The", "Then, smiling, The mayor said the budget would cover most of the cost. Indeed, The"),
    expected: "The mayor said the budget would cover most of the cost.",
  },
  {
    name: "quote deleted",
    before: ARTICLE,
    exact: "After a long debate, the members agreed that the new breakwater should be built before winter, ",
    after: edit(ARTICLE, "After a long debate, the members agreed that the new breakwater should be built before winter, ", ""),
    expected: null,
  },
  {
    name: "quote mostly rewritten",
    before: ARTICLE,
    exact: "Engineers expect the project to take about eight months",
    after: edit(ARTICLE, "Engineers expect the project to take about eight months", "Builders think works could last nearly a year"),
    expected: null,
  },
  {
    name: "whitespace changed (newlines, doubled spaces)",
    before: ARTICLE,
    exact: "failing.\n\nThe mayor said",
    after: edit(edit(ARTICLE, "failing.\n\nThe mayor said", "failing. The  mayor\nsaid"), "", ""),
    expected: "failing. The  mayor\nsaid",
  },
  {
    name: "no hint, unique quote",
    before: ARTICLE,
    exact: "weather permitting",
    after: "Intro. " + ARTICLE,
    expected: "weather permitting",
    hint: "none",
  },
];

// The second "the" is picked by its context alone.
{
  const c = cases[2] as Case;
  const { start } = quoteAt(c.before, "the", 12);
  c.expected = "the";
  c.from = start;
}

suite("matchQuote", () => {
  it.each(cases)("$name", (c) => {
    const { quote, start } = quoteAt(c.before, c.exact, c.occurrence);
    const hint = c.hint === "none" ? undefined : (c.hint ?? start);
    const match = matchQuote(c.after, quote, hint);
    if (c.expected === null) {
      expect(match).toBeNull();
      return;
    }
    const want = at(c.after, c.expected, c.from ?? 0);
    expect(match && { start: match.start, end: match.end }).toEqual(want);
  });

  it("scores an exact quote with its context at the hint 1, edited ones less", () => {
    const { quote, start } = quoteAt(ARTICLE, "the new breakwater should be built");
    expect(matchQuote(ARTICLE, quote, start)?.score).toBe(1);
    const edited = edit(ARTICLE, "breakwater", "brekwater");
    const match = matchQuote(edited, quote, start);
    expect(match?.start).toBe(start);
    expect(match?.score).toBeGreaterThan(0.75);
    expect(match?.score).toBeLessThan(1);
  });

  it("tells apart identical quotes without context by the hint", () => {
    const text = "alpha beta gamma. " + "x".repeat(400) + " alpha beta gamma. " + "y".repeat(400);
    const second = text.indexOf("alpha beta gamma", 10);
    expect(matchQuote(text, { exact: "alpha beta gamma" }, second + 3)).toMatchObject({ start: second, end: second + 16 });
    expect(matchQuote(text, { exact: "alpha beta gamma" }, 2)).toMatchObject({ start: 0, end: 16 });
    // Halfway between the two: a guess either way.
    expect(matchQuote(text, { exact: "alpha beta gamma" }, Math.round(second / 2))).toBeNull();
    expect(matchQuote(text, { exact: "alpha beta gamma" })).toBeNull();
  });

  it("returns null for an empty quote", () => {
    expect(matchQuote(ARTICLE, { exact: "" }, 0)).toBeNull();
  });
});

suite("matchQuote on repeated boilerplate", () => {
  const intro = "Chapter one explains the licence of the first library in plain words for readers. ";
  const middle = " Chapter two is about a different project, written by other people entirely. ";
  const text = intro + BOILERPLATE + middle + BOILERPLATE + " The end.";
  const first = text.indexOf(BOILERPLATE);
  const second = text.indexOf(BOILERPLATE, first + 1);
  const exact = "free of charge, to any person obtaining a copy";
  const offset = BOILERPLATE.indexOf(exact);

  it("edited original near the hint wins over an exact copy further away", () => {
    const { quote } = describeTextRange(text, first + offset, first + offset + exact.length);
    const edited = text.slice(0, first) + BOILERPLATE.replace("to any person", "to any persn") + text.slice(first + BOILERPLATE.length);
    const want = edited.indexOf("free of charge, to any persn");
    expect(matchQuote(edited, quote, first + offset)).toMatchObject({ start: want, end: want + exact.length - 1 });
  });

  it("deleted passage does not slide onto the other copy", () => {
    const { quote } = describeTextRange(text, second + offset, second + offset + exact.length);
    const deleted = text.slice(0, second + offset) + text.slice(second + offset + exact.length);
    expect(matchQuote(deleted, quote, second + offset)).toBeNull();
  });

  it("look-alike with a changed word and other context is not taken for the deleted passage", () => {
    const lookAlike = "Anyone may, free of cost, to any person obtaining a copy, use the files as they like.";
    const source = intro + BOILERPLATE + " The end.";
    const start = source.indexOf(exact);
    const { quote } = describeTextRange(source, start, start + exact.length);
    const now = intro + lookAlike + " The end.";
    expect(matchQuote(now, quote, start)).toBeNull();
  });
});

/** Seeded pseudo-prose of about `length` characters, in paragraphs. */
function longProse(seed: number, length: number): string {
  const words = "river harbour council winter storm engineer budget grant village school market bridge railway station garden library museum theatre".split(" ");
  const rand = mulberry32(seed);
  let out = "";
  while (out.length < length) {
    const sentence = Array.from({ length: 8 + Math.floor(rand() * 10) }, () => words[Math.floor(rand() * words.length)] as string).join(" ");
    out += sentence + (rand() < 0.2 ? ".\n\n" : ". ");
  }
  return out.slice(0, length);
}

suite("matchQuote with a position that may be stale", () => {
  // A revision elsewhere in a long article (a section deleted before the
  // passage) shifts every later position by thousands of characters.
  const exact = "free of charge, to any person obtaining a copy";
  const offset = BOILERPLATE.indexOf(exact);

  it("does not tell apart copies of a passage closer together than a revision can shift it", () => {
    const text = longProse(1, 20_000) + BOILERPLATE + longProse(2, 1_500) + BOILERPLATE + longProse(3, 20_000);
    const first = text.indexOf(BOILERPLATE) + offset;
    const second = text.indexOf(BOILERPLATE, first) + offset;
    const { quote } = describeTextRange(text, first, first + exact.length);
    // A word inserted further up: near either copy, the position may just as
    // well be stale by the distance between them.
    const edited = "Breaking: " + text;
    expect(matchQuote(edited, quote, first)).toBeNull();
    expect(matchQuote(edited, quote, second)).toBeNull();
  });

  it("tells apart copies farther apart than that by the position", () => {
    const text = longProse(1, 20_000) + BOILERPLATE + longProse(2, 15_000) + BOILERPLATE + longProse(3, 20_000);
    const first = text.indexOf(BOILERPLATE) + offset;
    const second = text.indexOf(BOILERPLATE, first) + offset;
    const { quote } = describeTextRange(text, first, first + exact.length);
    const edited = "Breaking: " + text;
    expect(matchQuote(edited, quote, first)).toMatchObject({ start: first + 10, end: first + 10 + exact.length });
    expect(matchQuote(edited, quote, second)).toMatchObject({ start: second + 10, end: second + 10 + exact.length });
  });

  it("finds a unique passage that moved by thousands of characters", () => {
    const before = longProse(4, 30_000);
    const start = 20_000 + before.slice(20_000).indexOf(" ") + 1;
    const { quote } = describeTextRange(before, start, start + 60);
    const after = before.slice(0, 4_000) + before.slice(10_000);
    expect(matchQuote(after, quote, start)).toMatchObject({ start: start - 6_000, end: start - 6_000 + 60 });
  });

  it("does not take a far copy for a passage rewritten in place, its context still there", () => {
    const passage = "The council approved the harbour plan after a long debate on Tuesday evening.";
    const rewritten = "Our council rejected each harbour proposal after a brief session that Tuesday evening.";
    const prefix = "Minutes of the meeting, item four. ";
    const suffix = " Work starts in spring, said the mayor.";
    const before = longProse(5, 10_000) + prefix + passage + suffix + longProse(6, 8_000) + prefix + passage + suffix;
    const start = 10_000 + prefix.length;
    const { quote } = describeTextRange(before, start, start + passage.length);
    // A section before it deleted, and the passage rewritten beyond
    // recognition while its surroundings stay: the untouched copy further on
    // is not it.
    const after = before.slice(0, 2_000) + before.slice(7_000, start) + rewritten + before.slice(start + passage.length);
    expect(matchQuote(after, quote, start)).toBeNull();
  });

  it("does not place a short quote whose context was edited when its intact context stands elsewhere", () => {
    // Two clauses of a licence end alike; edits took the words that told the
    // annotated one apart, and another copy of the licence still has them.
    const licence =
      "      (c) You must retain, in the Source form of any Derivative Works\n          that You distribute, all copyright notices from the Source form of\n          the Work,\n" +
      "          excluding those notices that do not pertain to any part of\n          the Derivative Works; and\n\n" +
      "      (d) If the Work includes a NOTICE text file as part of its\n          distribution, then any Derivative Works that You distribute must\n" +
      "          include a readable copy of the attribution notices contained\n          within such NOTICE file, excluding those notices that do not\n" +
      "          pertain to any part of the Derivative Works, in at least one\n";
    const text = longProse(6, 30_000) + licence + longProse(7, 30_000) + licence + longProse(8, 5_000);
    const clause = "Work,\n          excluding those notices";
    const start = text.indexOf(clause, 40_000) + clause.indexOf("notices");
    const { quote } = describeTextRange(text, start, start + "notices that do".length);
    const edited = text.slice(0, start - "excluding those ".length) + "those deliberate " + text.slice(start);
    expect(matchQuote(edited, quote, start)).toBeNull();
  });

  it("does not take a sibling sentence near a stale position for a deleted passage whose seam lies beyond it", () => {
    // API documentation describes two options in nearly the same words. The
    // annotated sentence was deleted (with a word before it); the sibling
    // sentence, nearer the stale position than the seam left behind, shares
    // the words after it and a misspelt version of the quote.
    const annotated = "Accepts a String of a single rule ID or an Array of multiple rule IDs. Subsequent calls to AxeBuilder#options, AxeBuilder#withRules or AxeBuilder#withRules will override specified options. ";
    const sibling = "Accepts a String of a single tag or an Array of multiple tags. Subsequent calls to AxeBuilder#optinos, AxeBuilder#withRules or AxeBuilder#withRules will override specified options. ";
    const exact = "calls to AxeBuilder#options,";
    const before = longProse(9, 20_000) + annotated + longProse(10, 200) + sibling + longProse(11, 2_000);
    const start = before.indexOf(exact);
    const { quote } = describeTextRange(before, start, start + exact.length);
    const withoutIt = before.replace("multiple rule IDs. Subsequent calls to AxeBuilder#options,", "rule IDs. Subsequent ");
    const staleHint = withoutIt.indexOf("calls to AxeBuilder#optinos") + 310;
    expect(matchQuote(withoutIt, quote, staleHint)).toBeNull();
  });

  it("does not take an exact copy far from a stale position for a passage deleted with its context edited", () => {
    // Documentation repeats a sentence word for word. The annotated copy was
    // deleted and the words after it edited too much for a seam; only its
    // intact prefix, closed by a loose version of its suffix, is left.
    const sentence = "The leading flag fires the callback immediately on first render, defaults to true. This is essentially the value of options.leading in Lodash's debounce. ";
    const exact = "to true. This is essentially the value";
    const before = longProse(12, 20_000) + sentence + longProse(13, 600) + sentence + longProse(14, 8_000);
    const start = before.lastIndexOf(exact);
    const { quote } = describeTextRange(before, start, start + exact.length);
    const annotatedAt = before.lastIndexOf(sentence);
    const edited = sentence.replace(exact, "").replace("of options.leading in Lodash's debounce", "of as options.leadinb in debounce");
    // A section deleted further up makes the position stale by 6,000 characters.
    const after = before.slice(0, 6_000) + before.slice(12_000, annotatedAt) + edited + before.slice(annotatedAt + sentence.length);
    expect(after.indexOf(exact)).toBe(after.lastIndexOf(exact));
    expect(matchQuote(after, quote, start)).toBeNull();
  });
});

suite("matchQuote on a passage moved, or partly overwritten", () => {
  const passage = "The ferry timetable changes on the first Monday of every month, the harbour office said.";

  /** The passage as a notice between two stretches of prose (seeded by `seed`), where it starts, and its selector. */
  const notice = (seed: number) => {
    const text = `${longProse(seed, 3_000)}Notice to passengers: ${passage} Tickets are sold at the quay. ${longProse(seed + 1, 3_000)}`;
    const start = text.indexOf(passage);
    return { text, start, quote: describeTextRange(text, start, start + passage.length).quote };
  };

  it("finds a passage moved far away with its context, however stale the position", () => {
    const before = longProse(21, 20_000);
    const start = 5_000;
    const text = before.slice(0, start) + passage + before.slice(start);
    const { quote } = describeTextRange(text, start, start + passage.length);
    // The passage and 40 characters either side taken to near the end.
    const cut = text.slice(start - 40, start + passage.length + 40);
    const moved = text.slice(0, start - 40) + text.slice(start + passage.length + 40, 18_000) + cut + text.slice(18_000);
    const want = moved.indexOf(passage);
    expect(matchQuote(moved, quote, start)).toMatchObject({ start: want, end: want + passage.length });
    expect(matchQuote(moved, quote)).toMatchObject({ start: want, end: want + passage.length });
  });

  it("does not take the one verbatim copy when the passage's own context still meets where it was (deleted)", () => {
    const before = longProse(22, 20_000);
    const text = before.slice(0, 5_000) + passage + before.slice(5_000, 15_000) + before.slice(4_960, 5_000) + passage + before.slice(5_000, 5_040) + before.slice(15_000);
    const { quote } = describeTextRange(text, 5_000, 5_000 + passage.length);
    const deleted = text.slice(0, 5_000) + text.slice(5_000 + passage.length);
    expect(deleted.indexOf(quote.prefix + passage + quote.suffix)).not.toBe(-1);
    expect(matchQuote(deleted, quote, 5_000)).toBeNull();
    expect(matchQuote(deleted, quote)).toBeNull();
  });

  it("keeps the surviving half of a passage whose other half a neighbour's rewrite overwrote, and only at the hint", () => {
    const before = longProse(23, 6_000);
    const start = 3_000;
    const text = before.slice(0, start) + passage + before.slice(start);
    const { quote } = describeTextRange(text, start, start + passage.length);
    const keep = 50;
    const overwritten = text.slice(0, start + keep) + "grant village school market bridge railway station garden library museum" + text.slice(start + passage.length + 32);
    expect(matchQuote(overwritten, quote, start)).toMatchObject({ start, end: start + keep });
    // Somewhere else, half a sentence is not evidence enough.
    expect(matchQuote(overwritten, quote, start + 1_500)).toBeNull();
  });

  it("keeps the surviving half at the hint when the rewrite took the side of context next to it too", () => {
    const { text, start, quote } = notice(24);
    const keep = 50;
    // The rewrite replaced the prefix with words of the same length and the passage's second half.
    const prefix = quote.prefix as string;
    const rewritten = text.slice(0, start - prefix.length) + "grant village school mark".padEnd(prefix.length, "!") + text.slice(start, start + keep) + "museum theatre council winter storm engineer" + text.slice(start + passage.length);
    expect(matchQuote(rewritten, quote, start)).toMatchObject({ start, end: start + keep });
    // A side that reads like the passage's own, edited beyond what edits do, is a look-alike's: nothing then.
    const edited = text.slice(0, start - 12) + "xxxx yy zzzz" + text.slice(start, start + keep) + "museum theatre council winter storm engineer" + text.slice(start + passage.length);
    expect(matchQuote(edited, quote, start)).toBeNull();
    // With the side rewritten only the position speaks for it: words that stand elsewhere too may be any copy's.
    expect(matchQuote(`${rewritten}\n\n${passage.slice(0, keep)} and so on.`, quote, start)).toBeNull();
  });

  it("keeps the surviving half at the hint when a rewrite reached into the side next to it up to words that stand", () => {
    const { text, start, quote } = notice(26);
    const keep = 50;
    // A neighbour's rewrite replaced the prefix's first 10 characters (a third
    // of it: neither nearly intact nor unrelated), "Notice to passengers: "
    // standing word for word; another one the passage's second half.
    const prefix = quote.prefix as string;
    const kept = "Notice to passengers: ".length;
    const rewritten = text.slice(0, start - prefix.length) + "xq zj wk v" + text.slice(start - kept, start + keep) + "museum theatre council winter storm" + text.slice(start + passage.length);
    expect(matchQuote(rewritten, quote, start)).toMatchObject({ start, end: start + keep });
    // That says less than a side wholly rewritten: the half standing elsewhere, even edited, may be a copy's.
    const edited = passage.slice(0, keep).replace("timetable", "time table");
    expect(matchQuote(`${rewritten}\n\n${edited} and so on.`, quote, start)).toBeNull();
  });

  it("does not take the half at the hint when the passage's other side stands around it (deleted, its suffix repeating its words)", () => {
    const head = "Authors of the harbour guide (see the ferry office)";
    const passage = `${head} Edition two: Copyright`;
    const lead = `${longProse(28, 3_000)}Ask the harbour office for details.\n\n`;
    const text = `${lead}Copyright 2016 The Harbour Guide ${passage} 2016 The Harbour Guide ${head}. ${longProse(29, 3_000)}`;
    const start = text.indexOf(passage);
    const { quote } = describeTextRange(text, start, start + passage.length);
    // The passage deleted with the copyright line before it, and "The" after it: its suffix, and the words after
    // it that repeat its head, now stand where it was, after unrelated text.
    const deleted = `${lead} 2016 Harbour Guide ${head}. ${longProse(29, 3_000)}`;
    const hint = deleted.indexOf(head);
    expect(matchQuote(deleted, quote, hint)).toBeNull();
  });
});
