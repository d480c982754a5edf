import { describe as suite, expect, it } from "vitest";
import { describeTextRange } from "./describe";
import { interruptedPassage } from "./interrupted";
import { normalizeText } from "./normalize";
import { prepareQuote } from "./prepare-quote";
import { HARBOUR_SENTENCES, wordProse as prose } from "./test-support/sample-texts";
import type { AnchorMatch, QuoteQuery } from "./types";

const [first, second, third] = HARBOUR_SENTENCES;
const text = [prose(60, 31), first, second, third, prose(60, 32)].join("\n\n");
const exact = (second as string).slice(0, 80);
const start = text.indexOf(exact);
const { quote } = describeTextRange(text, start, start + exact.length);
/** What a move took from elsewhere and dropped into the passage, `at` characters into its quote. */
const dropped = " Ferries ran twice a day until the new bridge opened, and then only on summer weekends.";
const dropAt = (at: number, into = text): string => into.slice(0, start + at) + dropped + into.slice(start + at);

function interrupted(now: string, q: QuoteQuery = quote): AnchorMatch | null {
  const pq = prepareQuote(q);
  if (!pq) throw new Error("empty quote");
  return interruptedPassage(normalizeText(now), pq);
}

suite("a passage a move dropped other words into (interruptedPassage)", () => {
  it("places the larger part when the whole frame reads in order around what was dropped in", () => {
    const now = dropAt(60);
    expect(interrupted(now)).toMatchObject({ start, end: start + 60 });
    // The larger part after it: the tail, up to the suffix.
    const early = dropAt(12);
    const tail = early.indexOf(exact.slice(12));
    expect(interrupted(early)).toMatchObject({ start: tail, end: tail + exact.length - 12 });
  });

  it("takes nothing from a frame that is not interrupted, or whose prefix and suffix stand around the whole quote elsewhere", () => {
    expect(interrupted(text)).toBeNull();
    // Another copy of the passage, whole, after the interrupted one: the prefix's copy and the suffix's copy are no frame.
    const whole = text.slice(start - 40, start + exact.length + 40);
    expect(interrupted(`${dropAt(60)}\n\n${whole}`)).toBeNull();
    expect(interrupted(`${whole}\n\n${dropAt(60)}`)).toBeNull();
  });

  it("refuses when the passage's context meets (it was deleted) or the larger part with its side stands elsewhere", () => {
    const gone = text.slice(0, start) + text.slice(start + exact.length);
    expect(interrupted(`${gone}\n\n${dropAt(60).slice(start - 40, start + exact.length + dropped.length + 40)}`)).toBeNull();
    const copied = `${dropAt(60)}\n\n${text.slice(start - 32, start + 60)} and other words after them.`;
    expect(interrupted(copied)).toBeNull();
  });
});
