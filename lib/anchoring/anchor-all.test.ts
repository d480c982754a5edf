import { describe as suite, expect, it } from "vitest";
import { mulberry32 } from "../../scripts/lib/seeded-random";
import { anchorAll, describeTextRange, matchQuote, type AnnotationSelectors } from "./index";


const WORDS = (
  "river harbour council winter storm engineer budget grant village school market bridge " +
  "railway station garden library museum theatre festival season harvest orchard vineyard " +
  "meadow valley mountain forest coast island lighthouse ferry tunnel canal factory workshop " +
  "printer journal editor reader letter archive record map chart survey report minute decade"
).split(" ");

const BOILERPLATE =
  "The above copyright notice and this permission notice shall be included in all copies or " +
  "substantial portions of the software, without warranty of any kind, express or implied.";

/** Paragraphs of seeded pseudo-prose, with the boilerplate repeated three times among them. */
function makeArticle(): string {
  const rand = mulberry32(7);
  const paragraphs: string[] = [];
  for (let p = 0; p < 36; p++) {
    if (p % 12 === 5) {
      paragraphs.push(BOILERPLATE);
      continue;
    }
    const sentences: string[] = [];
    for (let s = 0; s < 4; s++) {
      const words = Array.from({ length: 8 + Math.floor(rand() * 8) }, () => WORDS[Math.floor(rand() * WORDS.length)] as string);
      const sentence = words.join(" ");
      sentences.push(sentence.charAt(0).toUpperCase() + sentence.slice(1) + ".");
    }
    paragraphs.push(sentences.join(" "));
  }
  return paragraphs.join("\n\n");
}

interface Edit {
  at: number;
  del: number;
  ins: string;
}

function apply(text: string, edits: Edit[]): { text: string; map: (pos: number) => number } {
  const sorted = [...edits].sort((a, b) => b.at - a.at);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.at) + e.ins + out.slice(e.at + e.del);
  // Edits strictly before a position (or containing it) move it.
  const map = (pos: number) => edits.reduce((p, e) => (e.at + e.del <= pos && e.at < pos ? p + e.ins.length - e.del : p), pos);
  return { text: out, map };
}

const ARTICLE = makeArticle();

/** Non-overlapping annotations on word boundaries, 12–150 characters, 30+ characters apart. */
function makeAnnotations(): AnnotationSelectors[] {
  const rand = mulberry32(11);
  const out: AnnotationSelectors[] = [];
  let pos = 0;
  while (out.length < 120) {
    pos += 30 + Math.floor(rand() * 40);
    while (pos < ARTICLE.length && ARTICLE[pos - 1] !== " ") pos++;
    let end = pos + 12 + Math.floor(rand() * 138);
    while (end < ARTICLE.length && ARTICLE[end] !== " ") end++;
    if (end >= ARTICLE.length - 40) break;
    out.push(describeTextRange(ARTICLE, pos, end));
    pos = end;
  }
  return out;
}

const ANNOTATIONS = makeAnnotations();
/** About one in ten annotations, spread over the article. */
const DELETED = ANNOTATIONS.map((_, i) => i).filter((i) => i % 10 === 4);

/** Where the middle of annotation `i` is (edits there stay away from its ends). */
const middle = (i: number): number => {
  const { start, end } = (ANNOTATIONS[i] as AnnotationSelectors).position;
  return Math.floor((start + end) / 2);
};

interface Case {
  name: string;
  edits: () => Edit[];
  /** Annotations whose passage is gone. */
  deleted?: number[];
}

const cases: Case[] = [
  { name: "unchanged", edits: () => [] },
  {
    name: "preface added and a paragraph inserted in the middle",
    edits: () => [
      { at: 0, del: 0, ins: "Editor's note: this article was updated with new figures.\n\n".repeat(8) },
      { at: (ANNOTATIONS[60] as AnnotationSelectors).position.start - 1, del: 0, ins: " An entirely new sentence was inserted here by the editors, and then another one." },
    ],
  },
  {
    name: "typos and inserted or deleted words inside a third of the quotes",
    edits: () =>
      ANNOTATIONS.flatMap((a, i): Edit[] => {
        // Five edited characters in a quote of 40 or more stay well within the error budget.
        if (i % 3 !== 0 || a.quote.exact.length < 40) return [];
        const at = middle(i);
        if (i % 9 === 0) return [{ at, del: 1, ins: "x" }];
        if (i % 9 === 3) return [{ at, del: 0, ins: "very " }];
        return [{ at, del: 2, ins: "" }];
      }).concat([{ at: 0, del: 0, ins: "Shifted. " }]),
  },
  {
    name: "ten passages deleted outright, the rest shifted",
    edits: () => [
      { at: 0, del: 0, ins: "A new introduction. ".repeat(20) },
      ...DELETED.map((i) => {
        const { start, end } = (ANNOTATIONS[i] as AnnotationSelectors).position;
        return { at: start, del: end - start, ins: "" };
      }),
    ],
    deleted: DELETED,
  },
];

