import { describe as suite, expect, it } from "vitest";
import { anchorAll, describeTextRange, type AnnotationSelectors } from "./index";
import { HARBOUR_SENTENCES, wordProse as prose } from "./test-support/sample-texts";

/**
 * A paragraph quoted twice a few hundred characters apart, the first copy
 * annotated; distinct sentences around them, annotated too, are the
 * landmarks that put the hint on the passage.
 */
suite("anchorAll: the quote word for word right at its hint, its context rewritten, against a copy that kept that context", () => {
  const paragraph = "Minutes of the meeting, item four. The council approved the harbour plan after a long debate. Work starts in spring, said the mayor.";
  const [first, second, third, fourth] = HARBOUR_SENTENCES;
  const base = [prose(40, 21), first, second, paragraph, prose(40, 22), paragraph, third, fourth, prose(40, 23)].join("\n\n");
  const exact = "The council approved the harbour plan";
  const span = (text: string, words: string, from = 0): { start: number; end: number } => {
    const start = text.indexOf(words, from);
    return { start, end: start + words.length };
  };
  const items: AnnotationSelectors[] = [span(base, exact), span(base, first), span(base, second), span(base, third), span(base, fourth)].map(({ start, end }) =>
    describeTextRange(base, start, end),
  );
  // Both sentences either side of the annotated quote rewritten, the copy untouched.
  const rewrite = (text: string, prefix: string, suffix: string): string =>
    text.replace("Minutes of the meeting, item four. ", prefix).replace(" after a long debate. Work starts in spring,", suffix);

  it("takes the quote where the landmarks put its first character", () => {
    // Rewritten sides of the same length: the hint falls on the quote's first character.
    const now = rewrite(base, "Notes from the evening session #4: ", " as votes were in. Digging starts in spring,");
    const [got] = anchorAll(now, items);
    expect(got).toMatchObject({ start: now.indexOf(exact), end: now.indexOf(exact) + exact.length });
  });

  it("leaves it an orphan when the hint is a few characters off it: the copy's context says as much", () => {
    // A prefix two characters longer: the hint falls short of the quote.
    const now = rewrite(base, "Notes of the evening session, no. 4: ", " as votes were in. Digging starts in spring,");
    expect(anchorAll(now, items)[0]).toBeNull();
  });
});
