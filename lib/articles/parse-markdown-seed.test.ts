import { describe, expect, it } from "vitest";
import type { Block, Inline } from "./article-model";
import { parseMarkdownSeed } from "./parse-markdown-seed";
import { SeedParseError } from "./seed-parse-error";

const FILE = "seeds/test.md";
const parse = (contents: string) => parseMarkdownSeed(contents, { fileName: FILE, slug: "test" });
const withBody = (body: string) => `---\ntitle: Test\n---\n\n${body}\n`;
const blocksOf = (body: string) => parse(withBody(body)).blocks;
/** Content of the single paragraph that `body` parses to. */
const inlinesOf = (body: string): Inline[] => {
  const [block, ...rest] = blocksOf(body);
  expect(rest).toEqual([]);
  if (block?.type !== "paragraph") throw new Error(`expected one paragraph, got ${block?.type}`);
  return block.content;
};
const text = (value: string): Inline => ({ type: "text", text: value });

describe("front matter", () => {
  it("reads every field", () => {
    const article = parse(
      [
        "---",
        'title: "Reading:   a  history"',
        "byline: Ada Reader",
        "source: Gloss",
        "credit: Written for Gloss",
        "date: 2025-09-14",
        "language: he-il",
        "---",
        "",
        "Body.",
      ].join("\n"),
    );
    expect(article).toEqual({
      slug: "test",
      title: "Reading: a history",
      byline: "Ada Reader",
      source: "Gloss",
      credit: "Written for Gloss",
      publishedAt: new Date(Date.UTC(2025, 8, 14)),
      language: "he-IL",
      direction: "rtl",
      blocks: [{ type: "paragraph", content: [text("Body.")] }],
    });
  });

  it("defaults optional fields and treats empty ones as absent", () => {
    const article = parse("---\ntitle: 1984\nbyline:\n---\nBody.");
    expect(article).toMatchObject({
      title: "1984",
      byline: null,
      source: null,
      credit: null,
      publishedAt: null,
      language: "en",
      direction: "ltr",
    });
  });

  it.each([
    ["2025-10-02T09:30:00+02:00", "2025-10-02T07:30:00.000Z"],
    ["2025-10-02T09:30Z", "2025-10-02T09:30:00.000Z"],
    ["2024-02-29", "2024-02-29T00:00:00.000Z"],
  ])("accepts date %s", (date, iso) => {
    expect(parse(`---\ntitle: T\ndate: ${date}\n---\nBody.`).publishedAt?.toISOString()).toBe(iso);
  });

  it("lets an explicit direction override the language's", () => {
    expect(parse("---\ntitle: T\nlanguage: ar\ndirection: ltr\n---\nBody.").direction).toBe("ltr");
    expect(parse("---\ntitle: T\ndirection: rtl\n---\nBody.").direction).toBe("rtl");
  });

  it.each([
    ["no front matter", "# Title\n\nBody.", `${FILE}:1: missing YAML front matter`],
    ["unclosed front matter", "---\ntitle: T\n\nBody.", `${FILE}:1: missing YAML front matter`],
    ["empty front matter", "---\n---\nBody.", `${FILE}:1: front matter is empty`],
    ["a list, not a mapping", "---\n- title\n---\nBody.", `${FILE}:2: front matter must be a YAML mapping`],
    ["no title", "---\nbyline: X\n---\nBody.", `${FILE}:1: front matter has no "title"`],
    ["empty title", "---\ntitle: '  '\n---\nBody.", `${FILE}:1: front matter has no "title"`],
    ["invalid date", "---\ntitle: T\ndate: 2025-02-30\n---\nBody.", `${FILE}:3: front matter "date" is not a valid date`],
    ["date in words", "---\ntitle: T\n\ndate: last Tuesday\n---\nBody.", `${FILE}:4: front matter "date" is not a valid date`],
    ["date-time without offset", "---\ntitle: T\ndate: 2025-02-03T10:00\n---\nBody.", `${FILE}:3: front matter "date"`],
    ["bad language", "---\ntitle: T\nlanguage: english please\n---\nBody.", `${FILE}:3: front matter "language" is not a BCP 47`],
    ["bad direction", "---\ntitle: T\ndirection: up\n---\nBody.", `${FILE}:3: front matter "direction" must be "ltr" or "rtl"`],
    ["unknown key", "---\ntitle: T\nautor: X\n---\nBody.", `${FILE}:3: unknown front matter key "autor"`],
    ["non-text title", "---\ntitle: [a, b]\n---\nBody.", `${FILE}:2: front matter "title" must be plain text`],
    ["duplicate key", "---\ntitle: A\ntitle: B\n---\nBody.", `${FILE}:3: front matter is not valid YAML: Map keys must be unique`],
    ["an unclosed quote", '---\ntitle: "open\n---\nBody.', `${FILE}:2: front matter is not valid YAML: Missing closing "quote`],
    ["an unclosed flow sequence", "---\ntitle: T\nbyline: [x\n---\nBody.", `${FILE}:3: front matter is not valid YAML: Flow sequence`],
  ])("rejects %s", (_name, contents, message) => {
    expect(() => parse(contents)).toThrowError(SeedParseError);
    expect(() => parse(contents)).toThrowError(message);
  });
});

