import { describe as suite, expect, it } from "vitest";
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

suite("matchQuote with Unicode", () => {
  it("finds a quote with emoji after an edit, without splitting surrogate pairs", () => {
    const text = "Launch day 🚀🚀 was a success 🎉 for the whole team, said the lead engineer afterwards.";
    const start = text.indexOf("🚀🚀 was a success 🎉");
    const exact = "🚀🚀 was a success 🎉";
    const { quote } = describeTextRange(text, start, start + exact.length);
    const now = "Update: " + text.replace("was a success", "was a sucess");
    const want = now.indexOf("🚀🚀 was a sucess 🎉");
    expect(matchQuote(now, quote, start)).toMatchObject({ start: want, end: want + exact.length - 1 });
  });

  it("prefix and suffix never start or end with half a surrogate pair", () => {
    const text = "😀".repeat(40) + "middle" + "😀".repeat(40);
    const start = text.indexOf("middle");
    const { quote } = describeTextRange(text, start, start + 6);
    expect(quote.prefix).toBe("😀".repeat(16));
    expect(quote.suffix).toBe("😀".repeat(16));
    // An odd offset would have cut a pair: the half is dropped.
    const odd = describeTextRange("a" + text, start + 1, start + 7).quote;
    expect(odd.prefix?.length).toBe(32);
    expect(/^[\uDC00-\uDFFF]/.test(odd.prefix ?? "")).toBe(false);
  });

  it("matches a precomposed quote in decomposed text and covers whole characters", () => {
    const nfc = "Le café de la gare ouvre à six heures, et le crème brûlée y est célèbre dans tout le quartier.";
    const start = nfc.indexOf("crème brûlée y est célèbre");
    const exact = "crème brûlée y est célèbre";
    const { quote } = describeTextRange(nfc, start, start + exact.length);
    const nfd = nfc.normalize("NFD");
    const want = nfd.indexOf("crème brûlée y est célèbre".normalize("NFD"));
    const match = matchQuote(nfd, quote, start);
    expect(match).toMatchObject({ start: want, end: want + exact.normalize("NFD").length });
  });

  it("finds an edited quote in Arabic (right-to-left) text", () => {
    const text =
      "قال الوزير إن الحكومة ستبني مدرسة جديدة في القرية قبل نهاية العام، وإن العمل سيبدأ في الربيع المقبل بعد موافقة المجلس.";
    const exact = "ستبني مدرسة جديدة في القرية";
    const start = text.indexOf(exact);
    const { quote } = describeTextRange(text, start, start + exact.length);
    const now = "خبر عاجل: " + text.replace("مدرسة جديدة", "مدرسة كبيرة جديدة");
    const want = now.indexOf("ستبني مدرسة كبيرة جديدة في القرية");
    expect(matchQuote(now, quote, start)).toMatchObject({ start: want, end: want + "ستبني مدرسة كبيرة جديدة في القرية".length });
  });
});

suite("matchQuote on long quotes", () => {
  it("locates a quote of several paragraphs with edits spread through it", () => {
    const words = Array.from({ length: 900 }, (_, i) => `w${(i * 7919) % 1009}`);
    const text = words.join(" ");
    const start = text.indexOf(words[100] as string);
    const end = text.indexOf(words[500] as string);
    const { quote } = describeTextRange(text, start, end);
    const now = "Preface added. " + text.replace(words[150] as string, "CHANGED").replace(words[300] as string, "").replace(words[450] as string, "x y z");
    const match = matchQuote(now, quote, start);
    const wantStart = now.indexOf(words[100] as string);
    const wantEnd = now.indexOf(words[500] as string);
    expect(match).toMatchObject({ start: wantStart, end: wantEnd });
  });
});
