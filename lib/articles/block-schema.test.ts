import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseBlocks } from "./block-schema";
import { loadSeedDirectory } from "./parse-seed-file";

const seedsDir = fileURLToPath(new URL("../../seeds", import.meta.url));

describe("parseBlocks", () => {
  it("accepts what the seed parsers produce, after a JSON round trip (as stored)", async () => {
    for (const article of await loadSeedDirectory(seedsDir)) {
      const stored: unknown = JSON.parse(JSON.stringify(article.blocks));
      expect(parseBlocks(stored)).toEqual(article.blocks);
    }
  });

  it("accepts nested inlines, quotes and lists", () => {
    const blocks = [
      { type: "heading", level: 3, content: [{ type: "text", text: "On margins" }] },
      {
        type: "blockquote",
        blocks: [
          {
            type: "paragraph",
            content: [
              { type: "strong", children: [{ type: "emphasis", children: [{ type: "text", text: "Read" }] }] },
              { type: "link", href: "https://example.org/a?b=c", children: [{ type: "code", children: [{ type: "text", text: "x" }] }] },
            ],
          },
        ],
      },
      { type: "list", ordered: true, items: [[{ type: "text", text: "one" }], []] },
    ];
    expect(parseBlocks(blocks)).toEqual(blocks);
  });

  it.each([
    ["not an array", { type: "paragraph", content: [] }],
    ["an unknown block type", [{ type: "table", rows: [] }]],
    ["a level-1 heading (the title is the page's only h1)", [{ type: "heading", level: 1, content: [] }]],
    ["text that is not a string", [{ type: "paragraph", content: [{ type: "text", text: 42 }] }]],
    ["a javascript: link", [{ type: "paragraph", content: [{ type: "link", href: "javascript:alert(1)", children: [] }] }]],
    ["a relative link", [{ type: "paragraph", content: [{ type: "link", href: "/elsewhere", children: [] }] }]],
    ["a list item that is not inline content", [{ type: "list", ordered: false, items: ["loose text"] }]],
    ["a bad node deep in a quote", [{ type: "blockquote", blocks: [{ type: "paragraph", content: [{ type: "video" }] }] }]],
  ])("rejects %s", (_label, json) => {
    expect(() => parseBlocks(json)).toThrow();
  });
});
