/**
 * A passage whose inside a neighbour's rewrite overwrote, both sides of its
 * context still standing around it where it was: found there (rewrittenInside
 * in cut-passage.ts), by matchQuote with its old position and by anchorAll;
 * while a passage deleted (its context meeting) or replaced outright (text
 * that does not read as the quote between the same context) stays an orphan.
 * And when the rewrite took its head, what is left of it is kept between its
 * landmarks though its start moved (placeBetween reads the shift at its end).
 */

import { describe as suite, expect, it } from "vitest";
import { anchorAll, describeTextRange, matchQuote, type AnnotationSelectors } from "./index";

const BEFORE =
  "The harbour council met in the winter of that year to settle the matter of the bridge. ";
const QUOTE = "Every family in the valley sent one member to the hall with a written account of the floods";
const AFTER =
  ", and the clerk read each aloud before the vote was taken late in the evening. " +
  "Nobody who was there forgot how quiet the room became.";
const TEXT = BEFORE + QUOTE + AFTER;

function annotation(): AnnotationSelectors {
  const start = TEXT.indexOf(QUOTE);
  return describeTextRange(TEXT, start, start + QUOTE.length);
}

/** The text with the quote's inside from `from` to `to` (offsets in the quote) replaced by `by`. */
function overwrite(from: number, to: number, by: string): string {
  return BEFORE + QUOTE.slice(0, from) + by + QUOTE.slice(to) + AFTER;
}

suite("a passage rewritten inside its intact context", () => {
  // 36 of the quote's 92 characters overwritten: more than a quarter (the
  // error budget of a search), less than half.
  const revised = overwrite(28, 64, "a delegate carrying some record of");
  const expected = { start: BEFORE.length, end: revised.length - AFTER.length };

  it("is found where it was by matchQuote with its old position", () => {
    const a = annotation();
    const match = matchQuote(revised, a.quote, a.position.start);
    expect(match && { start: match.start, end: match.end }).toEqual(expected);
    expect(match?.score).toBeLessThan(1);
  });

  it("is found where it was by anchorAll among other annotations", () => {
    const other = describeTextRange(TEXT, TEXT.indexOf("Nobody"), TEXT.indexOf(" forgot"));
    const [match, second] = anchorAll(revised, [annotation(), other]);
    expect(match && { start: match.start, end: match.end }).toEqual(expected);
    expect(second && revised.slice(second.start, second.end)).toBe("Nobody who was there");
  });

  it("is an orphan when it was deleted, its context meeting", () => {
    const a = annotation();
    expect(matchQuote(overwrite(0, QUOTE.length, ""), a.quote, a.position.start)).toBeNull();
  });

  it("is an orphan when other words of about its length replaced it outright", () => {
    const a = annotation();
    const replaced = overwrite(0, QUOTE.length, "Two carpenters had repaired the roof of the old school by the river in the spring");
    expect(matchQuote(replaced, a.quote, a.position.start)).toBeNull();
    expect(anchorAll(replaced, [a])[0]).toBeNull();
  });

  it("keeps what is left of it when the rewrite took its head and the end of its prefix, between landmarks", () => {
    // The last 10 characters before the quote and its first 36 give way to
    // 46 others: the rest of the quote stands where it was, word for word,
    // its suffix intact, though its start moved by the rewrite's length.
    const from = BEFORE.length - 10;
    const to = BEFORE.length + 36;
    const revised = TEXT.slice(0, from) + "a long list of grievances about the old timber" + TEXT.slice(to);
    const first = describeTextRange(TEXT, 0, TEXT.indexOf(" met in"));
    const last = describeTextRange(TEXT, TEXT.indexOf("Nobody"), TEXT.indexOf(" forgot"));
    const [match] = anchorAll(revised, [annotation(), first, last]);
    expect(match && revised.slice(match.start, match.end)).toBe(QUOTE.slice(36));
  });
});
