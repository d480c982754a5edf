import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inlineScriptsPolicy } from "@/lib/security/inline-scripts-policy";
import { scriptsAfterFirstPaint, scriptsAfterPaintLoader, withoutScripts } from "./scripts-after-paint";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

// The shape of a page Next renders into its cache: async chunks in the head (one of them preloaded), the bootstrap
// and the inline flight data in the body, and the legacy browsers' polyfills (never fetched by a browser with modules).
const NEXT_PAGE =
  `<!DOCTYPE html><html lang="en"><head><link rel="preload" href="/fonts/body.woff2" as="font" crossorigin="" type="font/woff2"/>` +
  `<link rel="stylesheet" href="/_next/static/chunks/s.css" data-precedence="next"/>` +
  `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/boot.js"/>` +
  `<script src="/_next/static/chunks/react.js" async=""></script><script src="/_next/static/chunks/router.js" async=""></script>` +
  `<title>A page</title><script>theme()</script><script src="/_next/static/chunks/polyfills.js" noModule=""></script></head>` +
  `<body><p>Text</p><script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({})</script>` +
  `<script src="/_next/static/chunks/boot.js" async=""></script><script>self.__next_f.push([1,"x"])</script></body></html>`;

const LOADER = `<script>${scriptsAfterPaintLoader(["/_next/static/chunks/react.js", "/_next/static/chunks/router.js", "/_next/static/chunks/boot.js"])}</script>`;

describe("a cached page's scripts after its first paint", () => {
  it("takes Next's async scripts and their preloads out and puts one loader where the first was, listing them in order", () => {
    expect(scriptsAfterFirstPaint(NEXT_PAGE).html).toBe(
      `<!DOCTYPE html><html lang="en"><head><link rel="preload" href="/fonts/body.woff2" as="font" crossorigin="" type="font/woff2"/>` +
        `<link rel="stylesheet" href="/_next/static/chunks/s.css" data-precedence="next"/>` +
        LOADER +
        `<title>A page</title><script>theme()</script><script src="/_next/static/chunks/polyfills.js" noModule=""></script></head>` +
        `<body><p>Text</p><script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({})</script>` +
        `<script>self.__next_f.push([1,"x"])</script></body></html>`,
    );
  });

  it("leaves a page without Next's async scripts as it is, other scripts and preloads included", () => {
    const page =
      `<html><head><link rel="preload" as="script" href="/_next/static/chunks/later.js"/><script src="/vendor/x.js" async=""></script>` +
      `<script src="/_next/static/chunks/polyfills.js" noModule=""></script><script src="/_next/static/chunks/typed.js" async="" type="module"></script>` +
      `<script>inline()</script></head><body><p>Text</p></body></html>`;
    expect(scriptsAfterFirstPaint(page)).toEqual({ html: page, moved: new Set() });
    expect(scriptsAfterFirstPaint("<p>No scripts</p>").html).toBe("<p>No scripts</p>");
  });

  it("gives the loader the nonce of a page rendered per request, and moves a bootstrap its head only preloads", () => {
    const head =
      `<head><link rel="preload" as="script" fetchPriority="low" href="/_next/boot.js"/>` +
      `<script src="/_next/react.js" async="" nonce="n0nce"></script><title>Note</title>`;
    const { html, moved } = scriptsAfterFirstPaint(head);
    expect(html).toBe(`<head><script nonce="n0nce">${scriptsAfterPaintLoader(["/_next/react.js", "/_next/boot.js"])}</script><title>Note</title>`);
    expect([...moved]).toEqual(["/_next/react.js", "/_next/boot.js"]);
    expect(withoutScripts(`<p>x</p><script src="/_next/boot.js" async="" nonce="n0nce"></script><script src="/_next/other.js" async=""></script>`, moved)).toBe(
      `<p>x</p><script src="/_next/other.js" async=""></script>`,
    );
  });

  it("lists a script named twice once", () => {
    const twice = `<head><script src="/_next/a.js" async=""></script></head><body><script src="/_next/a.js" async=""></script></body>`;
    expect(scriptsAfterFirstPaint(twice).html).toBe(`<head><script>${scriptsAfterPaintLoader(["/_next/a.js"])}</script></head><body></body>`);
  });

  it("is allowed by the page's script policy by its hash, the same for the same page wherever it is rewritten", () => {
    const rewritten = scriptsAfterFirstPaint(NEXT_PAGE).html;
    expect(scriptsAfterFirstPaint(NEXT_PAGE).html).toBe(rewritten);
    const loader = LOADER.slice("<script>".length, -"</script>".length);
    expect(inlineScriptsPolicy(rewritten).split(" ")).toContain(sha256(loader));
    expect(inlineScriptsPolicy(rewritten)).not.toContain("unsafe-inline");
  });

  it("writes the file names into the loader as data, never as markup", () => {
    expect(scriptsAfterPaintLoader(["/_next/</script><script>alert(1)//.js"])).not.toContain("</script>");
  });
});
