// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { articleHtml } from "./article-html";
import { canonicalText, type Block } from "./article-model";

/** The container as a browser builds it from the page's HTML. */
function parsed(blocks: Block[]): HTMLElement {
  const container = document.createElement("div");
  container.innerHTML = articleHtml(blocks);
  return container;
}

const paragraph = (text: string): Block => ({ type: "paragraph", content: [{ type: "text", text }] });

const HOSTILE = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "</p><iframe src=javascript:alert(1)></iframe><p>",
  "&lt;script&gt;alert(1)&lt;/script&gt; & &amp; &#x3C;",
  "<!-- comment --><![CDATA[ x ]]>",
  "</div></article><form action=https://evil.example><input name=x></form>",
];

describe("articleHtml", () => {
  it("keeps the text content equal to the canonical text, separators and all", () => {
    const blocks: Block[] = [
      { type: "heading", level: 2, content: [{ type: "text", text: "A heading" }] },
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Plain, " },
          { type: "emphasis", children: [{ type: "text", text: "slanted " }, { type: "strong", children: [{ type: "text", text: "and bold" }] }] },
          { type: "text", text: ", " },
          { type: "code", children: [{ type: "text", text: "a < b && c" }] },
          { type: "text", text: " and " },
          { type: "link", href: "https://example.com/?a=1&b=2", children: [{ type: "text", text: "a link" }] },
        ],
      },
      { type: "blockquote", blocks: [paragraph("Quoted."), paragraph("Quoted again.")] },
      { type: "list", ordered: true, items: [[{ type: "text", text: "one" }], [{ type: "text", text: "two" }]] },
      { type: "list", ordered: false, items: [[{ type: "text", text: "three" }]] },
      { type: "code", text: "\n  indented\n\tand tabbed <b>\n" },
      { type: "image", src: "https://example.com/a.png", alt: "An image" },
      paragraph("The end."),
    ];
    const container = parsed(blocks);
    expect(container.textContent).toBe(canonicalText(blocks));
    expect([...container.children].map((element) => element.tagName)).toEqual(["H2", "P", "BLOCKQUOTE", "OL", "UL", "PRE", "FIGURE", "P"]);
    expect(container.querySelector("a")!.getAttribute("href")).toBe("https://example.com/?a=1&b=2");
    expect(container.querySelector("a")!.getAttribute("rel")).toBe("noopener");
    const image = container.querySelector("img")!;
    expect([image.getAttribute("loading"), image.getAttribute("referrerpolicy"), image.alt]).toEqual(["lazy", "no-referrer", "An image"]);
  });

  it("leaves hostile text as text: no element, attribute or comment comes out of it", () => {
    for (const text of HOSTILE) {
      const blocks: Block[] = [
        paragraph(text),
        { type: "heading", level: 3, content: [{ type: "emphasis", children: [{ type: "text", text }] }] },
        { type: "list", ordered: false, items: [[{ type: "text", text }]] },
        { type: "code", text },
      ];
      const container = parsed(blocks);
      expect(container.textContent).toBe(canonicalText(blocks));
      expect(container.querySelectorAll("*").length, text).toBe(7); // p, h3, em, ul, li, pre, code
      expect(container.querySelectorAll("script, img, svg, iframe, form, input").length).toBe(0);
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_COMMENT);
      expect(walker.nextNode()).toBeNull();
    }
  });

  it("keeps hostile link targets and image descriptions inside their attribute", () => {
    const hostile = '" onmouseover="alert(1)" data-x="<script>';
    const container = parsed([
      { type: "paragraph", content: [{ type: "link", href: `https://example.com/${hostile}`, children: [{ type: "text", text: "link" }] }] },
      { type: "image", src: `https://example.com/${hostile}`, alt: hostile },
    ]);
    const link = container.querySelector("a")!;
    const image = container.querySelector("img")!;
    expect(link.getAttributeNames()).toEqual(["href", "rel"]);
    expect(link.getAttribute("href")).toBe(`https://example.com/${hostile}`);
    expect(image.getAttributeNames()).toEqual(["src", "alt", "loading", "decoding", "referrerpolicy"]);
    expect(image.getAttribute("alt")).toBe(hostile);
  });
});
