import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { blockText, canonicalText, type Block } from "./article-model";
import { countWords } from "./article-stats";
import { loadSeedDirectory, parseSeedFile } from "./parse-seed-file";
import { SeedParseError } from "./seed-parse-error";

const SEEDS_DIR = fileURLToPath(new URL("../../seeds", import.meta.url));
const MD = "---\ntitle: A title\n---\n\nBody.\n";
const TXT = "A title\nBody.\n";

describe("parseSeedFile", () => {
  it.each([
    ["seeds/plain-one.txt", TXT, "plain-one"],
    ["seeds/mark-down-2.md", MD, "mark-down-2"],
    ["/abs/path/upper-ext.MD", MD, "upper-ext"],
    ["C:\\seeds\\windows-path.txt", TXT, "windows-path"],
  ])("parses %s with slug %s", (fileName, contents, slug) => {
    const article = parseSeedFile(fileName, contents);
    expect([article.slug, article.title, article.blocks.map(blockText)]).toEqual([slug, "A title", ["Body."]]);
  });

  it("dispatches by extension, not by content", () => {
    // The same Markdown text read as .txt keeps its fence as the title line.
    expect(parseSeedFile("seeds/x.txt", MD).title).toBe("---");
    expect(parseSeedFile("seeds/x.md", MD).title).toBe("A title");
  });

  it.each([
    ["seeds/notes.html", 'seeds/notes.html: unsupported seed file type ".html"; expected one of .txt, .md'],
    ["seeds/README", 'seeds/README: unsupported seed file type "(none)"'],
    ["seeds/.md", 'seeds/.md: unsupported seed file type "(none)"'],
    ["seeds/Capital.md", 'seeds/Capital.md: file name "Capital" is not a valid slug'],
    ["seeds/under_score.md", 'seeds/under_score.md: file name "under_score" is not a valid slug'],
    ["seeds/double--dash.md", "is not a valid slug"],
    ["seeds/-leading.md", "is not a valid slug"],
    ["seeds/trailing-.md", "is not a valid slug"],
    ["seeds/spa ce.md", "is not a valid slug"],
    ["seeds/ünïcode.md", "is not a valid slug"],
  ])("rejects the file name %s", (fileName, message) => {
    expect(() => parseSeedFile(fileName, MD)).toThrowError(SeedParseError);
    expect(() => parseSeedFile(fileName, MD)).toThrowError(message);
  });

  it.each([
    ["empty .md", "seeds/x.md", "", "seeds/x.md: file is empty"],
    ["empty .txt", "seeds/x.txt", "", "seeds/x.txt: file is empty"],
    ["no title (.md)", "seeds/x.md", "---\nsource: X\n---\nBody.", 'seeds/x.md:1: front matter has no "title"'],
    ["no body (.md)", "seeds/x.md", "---\ntitle: T\n---\n", "seeds/x.md: no body paragraphs"],
    ["no body (.txt)", "seeds/x.txt", "Title only\n", "seeds/x.txt: no body paragraphs"],
    ["bad date", "seeds/foo.md", "---\ntitle: T\ndate: 2025-13-01\n---\nBody.", 'seeds/foo.md:3: front matter "date" is not a valid date'],
    ["bad body construct", "seeds/x.md", "---\ntitle: T\n---\n\nBody.\n\n![i](https://e.org/i.png)", "seeds/x.md:7: images are not supported"],
  ])("names file and line for a malformed file: %s", (_name, fileName, contents, message) => {
    expect(() => parseSeedFile(fileName, contents)).toThrowError(message);
  });

  it("strips a byte order mark and normalises to NFC", () => {
    const article = parseSeedFile("seeds/x.md", "\uFEFF---\ntitle: Cafe\u0301\n---\nCafe\u0301 au lait.");
    expect(article.title).toBe("Caf\u00e9");
    expect(canonicalText(article.blocks)).toBe("Caf\u00e9 au lait.");
  });
});

describe("loadSeedDirectory", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "gloss-seeds-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("parses every seed file sorted by file name, skipping dotfiles and folders", async () => {
    await writeFile(join(dir, "b-second.md"), MD);
    await writeFile(join(dir, "a-first.txt"), TXT);
    await writeFile(join(dir, "c-third.md"), MD);
    await writeFile(join(dir, ".DS_Store"), "junk");
    await mkdir(join(dir, "drafts"));
    const articles = await loadSeedDirectory(dir);
    expect(articles.map((article) => article.slug)).toEqual(["a-first", "b-second", "c-third"]);
  });

  it("fails on the first malformed file, naming its path", async () => {
    await writeFile(join(dir, "good.md"), MD);
    await writeFile(join(dir, "bad.md"), "---\ntitle: T\nlanguage: ???\n---\nBody.");
    await expect(loadSeedDirectory(dir)).rejects.toThrowError(`${join(dir, "bad.md")}:3: front matter "language"`);
  });

  it("rejects two files with the same slug", async () => {
    await writeFile(join(dir, "same.md"), MD);
    await writeFile(join(dir, "same.txt"), TXT);
    await expect(loadSeedDirectory(dir)).rejects.toThrowError(`${join(dir, "same.txt")}: slug "same" is already used`);
  });
});

