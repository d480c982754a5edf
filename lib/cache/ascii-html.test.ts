import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { asciiHtml } from "./ascii-html";

const flightScript = (text: string) => `<script>self.__next_f.push([1,${JSON.stringify(text)}])</script>`;

/** Like a real page: mostly markup and ASCII text, with a few characters beyond ASCII. */
const page = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><title>Isn’t it · Gloss</title>` +
  `<meta name="description" content="“Quoted” and cut short…"/></head><body><header class="site-header">Gloss</header>` +
  `${body}<p class="filler">${"Most of a page is markup and plain words. ".repeat(50)}</p></body></html>`;

/** What a browser reads from a page: its text, every attribute, and its scripts (the strings flight scripts push). */
function asRead(html: string) {
  const { document } = new JSDOM(html).window;
  const scripts = [...document.querySelectorAll("script")].map((script) => {
    const pushed = /^self\.__next_f\.push\((\[[\s\S]*\])\)$/.exec(script.textContent)?.[1];
    return pushed === undefined ? script.textContent : (JSON.parse(pushed) as [number, string]);
  });
  for (const script of document.querySelectorAll("script")) script.textContent = "";
  return {
    title: document.title,
    text: document.body.textContent,
    attributes: [...document.querySelectorAll("*")].map((element) => [element.tagName, ...[...element.attributes].map((a) => `${a.name}=${a.value}`)]),
    scripts,
  };
}

const ascii = /^[\x00-\x7f]*$/;

describe("a cached page written in ASCII", () => {
  it("reads the same in text, attributes and flight data, with every character beyond ASCII written as a reference or escape", () => {
    const html = page(
      `<article lang="de" title="Grüße"><p>Straße, naïve café — “quoted” · 😀 ✓</p><img alt="Schloss Schönbrunn" src="/a.png"/></article>` +
        flightScript('29:T1f,<p>Straße, naïve café — “quoted” · 😀 ✓</p>\n2a:["$","p",null,{"title":"Grüße"}]') +
        `<script>(self.__next_f=self.__next_f||[]).push([0])</script>`,
    );
    const written = asciiHtml(html);
    expect(written).toMatch(ascii);
    expect(written).toContain("&#x2019;");
    expect(written).toContain("&#x1f600;");
    expect(written).toContain("\\ud83d\\ude00");
    expect(asRead(written)).toEqual(asRead(html));
    expect(asRead(written).scripts[0]).toEqual([1, expect.stringContaining("😀")]);
  });

  it("leaves an ASCII page as it is", () => {
    const html = page(`<p>Plain text</p>${flightScript("1:x")}`).replace(/[^\x00-\x7f]/g, "'");
    expect(asciiHtml(html)).toBe(html);
  });

  it.each([
    ["another inline script", `<script>document.title = "Grüße"</script>`],
    ["a JSON-LD script", `<script type="application/ld+json">{"name":"Grüße"}</script>`],
    ["a style sheet", `<style>q::before { content: "«" }</style>`],
    ["a comment", `<!-- Grüße -->`],
  ])("leaves a page as it is when a character beyond ASCII is in %s, where a reference would not be read", (_, part) => {
    const html = page(`<p>Grüße</p>${part}${flightScript("1:Grüße")}`);
    expect(asciiHtml(html)).toBe(html);
  });

  it("escapes a flight script's characters only between its quotes, whatever else the page holds around it", () => {
    const html = page(`<p>a ’ b</p>${flightScript('1:"’" and \\"’\\"')}<script async="" src="/_next/static/chunks/a.js"></script>`);
    const written = asciiHtml(html);
    expect(written).toMatch(ascii);
    expect(asRead(written)).toEqual(asRead(html));
  });

  it("leaves a page as it is whose text is mostly beyond ASCII, which references would make several times larger", () => {
    const arabic = "هوامش المخطوطات العربية ".repeat(200);
    const html = page(`<article lang="ar" dir="rtl"><p>${arabic}</p></article>${flightScript(`29:T1,<p>${arabic}</p>`)}`);
    expect(asciiHtml(html)).toBe(html);
  });
});
