import { describe as suite, expect, it } from "vitest";
import { mulberry32 } from "./test-support/seeded-random";
import { anchorAll, describeTextRange } from "./index";
import { HARBOUR_SENTENCES } from "./test-support/sample-texts";

const WORDS = (
  "river harbour council winter storm engineer budget grant village school market bridge " +
  "railway station garden library museum theatre festival season harvest orchard vineyard " +
  "meadow valley mountain forest coast island lighthouse ferry tunnel canal factory workshop"
).split(" ");

/**
 * Twenty paragraphs of seeded pseudo-prose; the fourth and the fifteenth are
 * the same paragraph (a passage quoted twice), so the words annotated in
 * the one are no landmark: they stand in the other too.
 */
function paragraphs(): string[] {
  const rand = mulberry32(11);
  const out = Array.from({ length: 20 }, () =>
    Array.from({ length: 4 }, () => {
      const words = Array.from({ length: 10 + Math.floor(rand() * 6) }, () => WORDS[Math.floor(rand() * WORDS.length)] as string).join(" ");
      return words.charAt(0).toUpperCase() + words.slice(1) + ".";
    }).join(" "),
  );
  out[14] = out[3] as string;
  return out;
}

/** A span of `length` characters from the middle of paragraph `k` of `paras` joined. */
function spanIn(paras: readonly string[], k: number, length = 60): { start: number; end: number } {
  const start = paras.slice(0, k).reduce((n, p) => n + p.length + 2, 0) + 120;
  return { start, end: start + length };
}

suite("anchorAll when passages move around an annotation", () => {
  const paras = paragraphs();
  const text = paras.join("\n\n");
  // Annotated: paragraphs 1, 3 (the twin), 14 (its copy), 5 and a few farther on.
  const annotated = [1, 3, 14, 5, 8, 11, 17, 19].map((k) => spanIn(paras, k));
  const items = annotated.map(({ start, end }) => describeTextRange(text, start, end));
  const quote = items[1]?.quote.exact as string;
  const gone = (p: string): string => p.replace(quote, "");

  it("keeps a passage whose stretch lost a paragraph before it and gained one after it", () => {
    // Paragraph 2 moves to the end, paragraph 16 in after paragraph 4, and the
    // copy in paragraph 14 loses the annotated words.
    const order = [0, 1, 3, 4, 16, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 18, 2, 19];
    const now = order.map((k) => (k === 14 ? gone(paras[k] as string) : (paras[k] as string))).join("\n\n");
    const results = anchorAll(now, items);
    expect(results[1]?.start).toBe(now.indexOf(quote));
    // The copy's own annotation was deleted with its words: not moved onto the twin.
    expect(results[2]).toBeNull();
    expect(results[3]?.start).toBe(now.indexOf(items[3]?.quote.exact as string));
  });

  it("finds a passage moved far away with its surroundings when nothing of it is left where it was", () => {
    const twin = spanIn(paras, 3);
    // The passage with 40 characters either side goes to the end of the text.
    const cut = text.slice(twin.start - 40, twin.end + 40);
    const now = `${text.slice(0, twin.start - 40)}${text.slice(twin.end + 40).replace(quote, "")}\n\n${cut}`;
    const results = anchorAll(now, items);
    expect(results[1]?.start).toBe(now.lastIndexOf(quote));
    expect(results[2]).toBeNull();
  });

  it("orphans a deleted passage whose context it left behind, though a copy stands elsewhere word for word", () => {
    // The annotated words of paragraph 3 are deleted, the copy in paragraph
    // 14 stays: paragraph 3's context meeting over the gap says it is gone.
    const now = paras.map((p, k) => (k === 3 ? gone(p) : p)).join("\n\n");
    const results = anchorAll(now, items);
    expect(results[1]).toBeNull();
    expect(results[2]?.start).toBe(now.indexOf(quote));
  });
});

suite("anchorAll on a passage moved a short way out of the stretch between its neighbours", () => {
  const paras = paragraphs();
  const text = paras.join("\n\n");
  const passage = spanIn(paras, 5);
  // Neighbours close on either side: their words are the landmarks that
  // bracket the passage, and stay where they were.
  const before = { start: passage.start - 150, end: passage.start - 100 };
  // Enough of them after it that the landmarks there outweigh the jump its
  // leaving makes in the text (see keepWorthwhile in landmarks.ts).
  const after = [100, 200, 300].map((d) => ({ start: passage.end + d, end: passage.end + d + 100 }));
  const items = [passage, before, ...after, spanIn(paras, 1), spanIn(paras, 11)].map(({ start, end }) => describeTextRange(text, start, end));

  it("finds it where it went, its own context around it, though that is within the reach of its old place", () => {
    // The passage with 40 characters either side goes two paragraphs on
    // (about 800 characters: within the 2,048 searched around a hint).
    const cut = text.slice(passage.start - 40, passage.end + 40);
    const rest = text.slice(0, passage.start - 40) + text.slice(passage.end + 40);
    const at = rest.indexOf(paras[7] as string) + (paras[7] as string).length;
    const now = `${rest.slice(0, at)} ${cut}${rest.slice(at)}`;
    const quote = items[0]?.quote.exact as string;
    const [got, gotBefore, gotAfter] = anchorAll(now, items);
    expect(got?.start).toBe(now.indexOf(quote));
    expect(gotBefore?.start).toBe(now.indexOf(items[1]?.quote.exact as string));
    expect(gotAfter?.start).toBe(now.indexOf(items[2]?.quote.exact as string));
  });
});

