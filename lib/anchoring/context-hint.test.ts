/**
 * Passages with no position (imports, a quote alone) found from where a side
 * of their context stands once in the text (context-hint.ts), and the
 * look-alikes that must not be taken for them.
 */

import { describe as suite, expect, it } from "vitest";
import { anchorAll, describeTextRange, matchQuote } from "./index";
import { HARBOUR_SENTENCES, imported, wordProse as prose } from "./test-support/sample-texts";

suite("a passage with no position, found by its context", () => {
  const passage = "Last spring the ferry company announced that the winter timetable would start early this year because of the storms.";
  const text = [prose(80, 1), passage, prose(80, 2)].join("\n\n");
  const exact = "announced that the winter timetable would start early this year";
  const item = imported(text, exact);

  it("is found much edited (a third of its quote) between its intact sides, which stand once in the text", () => {
    const rewritten = "said that its winter schedule would begin early this year";
    const now = text.replace(exact, rewritten);
    const [got] = anchorAll(now, [item]);
    expect(got && now.slice(got.start, got.end)).toBe(rewritten);
    expect(matchQuote(now, item.quote)).toEqual(got);
  });

  it("is taken word for word with its context, once, though a sibling paragraph shares a side of that context and half the quote", () => {
    const tail = "The CSS and web font files to self-host the Inter variable font.";
    const quoteText = `encodeURIComponent, which throw on lone surrogates. ${tail}`;
    const more = " Visit the main website to view more details on this package.";
    const page = [prose(60, 9), `This differs from encodeURI and ${quoteText}${more}`, prose(60, 10), `${tail.replace("Inter", "Noto Sans")}${more}`, prose(60, 11)].join("\n\n");
    const [got] = anchorAll(page, [imported(page, quoteText)]);
    expect(got?.start).toBe(page.indexOf(quoteText));
  });

  it("is read right after its prefix, which stands once, a fifth of its quote edited and its suffix rewritten", () => {
    const edited = "announced the winter timetable will start early this year";
    const now = text.replace(`${exact} because of the storms.`, `${edited}, as the harbour master had asked in autumn.`);
    const [got] = anchorAll(now, [item]);
    expect(got && now.slice(got.start, got.end)).toBe(edited);
  });

  it("is an orphan when it was deleted, its sides meeting", () => {
    const now = text.replace(exact + " ", "");
    expect(anchorAll(now, [item])).toEqual([null]);
  });
});

