// @vitest-environment jsdom
import { beforeEach, describe as suite, expect, it } from "vitest";
import { anchor, describe, rangeToTextOffsets, textContentOf, textOffsetsToRange } from "./index";

/**
 * An article as the reader renders it: blocks separated by literal "\n\n"
 * text nodes, inline markup nested inside paragraphs.
 */
const ARTICLE_HTML =
  "<p>Alpha <em>beta</em> gamma.</p>\n\n" +
  "<p>Delta <strong>epsilon <em>zeta</em></strong> eta, theta iota.</p>\n\n" +
  "<blockquote><p>Kappa “lambda” mu 😀 nu.</p></blockquote>\n\n" +
  '<p dir="rtl">مرحبا <b>بالعالم</b> الجميل</p>';

const TEXT =
  "Alpha beta gamma.\n\nDelta epsilon zeta eta, theta iota.\n\nKappa “lambda” mu 😀 nu.\n\nمرحبا بالعالم الجميل";

let root: HTMLElement;

beforeEach(() => {
  document.body.innerHTML = `<header id="before">Before root</header><main id="root">${ARTICLE_HTML}</main><footer id="after">After root</footer>`;
  root = document.getElementById("root") as HTMLElement;
});

function textNode(containing: string): Text {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if ((n as Text).data.includes(containing)) return n as Text;
  }
  throw new Error(`fixture: no text node with "${containing}"`);
}

function el(selector: string): Element {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`fixture: no ${selector}`);
  return found;
}