describe("body blocks", () => {
  it("maps every supported block type", () => {
    const body = [
      "Intro *em* **strong** `code` [link](https://example.org/a).",
      "",
      "## Section",
      "",
      "> Quoted paragraph.",
      ">",
      "> > Nested quote.",
      ">",
      "> - in a quote",
      "",
      "- first",
      "- second *item*",
      "",
      "1. one",
      "",
      "   still one",
      "2. two",
      "",
      "### Sub",
      "",
      "Outro.",
    ].join("\n");
    const expected: Block[] = [
      {
        type: "paragraph",
        content: [
          text("Intro "),
          { type: "emphasis", children: [text("em")] },
          text(" "),
          { type: "strong", children: [text("strong")] },
          text(" "),
          { type: "code", children: [text("code")] },
          text(" "),
          { type: "link", href: "https://example.org/a", children: [text("link")] },
          text("."),
        ],
      },
      { type: "heading", level: 2, content: [text("Section")] },
      {
        type: "blockquote",
        blocks: [
          { type: "paragraph", content: [text("Quoted paragraph.")] },
          { type: "blockquote", blocks: [{ type: "paragraph", content: [text("Nested quote.")] }] },
          { type: "list", ordered: false, items: [[text("in a quote")]] },
        ],
      },
      { type: "list", ordered: false, items: [[text("first")], [text("second "), { type: "emphasis", children: [text("item")] }]] },
      { type: "list", ordered: true, items: [[text("one still one")], [text("two")]] },
      { type: "heading", level: 3, content: [text("Sub")] },
      { type: "paragraph", content: [text("Outro.")] },
    ];
    expect(blocksOf(body)).toEqual(expected);
  });

  it.each([
    ["## two", 2],
    ["### three", 3],
    ["#### four", 4],
    ["##### five", 4],
    ["###### six", 4],
    ["Setext two\n---", 2],
  ])("heading %j → level %i", (markdown, level) => {
    const [heading] = blocksOf(`${markdown}\n\nBody.`);
    expect(heading).toMatchObject({ type: "heading", level });
  });

  it.each([
    ["[a](https://example.org)", [{ type: "link", href: "https://example.org/", children: [text("a")] }]],
    ["[a](http://example.org/x?y=1#z)", [{ type: "link", href: "http://example.org/x?y=1#z", children: [text("a")] }]],
    ["[a](mailto:someone@example.org)", [{ type: "link", href: "mailto:someone@example.org", children: [text("a")] }]],
    ["<https://example.org/auto>", [{ type: "link", href: "https://example.org/auto", children: [text("https://example.org/auto")] }]],
    ["[a][ref]\n\n[ref]: https://example.org/ref", [{ type: "link", href: "https://example.org/ref", children: [text("a")] }]],
    ["[*a*](/relative)", [{ type: "emphasis", children: [text("a")] }]],
    ["[a](javascript:alert(1))", [text("a")]],
    ["[a](ftp://example.org/file)", [text("a")]],
    ["[a](data:text/html,hi)", [text("a")]],
    ["[a](//example.org/protocol-relative)", [text("a")]],
    ["[a](#fragment)", [text("a")]],
  ])("link %j", (markdown, expected) => {
    expect(inlinesOf(markdown)).toEqual(expected);
  });

  it.each([
    ["soft line breaks", "one\ntwo\n   three", [text("one two three")]],
    ["hard breaks", "one\\\ntwo  \nthree", [text("one two three")]],
    ["runs around emphasis", "a   *b*   c", [text("a "), { type: "emphasis", children: [text("b")] }, text(" c")]],
    [
      "runs across a link boundary",
      "a   [  b ](https://example.org)   c",
      [text("a "), { type: "link", href: "https://example.org/", children: [text("b ")] }, text("c")],
    ],
    ["tabs and spaces in code", "`a \t  b`", [{ type: "code", children: [text("a b")] }]],
    ["no-break space is kept inside", "10\u00a0km  away", [text("10\u00a0km away")]],
    ["no-break space is trimmed at the edges", "\u00a0edge\u00a0", [text("edge")]],
    ["an inline HTML comment disappears", "a <!-- note --> b", [text("a b")]],
    ["character references decode", "Caf&eacute; &amp; co", [text("Café & co")]],
  ])("normalises whitespace: %s", (_name, markdown, expected) => {
    expect(inlinesOf(markdown)).toEqual(expected);
  });

  it("drops thematic breaks, HTML comments and link definitions", () => {
    const blocks = blocksOf("One.\n\n---\n\n<!-- a note\nfor editors -->\n\n[x]: https://example.org\n\n***\n\nTwo.");
    expect(blocks).toEqual([
      { type: "paragraph", content: [text("One.")] },
      { type: "paragraph", content: [text("Two.")] },
    ]);
  });

  it.each([
    ["a # heading", "Intro.\n\n# Title again", 7, '"#" headings are not allowed'],
    ["a setext # heading", "Intro.\n\nTitle\n=====", 7, '"#" headings are not allowed'],
    ["an image", "Intro.\n\nSee ![alt](https://example.org/a.png).", 7, "images are not supported"],
    ["a reference image", "Intro.\n\n![alt][i]\n\n[i]: https://example.org/a.png", 7, "images are not supported"],
    ["a fenced code block", "Intro.\n\n```js\nx()\n```", 7, "code blocks are not supported"],
    ["an indented code block", "Intro.\n\n    x()", 7, "code blocks are not supported"],
    ["a raw HTML block", "Intro.\n\n<div>hi</div>", 7, "raw HTML is not supported"],
    ["inline raw HTML", "Intro.\n\nSome <b>bold</b>.", 7, "raw HTML is not supported"],
    ["a nested list", "Intro.\n\n- a\n  - b", 8, "nested lists are not supported"],
    ["a quote in a list item", "Intro.\n\n- a\n\n  > b", 9, 'a list item may only contain paragraphs, not "blockquote"'],
    ["an ordered list not starting at 1", "Intro.\n\n3. three\n4. four", 7, "ordered lists must start at 1"],
    ["a table", "Intro.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |", 7, "tables are not supported"],
    ["an empty heading", "Intro.\n\n##", 7, "empty heading"],
    ["an empty list item", "Intro.\n\n- a\n-\n- c", 8, "empty list item"],
  ])("rejects %s with its line", (_name, body, line, detail) => {
    // withBody() puts three front matter lines and a blank line before the body.
    expect(() => blocksOf(body)).toThrowError(`${FILE}:${line}: ${detail}`);
  });

  it("requires at least one body paragraph", () => {
    expect(() => parse("---\ntitle: T\n---\n\n## Only a heading\n\n- and a list")).toThrowError(
      `${FILE}: no body paragraphs after the front matter`,
    );
    expect(() => parse("---\ntitle: T\n---\n")).toThrowError(`${FILE}: no body paragraphs`);
  });

  it("rejects an empty file", () => {
    expect(() => parse(" \n")).toThrowError(`${FILE}: file is empty`);
  });
});
