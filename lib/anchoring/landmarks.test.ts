import { describe as suite, expect, it } from "vitest";
import { mulberry32 } from "./test-support/seeded-random";
import { applyEdits, type TextEdit } from "./test-support/text-edits";
import { describeTextRange } from "./describe";
import { findLandmarks, type Fragment, type Landmark } from "./landmarks";
import { foldWithOffsets, normalizeText } from "./normalize";

const WORDS = (
  "river harbour council winter storm engineer budget grant village school market bridge railway station garden " +
  "library museum theatre festival season harvest orchard vineyard meadow valley mountain forest coast island"
).split(" ");

function paragraph(rand: () => number): string {
  const words = Array.from({ length: 40 + Math.floor(rand() * 30) }, () => WORDS[Math.floor(rand() * WORDS.length)] as string);
  return words.join(" ") + ".";
}

const LICENSE =
  "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated " +
  "documentation files, to deal in the Software without restriction, including without limitation the rights to use, " +
  "copy, modify, merge, publish, distribute, sublicense, and sell copies of the Software.";

/** Applies edits (old offsets) and maps each old offset to its new one, or -1 where the text was removed. */
function apply(text: string, edits: TextEdit[]): { text: string; newAt: (old: number) => number } {
  const edited = applyEdits(text, edits);
  return { text: edited.text, newAt: (old) => edited.newPos[old] ?? -1 };
}

/** Fragments of every `step`-th stretch of `length` characters, as annotations would carry them. */
function fragmentsOf(text: string, step: number, length: number): Fragment[] {
  const out: Fragment[] = [];
  for (let start = 40; start + length < text.length - 40; start += step) {
    const { quote } = describeTextRange(text, start, start + length);
    const prefix = quote.prefix ?? "";
    out.push({ old: start - prefix.length, text: foldWithOffsets(prefix + quote.exact + (quote.suffix ?? "")) });
  }
  return out;
}

/** Landmarks that do not point where their old text went (or point into text that was removed). */
function misplaced(landmarks: Landmark[], newAt: (old: number) => number): Landmark[] {
  return landmarks.filter((l) => {
    const want = newAt(l.old);
    return want !== -1 && Math.abs(want - l.source) > 2;
  });
}

suite("findLandmarks", () => {
  const rand = mulberry32(5);
  const paragraphs = Array.from({ length: 24 }, () => paragraph(rand));

  it("places the old text of edited prose where it went", () => {
    const old = paragraphs.join("\n\n");
    const edits: TextEdit[] = [{ at: 0, del: 0, ins: "A preface was added. ".repeat(10) }];
    for (let at = 150; at < old.length - 10; at += 170) edits.push(at % 3 === 0 ? { at, del: 6, ins: "" } : { at, del: 0, ins: "new " });
    const { text, newAt } = apply(old, edits);
    const landmarks = findLandmarks(normalizeText(text), fragmentsOf(old, 90, 60));
    expect(landmarks.length).toBeGreaterThan(500);
    expect(misplaced(landmarks, newAt)).toEqual([]);
  });

  it("does not send an edited copy of repeated text to an earlier copy nobody annotated", () => {
    // Edits in the second copy make the first copy's words unique there;
    // only the second copy and the paragraphs around both are annotated.
    const parts = [paragraphs[0], LICENSE, paragraphs[1], LICENSE, paragraphs[2]] as string[];
    const old = parts.join("\n\n");
    const first = old.indexOf(LICENSE);
    const second = old.indexOf(LICENSE, first + 1);
    const edits: TextEdit[] = [20, 70, 110, 160, 200, 250].map((offset, i) => ({ at: second + offset, del: i % 2 ? 0 : 4, ins: i % 2 ? "quite " : "" }));
    const { text, newAt } = apply(old, edits);
    const annotated = fragmentsOf(old, 45, 40).filter((f) => f.old < first - 80 || f.old > second - 40);
    const landmarks = findLandmarks(normalizeText(text), annotated);
    expect(misplaced(landmarks, newAt)).toEqual([]);
    expect(landmarks.filter((l) => l.source >= newAt(first) && l.source < newAt(first) + LICENSE.length)).toEqual([]);
  });

  it("keeps a deleted paragraph's words from pulling landmarks onto a look-alike nobody annotated", () => {
    const lookAlike = `${paragraphs[4] as string} Also see the appendix.`;
    const parts = [paragraphs[5], paragraphs[4], paragraphs[6], lookAlike, paragraphs[7]] as string[];
    const old = parts.join("\n\n");
    const deletedAt = old.indexOf(paragraphs[4] as string);
    const deletedLength = (paragraphs[4] as string).length;
    const between = old.indexOf(paragraphs[6] as string);
    const annotated = fragmentsOf(old, 60, 40).filter((f) => f.old < between - 100 || f.old > old.indexOf(paragraphs[7] as string));
    const { text, newAt } = apply(old, [{ at: deletedAt, del: deletedLength + 2, ins: "" }]);
    const landmarks = findLandmarks(normalizeText(text), annotated);
    expect(misplaced(landmarks, newAt)).toEqual([]);
    expect(landmarks.filter((l) => l.old >= deletedAt && l.old < deletedAt + deletedLength)).toEqual([]);
  });
});