suite("anchorAll", () => {
  it("fixture: boilerplate repeats and annotations fall inside it", () => {
    expect(ARTICLE.split(BOILERPLATE).length).toBe(4);
    expect(ANNOTATIONS.length).toBeGreaterThan(80);
    expect(DELETED.length).toBeGreaterThan(7);
    const inBoilerplate = ANNOTATIONS.filter((a) => BOILERPLATE.includes(a.quote.exact) && a.quote.exact.length > 20);
    expect(inBoilerplate.length).toBeGreaterThanOrEqual(2);
  });

  it.each(cases)("$name", ({ edits, deleted = [] }) => {
    const { text, map } = apply(ARTICLE, edits());
    const results = anchorAll(text, ANNOTATIONS);
    ANNOTATIONS.forEach((a, i) => {
      const got = results[i];
      if (deleted.includes(i)) {
        expect(got, `annotation ${i} was deleted`).toBeNull();
        return;
      }
      expect(got && { start: got.start, end: got.end }, `annotation ${i}: ${a.quote.exact}`).toEqual({
        start: map(a.position.start),
        end: map(a.position.end),
      });
    });
  });

  it("scores unchanged annotations 1", () => {
    const results = anchorAll(ARTICLE, ANNOTATIONS);
    expect(results.every((r) => r?.score === 1)).toBe(true);
  });

  it("does not move an edited boilerplate passage onto another copy", () => {
    const copies: number[] = [];
    for (let at = ARTICLE.indexOf(BOILERPLATE); at !== -1; at = ARTICLE.indexOf(BOILERPLATE, at + 1)) copies.push(at);
    const second = copies[1] as number;
    const exact = "permission notice shall be included in all copies";
    const start = second + BOILERPLATE.indexOf(exact);
    const item = describeTextRange(ARTICLE, start, start + exact.length);
    const typo = start + 10;
    const edited = apply(ARTICLE, [
      { at: 0, del: 0, ins: "Preface. ".repeat(30) },
      { at: typo, del: 1, ins: "" },
    ]);
    const [placed] = anchorAll(edited.text, [...ANNOTATIONS, item]).slice(-1);
    expect(placed && { start: placed.start, end: placed.end }).toEqual({ start: edited.map(start), end: edited.map(start + exact.length) });
    // Deleted from its copy: an orphan, not the identical words in the others.
    const gone = apply(ARTICLE, [{ at: start, del: exact.length, ins: "" }]);
    expect(anchorAll(gone.text, [...ANNOTATIONS, item]).slice(-1)[0]).toBeNull();
    expect(matchQuote(gone.text, item.quote, start)).toBeNull();
  });

  it("orphans a deleted passage, context and all, rather than moving it onto a similar sentence nearby", () => {
    const twins =
      "Runs the survey over every provided map sequentially. Stores output in the result array, on the matching positions of the chart.\n\n" +
      "Runs the survey over every provided map in parallel. Stores output in the result array, on the matching positions of the chart.\n\n";
    const at = (ANNOTATIONS[60] as AnnotationSelectors).position.start;
    const base = apply(ARTICLE, [{ at, del: 0, ins: twins }]);
    const items = ANNOTATIONS.map((a) => describeTextRange(base.text, base.map(a.position.start), base.map(a.position.end)));
    const exact = "output in the result array, on";
    const start = base.text.indexOf(`in parallel. Stores ${exact}`) + "in parallel. Stores ".length;
    const item = describeTextRange(base.text, start, start + exact.length);
    // The edit took the sentence's start with it: only the suffix is left to compare.
    const cut = base.text.lastIndexOf("Runs", start);
    const gone = apply(base.text, [{ at: cut, del: start + exact.length - cut, ins: "" }]);
    expect(anchorAll(gone.text, [...items, item]).slice(-1)[0]).toBeNull();
  });

  it("handles items without a position and empty input", () => {
    const a = ANNOTATIONS[20] as AnnotationSelectors;
    const [placed] = anchorAll("Intro. " + ARTICLE, [{ quote: a.quote }]);
    expect(placed && placed.start).toBe(a.position.start + 7);
    expect(anchorAll(ARTICLE, [])).toEqual([]);
  });
});
