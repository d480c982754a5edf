import { describe as suite, expect, it } from "vitest";
import { anchorAll, describeTextRange } from "./index";
import { HARBOUR_SENTENCES, wordProse as prose } from "./test-support/sample-texts";

suite("anchorAll: a passage that went where its neighbours went (placeByNeighbours)", () => {
  const body = [prose(60, 1), ...HARBOUR_SENTENCES.slice(0, 4), prose(60, 2), ...HARBOUR_SENTENCES.slice(4), prose(60, 3)].join("\n\n");
  // The words of the passage stand once more, in other context.
  const words = prose(60, 2).slice(0, 30);
  const text = `${body}\n\nAs the minutes record: ${words} and nothing more was said.`;
  const sentence = HARBOUR_SENTENCES[3];
  const neighbour = { start: text.indexOf(sentence), end: text.indexOf(sentence) + sentence.length };
  // The passage starts right after the neighbour's sentence.
  const start = neighbour.end + 2;
  const items = [describeTextRange(text, start, start + words.length), describeTextRange(text, neighbour.start, neighbour.end)];
  // A move takes the neighbour with 40 characters either side to the end: the
  // passage goes with it, but its suffix is cut after 8 characters.
  const from = neighbour.start - 40;
  const to = neighbour.end + 40;
  const now = `${text.slice(0, from)}${text.slice(to)}\n\n${text.slice(from, to)}`;

  it("finds it where the neighbour's shift puts it, though its words stand elsewhere too and its suffix was cut", () => {
    const [got, other] = anchorAll(now, items);
    expect(other?.start).toBe(now.lastIndexOf(sentence));
    expect(got?.start).toBe(now.lastIndexOf(words));
  });

  it("leaves a passage deleted where its neighbour went an orphan, rather than taking the copy of its words", () => {
    // Farther from the neighbour, clear of its context; a wider move takes both, then the passage's words are deleted.
    const later = neighbour.end + 40;
    const passage = describeTextRange(text, later, later + 30);
    const copy = text.slice(later, later + 30);
    const wide = `${text.slice(0, neighbour.start - 120)}${text.slice(neighbour.end + 120)}\n\n${text.slice(neighbour.start - 120, later)}${text.slice(later + 30, neighbour.end + 120)}`;
    const [got, other] = anchorAll(`${wide}\n\nOnce more: ${copy}, it was said.`, [passage, items[1] as (typeof items)[number]]);
    expect(other).not.toBeNull();
    expect(got).toBeNull();
  });
});
