import { describe as suite, expect, it } from "vitest";
import { mulberry32 } from "./test-support/seeded-random";
import { applyEdits, mapRange, type TextEdit } from "./test-support/text-edits";
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

function apply(text: string, edits: TextEdit[]): { text: string; map: (pos: number) => number } {
  // Edits strictly before a position (or containing it) move it.
  const map = (pos: number) => edits.reduce((p, e) => (e.at + e.del <= pos && e.at < pos ? p + e.ins.length - e.del : p), pos);
  return { text: applyEdits(text, edits).text, map };
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
  edits: () => TextEdit[];
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
      ANNOTATIONS.flatMap((a, i): TextEdit[] => {
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

  it("keeps annotations in their own copy of repeated boilerplate when one copy is edited and passages deleted", () => {
    const copies: number[] = [];
    for (let at = ARTICLE.indexOf(BOILERPLATE); at !== -1; at = ARTICLE.indexOf(BOILERPLATE, at + 1)) copies.push(at);
    const second = copies[1] as number;
    // Edits inside the second copy make the other copies' words the only
    // exact ones; deletions elsewhere shift everything after them.
    const inSecond = [12, 57, 101, 140].map((offset, i): TextEdit => ({ at: second + offset, del: i % 2 ? 0 : 2, ins: i % 2 ? "very " : "" }));
    const deleted = DELETED.filter((i) => {
      const { start, end } = (ANNOTATIONS[i] as AnnotationSelectors).position;
      return end <= second || start >= second + BOILERPLATE.length;
    });
    const gone = deleted.map((i): TextEdit => {
      const { start, end } = (ANNOTATIONS[i] as AnnotationSelectors).position;
      return { at: start, del: end - start, ins: "" };
    });
    const { text, map } = apply(ARTICLE, [...inSecond, ...gone]);
    const results = anchorAll(text, ANNOTATIONS);
    let placed = 0;
    ANNOTATIONS.forEach((a, i) => {
      const got = results[i];
      if (deleted.includes(i)) {
        expect(got, `annotation ${i} was deleted`).toBeNull();
        return;
      }
      if (!got) return;
      placed++;
      // Wherever an edit fell, the passage is where its own text went: in its own copy.
      const start = map(a.position.start);
      expect(got.start < map(a.position.end) && got.end > start, `annotation ${i}: ${a.quote.exact}`).toBe(true);
    });
    expect(placed).toBeGreaterThan(0.9 * (ANNOTATIONS.length - deleted.length));
  });

  it("handles items without a position and empty input", () => {
    const a = ANNOTATIONS[20] as AnnotationSelectors;
    const [placed] = anchorAll("Intro. " + ARTICLE, [{ quote: a.quote }]);
    expect(placed && placed.start).toBe(a.position.start + 7);
    expect(anchorAll(ARTICLE, [])).toEqual([]);
  });
});

suite("anchorAll on repeated licences", () => {
  const MIT =
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation " +
    "files (the Software), to deal in the Software without restriction, including without limitation the rights to use, copy, " +
    "modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software " +
    "is furnished to do so, subject to the following conditions: The above copyright notice and this permission notice shall be " +
    "included in all copies or substantial portions of the Software.";
  const ISC =
    "Permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted, " +
    "provided that the above copyright notice and this permission notice appear in all copies. THE SOFTWARE IS PROVIDED AS IS " +
    "AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS.";
  const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);

  /**
   * Paragraphs and licences in turn, 200 annotations, 20 of their passages
   * deleted and about 5 % of the text edited besides. Returns the new text
   * and where the surviving characters of each passage are now (null: none).
   */
  function revision(seed: number) {
    const rand = mulberry32(seed);
    const word = (): string => WORDS[Math.floor(rand() * WORDS.length)] as string;
    const parts: string[] = [];
    for (let i = 0; i < 16; i++) {
      parts.push(Array.from({ length: 3 }, () => Array.from({ length: 10 + Math.floor(rand() * 10) }, word).join(" ") + ".").join(" "));
      parts.push(i % 3 === 2 ? ISC : MIT);
    }
    const text = parts.join("\n\n");
    const spans: { start: number; end: number }[] = [];
    while (spans.length < 200) {
      let start = Math.floor(rand() * (text.length - 140));
      while (!(isSpace(text[start - 1]) && !isSpace(text[start]))) start++;
      let end = start + 10 + Math.floor(rand() * 120);
      while (end > start && !(isSpace(text[end]) && !isSpace(text[end - 1]))) end--;
      if (end - start >= 10) spans.push({ start, end });
    }
    const taken = new Uint8Array(text.length + 1);
    const edits: TextEdit[] = [];
    for (let deleted = 0; deleted < 20; ) {
      const { start, end } = spans[Math.floor(rand() * spans.length)] as { start: number; end: number };
      if (taken.subarray(Math.max(0, start - 1), end + 1).some((t) => t === 1)) continue;
      taken.fill(1, start, end);
      edits.push({ at: start, del: end - start, ins: "" });
      deleted++;
    }
    for (let changed = 0; changed < 0.05 * text.length; ) {
      const at = Math.floor(rand() * text.length);
      if (isSpace(text[at]) || taken[at] || taken[at + 1] || (at > 0 && taken[at - 1])) continue;
      const kind = rand();
      const edit = kind < 0.4 ? { at, del: 1, ins: "x" } : kind < 0.7 ? { at, del: 0, ins: `${word()} ` } : { at, del: 1, ins: "" };
      taken[at] = 1;
      edits.push(edit);
      changed += Math.max(edit.del, edit.ins.length);
    }
    const edited = applyEdits(text, edits);
    const now = edited.text;
    const expected = spans.map(({ start, end }) => mapRange(edited, start, end));
    return { now, items: spans.map(({ start, end }) => describeTextRange(text, start, end)), expected };
  }

  it("keeps a run of annotations in their own copy of a licence when edits leave the same words unbroken only in a neighbouring copy", () => {
    const rand = mulberry32(5);
    const prose = (words: number): string => Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)] as string).join(" ") + ".";
    const ofl = (font: string): string =>
      `Copyright 2020 The ${font} Project Authors\n\nPREAMBLE\nThe goals of the Open Font License (OFL) are to stimulate worldwide\n` +
      "development of collaborative font projects, to support the font creation\nefforts of academic and linguistic communities, and to provide a free and\n" +
      "open framework in which fonts may be shared and improved in partnership\nwith others.\n\n" +
      "The OFL allows the licensed fonts to be used, studied, modified and\nredistributed freely as long as they are not sold by themselves. The\n" +
      "fonts, including any derivative works, can be bundled, embedded,\nredistributed and/or sold with any software provided that any reserved\n" +
      "names are not used by derivative works.";
    // Long stretches of prose nobody annotated: no landmark near the copies.
    const text = [prose(12), prose(1500), ofl("Inter"), ofl("Noto Serif"), ofl("Source Sans"), prose(1500), prose(12)].join("\n\n");
    const copies = ["Inter", "Noto Serif", "Source Sans"].map((font) => text.indexOf(`The ${font} Project`));
    const [first, second, third] = copies as [number, number, number];
    const quotes = ["to support the font creation", "free and\nopen framework", "they are not sold by themselves", "including any derivative works"];
    const spans = quotes.map((q) => {
      const start = text.indexOf(q, second);
      return { start, end: start + q.length };
    });
    const around = [{ start: 0, end: 40 }, { start: text.length - 40, end: text.length }];
    // The first copy loses those lines, the second (annotated) one gets a
    // typo in each: the words stay unbroken only in the third copy.
    const edits: TextEdit[] = spans.flatMap(({ start, end }) => {
      const inFirst = text.indexOf(text.slice(start, end), first);
      return [
        { at: inFirst, del: end - start, ins: "" },
        { at: Math.floor((start + end) / 2), del: 1, ins: "q" },
      ];
    });
    expect(spans.every(({ start }) => start > second && start < third)).toBe(true);
    const { text: now, map } = apply(text, edits);
    const results = anchorAll(now, [...spans, ...around].map(({ start, end }) => describeTextRange(text, start, end)));
    spans.forEach(({ start, end }, i) => {
      const got = results[i];
      // An orphan is acceptable; the third copy never is.
      if (got) expect(got.start < map(end) && got.end > map(start), `"${quotes[i]}" placed at ${got.start}, third copy at ${map(third)}`).toBe(true);
    });
    // Typos aside, the passages are still there to be found.
    expect(results.slice(0, spans.length).every(Boolean)).toBe(true);
    expect(results.slice(spans.length).map((r) => r?.start)).toEqual(around.map(({ start }) => map(start)));
  });

  it("orphans a passage deleted from a licence at the very start rather than moving it onto the next copy", () => {
    const rand = mulberry32(9);
    const prose = Array.from({ length: 60 }, () => WORDS[Math.floor(rand() * WORDS.length)] as string).join(" ") + ".";
    const text = [MIT, prose, MIT, prose.split(" ").reverse().join(" ")].join("\n\n");
    const exact = "to deal in the Software without restriction";
    const start = text.indexOf(exact);
    const after = text.length - 60;
    const items = [describeTextRange(text, start, start + exact.length), describeTextRange(text, after, after + 40)];
    // Context and all: nothing of it is left there to be a landmark, and
    // nothing before the first copy brackets it but the text's start.
    const { text: now, map } = apply(text, [{ at: start - 40, del: exact.length + 80, ins: "" }]);
    const [gone, later] = anchorAll(now, items);
    expect(gone).toBeNull();
    expect(later?.start).toBe(map(after));
  });

  it("places no annotation in another copy, and none whose passage is gone, over 40 seeded revisions", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { now, items, expected } = revision(seed);
      const results = anchorAll(now, items);
      let placed = 0;
      results.forEach((got, i) => {
        const want = expected[i];
        if (!want) {
          expect(got, `seed ${seed}: annotation ${i} was deleted`).toBeNull();
          return;
        }
        if (!got) return;
        placed++;
        expect(got.start < want.end && got.end > want.start, `seed ${seed}: annotation ${i} "${items[i]?.quote.exact}"`).toBe(true);
      });
      expect(placed, `seed ${seed}`).toBeGreaterThan(0.7 * expected.filter(Boolean).length);
    }
  });
});