suite("anchorAll on a passage partly cut", () => {
  const paras = paragraphs();
  const text = paras.join("\n\n");
  const annotated = [1, 5, 8, 11, 17].map((k) => spanIn(paras, k, 80));
  const items = annotated.map(({ start, end }) => describeTextRange(text, start, end));

  it("keeps what is left of a passage whose tail a neighbour's deletion took, with a typo in what is left", () => {
    const { start, end } = annotated[1] as { start: number; end: number };
    // A typo early in the quote, and its last 30 characters deleted.
    const typo = start + 4;
    const now = `${text.slice(0, typo)}x${text.slice(typo + 1, end - 30)}${text.slice(end)}`;
    const [, got] = anchorAll(now, items);
    expect(got?.start).toBe(start);
    expect(got && got.end).toBeGreaterThanOrEqual(start + 40);
    expect(got && got.end).toBeLessThanOrEqual(end - 30);
  });

  it("orphans a passage deleted whole, its context meeting", () => {
    const { start, end } = annotated[1] as { start: number; end: number };
    const now = `${text.slice(0, start)}${text.slice(end)}`;
    expect(anchorAll(now, items)[1]).toBeNull();
  });
});

suite("anchorAll on a passage a move split", () => {
  const sentences = HARBOUR_SENTENCES;
  const text = sentences.join(" ");
  const spans = [0, 2, 3, 5, 7].map((k) => {
    const start = text.indexOf(sentences[k] as string) + 4;
    return { start, end: start + 80 };
  });
  const items = spans.map(({ start, end }) => describeTextRange(text, start, end));

  const { start } = spans[2] as { start: number; end: number };
  /** The text after a move took 40 characters before the passage and its first `kept` to the end; where they went. */
  function headMoved(kept: number): { now: string; headAt: number } {
    const moved = text.slice(start - 40, start + kept);
    const now = `${text.slice(0, start - 40)}${text.slice(start + kept)} ${moved}`;
    return { now, headAt: now.lastIndexOf(moved) + 40 };
  }

  it("finds the head a move took far away with its prefix, its tail still where it was", () => {
    // 60 of 80 characters go; the tail stays behind, too short to be found alone.
    const { now, headAt } = headMoved(60);
    expect(anchorAll(now, items)[2]?.start).toBe(headAt);
  });

  it("finds that head though the tail left behind, with its suffix, still reads as much of the quote", () => {
    // 48 go; 32 stay, next to the suffix.
    const { now, headAt } = headMoved(48);
    expect(anchorAll(now, items)[2]?.start).toBe(headAt);
  });

  it("orphans the passage whose head was cut out where it stood, its prefix still before the tail, though a copy of the head stands elsewhere", () => {
    // The head's words go, its prefix stays; a copy of prefix and head stands far off.
    const now = `${text.slice(0, start)}${text.slice(start + 48)} ${text.slice(start - 40, start + 48)}`;
    expect(anchorAll(now, items)[2]).toBeNull();
  });
});

suite("anchorAll on a passage whose stretch moves pulled both ways, one cutting into its prefix", () => {
  const paras = paragraphs();
  const text = paras.join("\n\n");
  const annotated = [1, 5, 6, 7, 11, 17].map((k) => spanIn(paras, k, 80));
  const items = annotated.map(({ start, end }) => describeTextRange(text, start, end));
  const { start, end } = annotated[2] as { start: number; end: number };
  const quote = items[2]?.quote.exact as string;
  // The start of paragraph 6, up to 10 characters before the quote (most of its prefix), goes to the end of the text...
  const paraStart = text.lastIndexOf("\n\n", start) + 2;
  const taken = text.slice(paraStart, start - 10);
  // ...and paragraph 12 comes in 40 characters after it.
  const arrived = paras[12] as string;
  const rest = `${text.slice(0, paraStart)}${text.slice(start - 10, end + 40)} ${arrived}${text.slice(end + 40)}`;
  const revised = `${rest.replace(`\n\n${arrived}\n\n`, "\n\n")}\n\n${taken}`;

  it("keeps the passage, its quote word for word and nowhere else, right where its stretch now puts it", () => {
    const now = revised;
    const results = anchorAll(now, items);
    expect(results[2]?.start).toBe(now.indexOf(quote));
    expect(results[1]?.start).toBe(now.indexOf(items[1]?.quote.exact as string));
  });

  it("orphans it when its words stand elsewhere too, edited", () => {
    const now = `${revised}\n\n${quote.replace(/ [a-z]+ /, " and ")}`;
    expect(anchorAll(now, items)[2]).toBeNull();
  });
});
