import { randomBytes } from "node:crypto";

const MAX_WORDS_LENGTH = 60;

/**
 * A fresh slug for an imported article: the title's Latin letters and digits
 * (accents dropped) and a random suffix, so two readers importing the same
 * title, or a seed added later, never collide. A title with no Latin letters
 * (Arabic, Japanese…) gives `article-…`.
 */
export function importedArticleSlug(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_WORDS_LENGTH)
    .replace(/-+$/, "");
  const suffix = randomBytes(5).toString("hex").slice(0, 8);
  return `${words || "article"}-${suffix}`;
}