describe("the real seeds in seeds/", async () => {
  const articles = await loadSeedDirectory(SEEDS_DIR);
  const bySlug = new Map(articles.map((article) => [article.slug, article]));

  it("include the three shipped seeds, in file-name order", () => {
    const slugs = articles.map((article) => article.slug);
    expect(slugs).toEqual(
      expect.arrayContaining(["hawashi-margins-of-arabic-manuscripts", "syria-joins-us-led-coalition", "the-reader-in-the-margin"]),
    );
    expect(slugs).toEqual([...slugs].sort());
  });

  const flatten = (blocks: Block[]): Block[] =>
    blocks.flatMap((block) => (block.type === "blockquote" ? [block, ...flatten(block.blocks)] : [block]));

  it.each(articles.map((article) => [article.slug, article] as const))("%s has clean canonical text", (_slug, article) => {
    const text = canonicalText(article.blocks);
    expect(text).not.toContain("\n\n\n");
    expect(text).toBe(text.trim());
    expect(article.title).toBe(article.title.trim());
    for (const block of flatten(article.blocks)) {
      const pieces = block.type === "list" ? block.items.map((item) => blockText({ type: "paragraph", content: item })) : [blockText(block)];
      for (const piece of pieces) {
        expect(piece).not.toBe("");
        expect(piece).toBe(piece.trim());
        if (block.type !== "blockquote") expect(piece).not.toMatch(/\s\s|\n|\t/);
      }
    }
  });

  it("have distinct dates, except the undated .txt seed", () => {
    const dates = ["hawashi-margins-of-arabic-manuscripts", "syria-joins-us-led-coalition", "the-reader-in-the-margin"].map(
      (slug) => bySlug.get(slug)?.publishedAt?.toISOString(),
    );
    expect(dates).toEqual(["2025-10-02T00:00:00.000Z", undefined, "2025-09-14T00:00:00.000Z"]);
  });

  it("credit Gloss for the original articles", () => {
    for (const slug of ["the-reader-in-the-margin", "hawashi-margins-of-arabic-manuscripts"]) {
      expect(bySlug.get(slug)?.source).toBe("Gloss");
      expect(bySlug.get(slug)?.credit).toMatch(/Written for Gloss/);
    }
  });

  it("include a long-form English essay that uses every block type", () => {
    const essay = bySlug.get("the-reader-in-the-margin");
    if (essay === undefined) throw new Error("missing essay");
    const words = countWords(canonicalText(essay.blocks), essay.language);
    expect(words).toBeGreaterThanOrEqual(1800);
    expect(words).toBeLessThanOrEqual(2500);
    expect([essay.language, essay.direction, essay.byline !== null]).toEqual(["en", "ltr", true]);
    const json = JSON.stringify(essay.blocks);
    const headingLevels = new Set(essay.blocks.flatMap((block) => (block.type === "heading" ? [block.level] : [])));
    expect([...headingLevels].sort()).toEqual([2, 3]);
    expect(essay.blocks.some((block) => block.type === "list" && block.ordered)).toBe(true);
    expect(essay.blocks.some((block) => block.type === "list" && !block.ordered)).toBe(true);
    expect(essay.blocks.some((block) => block.type === "blockquote")).toBe(true);
    expect(json).toContain('"type":"emphasis"');
    const hrefs = [...json.matchAll(/"href":"([^"]+)"/g)].map((match) => match[1]);
    expect(hrefs.length).toBeGreaterThanOrEqual(5);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\//);
  });

  it("include an Arabic article that is right-to-left", () => {
    const arabic = bySlug.get("hawashi-margins-of-arabic-manuscripts");
    if (arabic === undefined) throw new Error("missing Arabic article");
    expect([arabic.language, arabic.direction]).toEqual(["ar", "rtl"]);
    const words = countWords(canonicalText(arabic.blocks), "ar");
    expect(words).toBeGreaterThanOrEqual(400);
    expect(words).toBeLessThanOrEqual(700);
    expect(arabic.title).toMatch(/^[\u0600-\u06ff]/);
    expect(arabic.blocks.some((block) => block.type === "heading")).toBe(true);
    expect(arabic.blocks.some((block) => block.type === "list")).toBe(true);
  });
});