suite("look-alikes a side of the context points at", () => {
  it("is not the next entry of a list after a deleted entry, however alike the entries read", () => {
    // Entries of one template: deleting one leaves its prefix followed by
    // the next entry, which reads like it, and the template's start after
    // that reads like its suffix. Its prefix and suffix meeting say it went.
    const entries = ["Ann Lee, Bo Chen and Cy Diaz", "Dee Fox, Ed Gray and Flo Hunt", "Gus Ito, Hal Jay and Ida Kim", "Jo Lam, Kay Moe and Lu Ng"].map(
      (names) => `Credits: these notes were written by ${names}.`,
    );
    const before = `${prose(60, 4)} Thanks to everyone who helped. ${entries.join(" ")} ${prose(60, 5)}`;
    const exact = entries[1] as string;
    const start = before.indexOf(exact);
    const quote = imported(before, exact).quote;
    const now = before.replace(`${exact} `, "");
    expect(anchorAll(now, [{ quote }])).toEqual([null]);
    expect(matchQuote(now, quote, start)).toBeNull();
  });

  it("is not the next entry of a list read right after the deleted entry's prefix, when its prefix and suffix meet", () => {
    const entries = ["Ann Lee", "Dee Fox", "Gus Ito", "Jo Lam"].map((name) => `Credits: these notes were written by ${name} and Bo Chen.`);
    const before = `${prose(60, 18)} Thanks to everyone who helped. ${entries.join(" ")} ${prose(60, 19)}`;
    const exact = entries[1] as string;
    const quote = imported(before, exact).quote;
    const now = before.replace(`${exact} `, "");
    expect(anchorAll(now, [{ quote }])).toEqual([null]);
  });

  it("is not the copy whose prefix alone still reads like its own, when its own prefix and suffix meet elsewhere", () => {
    const paragraph = "Keep the notice in all copies of the work. The software is provided as it is, without any warranty at all.";
    const before = [prose(50, 20), paragraph, prose(50, 21), paragraph, prose(50, 22)].join("\n\n");
    const exact = "The software is provided as it is";
    const start = before.lastIndexOf(exact);
    const { quote } = imported(before, exact, start);
    // The second copy (annotated) loses its words, and nine characters of its
    // prefix are overwritten: its prefix and suffix still meet there, within a
    // seam's tolerance, while only the first copy's prefix reads like its own.
    const prefix = "#".repeat(9) + before.slice(start - 23, start);
    const now = before.slice(0, start - 32) + prefix + before.slice(start + exact.length);
    expect(prefix).not.toBe(quote.prefix);
    expect(anchorAll(now, [{ quote }])).toEqual([null]);
  });

  it("is not the next entry of a list, reworded, between the deleted entry's sides, when those sides meet", () => {
    // The next entry reads like the deleted one with a third of it
    // reworded, and the one after it starts like its suffix: a passage
    // rewritten inside its frame, but for the frame also meeting at the hint.
    const entries = [
      "Ann Lee wrote the notes with Bo Chen and Cy Diaz in spring.",
      "Dee Fox penned these notes alongside Bo Chen and Cy Diaz one winter.",
      "Dee Fox penned these notes along with Ed Gray and Flo Hunt in autumn.",
    ];
    const before = `${prose(60, 12)} Thanks to everyone who helped. ${entries.join(" ")} ${prose(60, 13)}`;
    const exact = entries[0] as string;
    const quote = imported(before, exact).quote;
    const now = before.replace(`${exact} `, "");
    expect(anchorAll(now, [{ quote }])).toEqual([null]);
    expect(matchQuote(now, quote, before.indexOf(exact))).toBeNull();
  });

  it("is not the head of a quoted copy after its prefix when the passage's tail still stands with its suffix elsewhere", () => {
    const paragraph = "Method chaining is also available: add multiple CSS selectors to the list of elements to include in analysis.";
    const licence = "MIT License. Copyright (c) 2024 Example Movement. Permission is hereby granted, free of charge, to any person obtaining a copy.";
    const intro = "The rule reports which frames were untested.";
    // The paragraph is quoted again further on, after much the same sentence.
    const before = [prose(50, 14), intro, `${paragraph} ${licence}`, prose(50, 15), licence, prose(50, 16), intro, `${paragraph} Apache License, version 2.0.`, prose(50, 17)].join("\n\n");
    const exact = `${paragraph.slice("Method chaining is also ".length)} ${licence.slice(0, 70)}`;
    const quote = imported(before, exact).quote;
    // The passage's head and the end of its prefix were cut: its tail stands
    // with its suffix, and its prefix, nearly intact, only before the copy.
    const now = before.replace(`${intro}\n\n${paragraph.slice(0, 70)}`, "");
    const [got] = anchorAll(now, [{ quote }]);
    // Nothing, or what is left of the passage: its tail, just before the licence's start.
    expect(!got || Math.abs(got.start - now.indexOf(licence)) < 60).toBe(true);
  });
});

suite("a passage with a position, when nothing between its landmarks reads like it", () => {
  const sentences = HARBOUR_SENTENCES.filter((_, k) => k !== 5 && k !== 7);
  const text = sentences.join(" ");
  const spans = [0, 2, 3, 5].map((k) => {
    const start = text.indexOf(sentences[k] as string) + 4;
    return { start, end: start + 70 };
  });
  const items = spans.map(({ start, end }) => describeTextRange(text, start, end));

  it("is read right after its prefix, which stands once, a fifth of its quote edited and its suffix rewritten", () => {
    const { start, end } = spans[1] as { start: number; end: number };
    const quote = text.slice(start, end);
    const edited = quote.replace("complained", "grumbled").replace("shifted", "moved");
    const now = `${text.slice(0, start)}${edited} — so the old pilots said, at least, when anyone asked them.${text.slice(end + 40)}`;
    const [, got] = anchorAll(now, items);
    expect(got?.start).toBe(start);
    expect(got && now.slice(got.start, got.end)).toBe(edited);
  });
});
