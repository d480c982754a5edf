import { describe, expect, it } from "vitest";
import { scriptsAfterFirstPaint } from "@/lib/cache/scripts-after-paint";
import { ScriptsAfterPaintRewriter } from "./streamed-scripts-after-paint";

// A page as Next streams it per request: a nonce on every script, the bootstrap preloaded in the head and written at
// the end of the body, which may come in a later chunk.
const HEAD =
  `<!DOCTYPE html><html><head><link rel="stylesheet" href="/_next/s.css"/><link rel="preload" as="script" fetchPriority="low" href="/_next/boot.js"/>` +
  `<script src="/_next/react.js" async="" nonce="abc"></script><script src="/_next/router.js" async="" nonce="abc"></script><title>Notebook</title></head>`;
const BODY = `<body><h1>Notebook</h1><p>a &lt; b</p><script nonce="abc">self.__next_f.push([1,"x"])</script>`;
const TAIL = `<script src="/_next/boot.js" async="" nonce="abc"></script></body></html>`;

const rewrittenHead = scriptsAfterFirstPaint(HEAD.slice(0, HEAD.indexOf("</head>"))).html;
const EXPECTED = `${rewrittenHead}</head>${BODY}</body></html>`;

function streamed(chunks: string[]): { sent: string[]; whole: string } {
  const rewriter = new ScriptsAfterPaintRewriter();
  const encoder = new TextEncoder();
  const sent = chunks.map((chunk, i) => rewriter.push(encoder.encode(chunk), i === chunks.length - 1));
  return { sent, whole: sent.join("") };
}

describe("a page streamed per request, its scripts after its first paint", () => {
  it("rewrites the head once it is whole and drops the moved scripts' tags from the body", () => {
    expect(rewrittenHead).toContain(`<script nonce="abc">`);
    expect(rewrittenHead).not.toContain(`src="/_next/react.js"`);
    expect(streamed([HEAD + BODY, TAIL]).whole).toBe(EXPECTED);
  });

  it("gives the same page whatever the chunks' boundaries, inside a tag or a character included", () => {
    const page = HEAD + BODY.replace("a &lt; b", "café حاشية") + TAIL;
    const expected = EXPECTED.replace("a &lt; b", "café حاشية");
    const bytes = new TextEncoder().encode(page);
    for (const size of [1, 7, 64, 333]) {
      const rewriter = new ScriptsAfterPaintRewriter();
      let whole = "";
      for (let at = 0; at < bytes.length; at += size) whole += rewriter.push(bytes.subarray(at, at + size), at + size >= bytes.length);
      expect(whole, `chunks of ${size} bytes`).toBe(expected);
    }
  });

  it("holds nothing back but an unfinished tag, and sends nothing before the head is whole", () => {
    const { sent } = streamed([HEAD.slice(0, 100), HEAD.slice(100) + BODY + "<scr", "ipt>tail()</script></body></html>"]);
    expect(sent[0]).toBe("");
    expect(sent[1]!.endsWith(`self.__next_f.push([1,"x"])</script>`)).toBe(true);
    expect(sent[2]).toBe("<script>tail()</script></body></html>");
  });

  it("passes a page without a head, or with a head past its limit, as it is", () => {
    expect(streamed(["<p>plain</p>", "<p>text</p>"]).whole).toBe("<p>plain</p><p>text</p>");
    const huge = `<head><script src="/_next/react.js" async=""></script>${"<meta>".repeat(12_000)}`;
    expect(streamed([huge, "</head><body></body>"]).whole).toBe(`${huge}</head><body></body>`);
  });
});
