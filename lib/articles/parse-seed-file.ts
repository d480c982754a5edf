import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { ParsedArticle } from "./article-model";
import { SLUG_PATTERN } from "./article-slug";
import { parseMarkdownSeed } from "./parse-markdown-seed";
import { parsePlainSeed } from "./parse-plain-seed";
import { SeedParseError, type SeedSource } from "./seed-parse-error";

/**
 * Entry point for seed articles: one file → one `ParsedArticle`, chosen by
 * extension. Server-only (reads the file system in `loadSeedDirectory`).
 */

const PARSERS: Record<string, (contents: string, source: SeedSource) => ParsedArticle> = {
  ".txt": parsePlainSeed,
  ".md": parseMarkdownSeed,
};

/**
 * @param fileName the file's path as it should appear in error messages
 *   (e.g. `seeds/foo.md`); the slug is its base name without extension.
 */
export function parseSeedFile(fileName: string, contents: string): ParsedArticle {
  const baseName = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = baseName.lastIndexOf(".");
  const extension = dot > 0 ? baseName.slice(dot).toLowerCase() : "";
  const slug = dot > 0 ? baseName.slice(0, dot) : baseName;

  const parse = PARSERS[extension];
  if (parse === undefined) {
    const supported = Object.keys(PARSERS).join(", ");
    const found = extension === "" ? "(none)" : extension;
    throw new SeedParseError(fileName, null, `unsupported seed file type "${found}"; expected one of ${supported}`);
  }
  if (!SLUG_PATTERN.test(slug)) {
    const rule = "lowercase letters and digits separated by single hyphens";
    throw new SeedParseError(fileName, null, `file name "${slug}" is not a valid slug (${rule})`);
  }
  // A BOM would otherwise hide a front matter fence or end up in the title;
  // NFC keeps anchored text stable whatever form the editor saved.
  const text = contents.replace(/^\uFEFF/, "").normalize("NFC");
  return parse(text, { fileName, slug });
}

/**
 * Parse every seed in `dir` (not recursive; dotfiles skipped), sorted by file
 * name so seeding is deterministic. Any malformed file fails the whole load:
 * a half-seeded database is harder to notice than an error.
 */
export async function loadSeedDirectory(dir: string): Promise<ParsedArticle[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const articles: ParsedArticle[] = [];
  const slugs = new Map<string, string>();
  for (const name of names) {
    const fileName = join(dir, name);
    const article = parseSeedFile(fileName, await readFile(fileName, "utf8"));
    const clash = slugs.get(article.slug);
    if (clash !== undefined) {
      throw new SeedParseError(fileName, null, `slug "${article.slug}" is already used by ${clash}`);
    }
    slugs.set(article.slug, fileName);
    articles.push(article);
  }
  return articles;
}