function range(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Range {
  const r = document.createRange();
  r.setStart(startNode, startOffset);
  r.setEnd(endNode, endOffset);
  return r;
}

suite("text content", () => {
  it("is the concatenation of the text nodes, separators included", () => {
    expect(textContentOf(root)).toBe(TEXT);
    expect(textContentOf(document)).toContain(TEXT);
  });
});

suite("describe", () => {
  interface Case {
    name: string;
    make: () => Range;
    start: number;
    end: number;
  }
  const cases: Case[] = [
    {
      name: "inside one text node",
      make: () => range(textNode("Alpha"), 2, textNode("Alpha"), 5),
      start: 2,
      end: 5,
    },
    {
      name: "across nested inline elements",
      make: () => range(textNode("Alpha"), 6, textNode("zeta"), 2),
      start: 6,
      end: TEXT.indexOf("zeta") + 2,
    },
    {
      name: "start and end at element boundaries (container = element, offset = child index)",
      // From before <em> in the first <p> to after <strong> in the second.
      make: () => range(el("p"), 1, el("p:nth-of-type(2)"), 2),
      start: TEXT.indexOf("beta"),
      end: TEXT.indexOf(" eta,"),
    },
    {
      name: "start at the root itself, end after the last child of an element",
      make: () => range(root, 0, el("strong"), 2),
      start: 0,
      end: TEXT.indexOf(" eta,"),
    },
    {
      name: "spanning the block separator",
      // The first text node there is " gamma.", offset 6 is its end.
      make: () => range(textNode("gamma"), 6, textNode("Delta"), 5),
      start: TEXT.indexOf(" gamma.") + 6,
      end: TEXT.indexOf("Delta") + 5,
    },
    {
      name: "starting before the root (clamped to its start)",
      make: () => range(document.getElementById("before") as Element, 0, textNode("Alpha"), 5),
      start: 0,
      end: 5,
    },
    {
      name: "ending after the root (clamped to its end)",
      make: () => range(textNode("الجميل"), 0, document.getElementById("after") as Element, 1),
      start: TEXT.indexOf(" الجميل"),
      end: TEXT.length,
    },
    {
      name: "entirely outside the root",
      make: () => range(document.getElementById("after") as Element, 0, document.getElementById("after") as Element, 1),
      start: TEXT.length,
      end: TEXT.length,
    },
    {
      name: "collapsed",
      make: () => range(textNode("theta"), 3, textNode("theta"), 3),
      // That text node is " eta, theta iota.".
      start: TEXT.indexOf(" eta,") + 3,
      end: TEXT.indexOf(" eta,") + 3,
    },
  ];

  it.each(cases)("$name", ({ make, start, end }) => {
    const r = make();
    const sel = describe(root, r);
    expect(sel.position).toEqual({ type: "TextPositionSelector", start, end });
    expect(sel.quote.type).toBe("TextQuoteSelector");
    expect(sel.quote.exact).toBe(TEXT.slice(start, end));
    expect(sel.quote.prefix).toBe(TEXT.slice(Math.max(0, start - 32), start));
    expect(sel.quote.suffix).toBe(TEXT.slice(end, end + 32));
  });

  it("keeps emoji whole in the context", () => {
    const start = TEXT.indexOf("nu.");
    const sel = describe(root, textOffsetsToRange(root, start, start + 3));
    expect(sel.quote.prefix?.endsWith("😀 ")).toBe(true);
    expect(sel.quote.prefix?.length).toBe(32);
  });
});

suite("textOffsetsToRange / rangeToTextOffsets", () => {
  it("round-trips every pair of offsets on a sample grid", () => {
    for (let start = 0; start <= TEXT.length; start += 3) {
      for (let end = start; end <= TEXT.length; end += 7) {
        const r = textOffsetsToRange(root, start, end);
        expect(r.toString()).toBe(TEXT.slice(start, end));
        expect(rangeToTextOffsets(root, r)).toEqual({ start, end });
      }
    }
  });

  it("puts a boundary between text nodes at the start of the later one and the end of the earlier one", () => {
    const beta = TEXT.indexOf("beta");
    const r = textOffsetsToRange(root, beta, beta + 4);
    expect(r.startContainer).toBe(textNode("beta"));
    expect(r.startOffset).toBe(0);
    expect(r.endContainer).toBe(textNode("beta"));
    expect(r.endOffset).toBe(4);
  });

  it("clamps offsets outside the text", () => {
    const r = textOffsetsToRange(root, -5, TEXT.length + 50);
    expect(rangeToTextOffsets(root, r)).toEqual({ start: 0, end: TEXT.length });
  });
});

suite("anchor", () => {
  it("round-trips describe() for ranges at element boundaries and inside nested elements", () => {
    const ranges = [
      range(el("p"), 1, el("p:nth-of-type(2)"), 2),
      range(textNode("epsilon"), 3, textNode("zeta"), 4),
      range(textNode("Kappa"), 0, textNode(" nu."), 2),
      range(textNode("مرحبا"), 2, textNode("بالعالم"), 3),
    ];
    for (const r of ranges) {
      const sel = describe(root, r);
      const anchored = anchor(root, sel);
      expect(anchored && rangeToTextOffsets(root, anchored)).toEqual({ start: sel.position.start, end: sel.position.end });
      expect(anchored?.toString()).toBe(sel.quote.exact);
    }
  });

  it("follows the text when the article above it changed", () => {
    const sel = describe(root, range(textNode("epsilon"), 0, textNode("zeta"), 4));
    textNode("Alpha").data = "A new opening sentence was added. Alpha ";
    const anchored = anchor(root, sel);
    expect(anchored?.toString()).toBe("epsilon zeta");
    const now = textContentOf(root);
    expect(anchored && rangeToTextOffsets(root, anchored)).toEqual({ start: now.indexOf("epsilon"), end: now.indexOf("epsilon") + 12 });
  });

  it("finds an edited quote and returns null once it is deleted", () => {
    const sel = describe(root, range(textNode("Delta"), 0, textNode(" eta,"), 4));
    expect(sel.quote.exact).toBe("Delta epsilon zeta eta");
    textNode("epsilon").data = "epsilonn ";
    const now = textContentOf(root);
    const edited = anchor(root, sel);
    expect(edited && rangeToTextOffsets(root, edited)).toEqual({ start: now.indexOf("Delta"), end: now.indexOf(" eta,") + 4 });
    el("p:nth-of-type(2)").textContent = "Something else entirely now stands in this paragraph.";
    expect(anchor(root, sel)).toBeNull();
  });

  it("returns null for a collapsed selection", () => {
    const sel = describe(root, range(textNode("theta"), 3, textNode("theta"), 3));
    expect(anchor(root, sel)).toBeNull();
  });
});
