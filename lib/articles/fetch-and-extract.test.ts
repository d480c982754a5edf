import { afterAll, describe, expect, it } from "vitest";
import {
  BLOG_TITLE, ESSAY_TITLE, NEWS_HEADLINE, RTL_TITLE, SCRIPTED_TITLE, WINDOWS_1252_PHRASE, pageUrl, startImportPagesServer,
} from "@/e2e/fixtures/import-pages";
import { ArticleImportError } from "./article-import-error";
import { canonicalText, type Block } from "./article-model";
import { parseBlocks } from "./block-schema";
import { extractDocument } from "./extract-imported-document";
import { fetchArticlePage } from "./fetch-article-page";

const server = await startImportPagesServer();
afterAll(() => server.close());

async function importPage(path: string) {
  const page = await fetchArticlePage(pageUrl(server, path), { allowPrivate: true });
  return extractDocument({ ...page, baseUrl: page.url, fileName: page.url });
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ArticleImportError);
  return (error as ArticleImportError).failure;
}

const allBlocks = (blocks: Block[]): Block[] => blocks.flatMap((b) => (b.type === "blockquote" ? [b, ...allBlocks(b.blocks)] : [b]));

describe("importing real page shapes", () => {
  it("keeps a news article and drops the navigation, ads, comments and tracking pixel around it", async () => {
    const article = await importPage("/news");
    const text = canonicalText(article.blocks);
    expect(article.title).toBe(NEWS_HEADLINE);
    expect(article).toMatchObject({ byline: "Mara Quill", source: "Daily Tide", language: "en", direction: "ltr" });
    expect(article.publishedAt?.toISOString()).toBe("2026-11-30T08:00:00.000Z");
    expect(text).toContain("The harbour bridge reopened on Sunday morning");
    for (const noise of ["Advertisement", "First!", "Great news for commuters", "Privacy", "Sport"]) expect(text).not.toContain(noise);
    expect(JSON.stringify(article.blocks)).not.toContain("tracker.example");
    const emphasis = JSON.stringify(article.blocks);
    expect(emphasis).toContain('{"type":"emphasis","children":[{"type":"text","text":"new deck"}]}');
    expect(emphasis).toContain(`"href":"${server.origin}/reports/bridge.pdf"`);
    expect(parseBlocks(JSON.parse(JSON.stringify(article.blocks)))).toEqual(article.blocks);
  });

  it("keeps a blog post's code block, images with alt text (made absolute), lists and quotes", async () => {
    const article = await importPage("/blog");
    expect(article.title).toBe(BLOG_TITLE);
    const blocks = allBlocks(article.blocks);
    expect(blocks).toContainEqual({ type: "code", text: expect.stringContaining('const [y, m, d] = text.split("-").map(Number);\n  return') });
    expect(blocks).toContainEqual({ type: "image", src: `${server.origin}/images/calendar.png`, alt: "A paper calendar with March circled" });
    expect(blocks).toContainEqual({ type: "image", src: "https://cdn.example/images/small.png", alt: "Thumbnail of a clock" });
    expect(blocks).toContainEqual({ type: "list", ordered: false, items: [[{ type: "text", text: "Check the year" }], [{ type: "text", text: "Check the month" }], [{ type: "text", text: "Months start at zero" }]] });
    expect(blocks.some((b) => b.type === "blockquote")).toBe(true);
    expect(JSON.stringify(article.blocks)).toContain('{"type":"code","children":[{"type":"text","text":"Date"}]}');
  });

  it("keeps a long essay's headings in order", async () => {
    const article = await importPage("/essay");
    expect(article.title).toBe(ESSAY_TITLE);
    const headings = article.blocks.filter((b) => b.type === "heading");
    expect(headings).toHaveLength(12);
    expect(headings[0]).toEqual({ type: "heading", level: 2, content: [{ type: "text", text: "Part 1: the margin" }] });
    expect(headings[1]).toMatchObject({ level: 3 });
  });

  it("reads a right-to-left page as Arabic, right to left", async () => {
    const article = await importPage("/rtl");
    expect(article).toMatchObject({ title: RTL_TITLE, language: "ar", direction: "rtl" });
  });

  it("decodes a windows-1252 page by its <meta charset>", async () => {
    const article = await importPage("/windows-1252");
    expect(canonicalText(article.blocks)).toContain(WINDOWS_1252_PHRASE);
    expect(article.language).toBe("fr");
  });

  it("keeps no script, handler, SVG, iframe, form or javascript:/data: URL of a script-laden page", async () => {
    const article = await importPage("/scripted");
    expect(article.title).toBe(SCRIPTED_TITLE);
    const json = JSON.stringify(article.blocks);
    for (const banned of ["__glossPwned", "javascript", "JaVaScRiPt", "onerror", "onclick", "SVG text", "evil.example", "data:", "password", "Send"]) {
      expect(json).not.toContain(banned);
    }
    expect(canonicalText(article.blocks)).toContain("Click me and me.");
  });

  it("follows up to five redirects and reads a gzipped page", async () => {
    const redirected = await fetchArticlePage(pageUrl(server, "/redirect"), { allowPrivate: true });
    expect(redirected.url).toBe(pageUrl(server, "/essay"));
    expect((await importPage("/gzipped")).title).toBe(ESSAY_TITLE);
    expect(await failure(fetchArticlePage(pageUrl(server, "/redirect-loop"), { allowPrivate: true }))).toBe("unreachable");
  });

  it("refuses too large a page (also when compressed), a non-HTML response, and a page with no article", async () => {
    expect(await failure(fetchArticlePage(pageUrl(server, "/too-large"), { allowPrivate: true }))).toBe("too-large");
    expect(await failure(fetchArticlePage(pageUrl(server, "/zip-bomb"), { allowPrivate: true }))).toBe("too-large");
    expect(await failure(fetchArticlePage(pageUrl(server, "/image.png"), { allowPrivate: true }))).toBe("unsupported-type");
    expect(await failure(importPage("/nav-only"))).toBe("no-article");
    expect(await failure(fetchArticlePage(pageUrl(server, "/missing"), { allowPrivate: true }))).toBe("unreachable");
  });
});

describe("the fetch's address rules", () => {
  it("refuses loopback, private, link-local and metadata addresses unless private ones are allowed", async () => {
    for (const address of [pageUrl(server, "/essay"), "http://localhost:9/", "http://[::1]:9/", "http://[::ffff:127.0.0.1]:9/", "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/", "http://224.0.0.1/"]) {
      expect(await failure(fetchArticlePage(address)), address).toBe("not-allowed");
    }
    expect(await failure(fetchArticlePage("http://169.254.169.254/", { allowPrivate: true }))).toBe("not-allowed");
  });

  it("refuses addresses that are not http(s) or carry credentials", async () => {
    for (const address of ["file:///etc/passwd", "ftp://example.com/", "javascript:alert(1)", "http://user:pass@example.com/", "not a url"]) {
      expect(await failure(fetchArticlePage(address, { allowPrivate: true })), address).toBe("not-allowed");
    }
  });

  it("re-checks every redirect: a public page may not redirect into a private address", async () => {
    // The local server is private: with private addresses refused, even its first hop is refused.
    expect(await failure(fetchArticlePage(pageUrl(server, "/redirect")))).toBe("not-allowed");
  });
});
