import { inlineText, type Block } from "./article-model";

/**
 * Numbers and snippets shown in article lists: word count, reading time and
 * an excerpt. Word boundaries come from `Intl.Segmenter`, not from splitting
 * on spaces, so punctuation is not counted as words and languages whose
 * words are not space-separated are handled by the platform's rules.
 */

/** A typical adult silent-reading speed for prose. */
export const WORDS_PER_MINUTE = 230;

const ELLIPSIS = "…";

/** Punctuation that looks wrong right before an ellipsis ("word,…"). */
const TRAILING_PUNCTUATION = /[\s,;:.\-–—،؛]+$/u;

/**
 * Number of word-like segments (`isWordLike`) in `text`. `language` is a BCP
 * 47 tag; it selects locale-specific rules where the platform has them.
 */
export function countWords(text: string, language: string): number {
  const segmenter = new Intl.Segmenter(language, { granularity: "word" });
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike === true) count += 1;
  return count;
}

/** Whole minutes at WORDS_PER_MINUTE, rounded, never less than 1. */
export function readingMinutes(words: number): number {
  if (!Number.isFinite(words) || words < 0) throw new RangeError(`invalid word count: ${words}`);
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/**
 * Up to `maxChars` characters (ellipsis included) from the article's opening
 * paragraphs, joined by spaces. Headings, lists and quotes are skipped: an
 * excerpt should read as running prose. Cut at the last word boundary that
 * fits, so no word is split; returns "" if there are no paragraphs.
 */
export function excerpt(blocks: Block[], maxChars = 220): string {
  let text = "";
  for (const block of blocks) {
    if (block.type !== "paragraph") continue;
    text = text === "" ? inlineText(block.content) : `${text} ${inlineText(block.content)}`;
    if (text.length > maxChars) break;
  }
  return truncateText(text, maxChars);
}

/**
 * `text` if it fits in `maxChars`, else cut at the last word boundary that
 * leaves room for an ellipsis (or at a grapheme boundary inside a single
 * over-long word), trailing punctuation dropped.
 */
export function truncateText(text: string, maxChars: number): string {
  if (!Number.isInteger(maxChars) || maxChars < 2) throw new RangeError(`invalid maxChars: ${maxChars}`);
  if (text.length <= maxChars) return text;

  const limit = maxChars - ELLIPSIS.length;
  let cut = 0;
  for (const segment of new Intl.Segmenter(undefined, { granularity: "word" }).segment(text)) {
    const end = segment.index + segment.segment.length;
    if (end > limit) break;
    if (segment.isWordLike === true) cut = end;
  }
  if (cut === 0) cut = lastGraphemeBoundary(text, limit); // a single word longer than the limit
  return text.slice(0, cut).replace(TRAILING_PUNCTUATION, "") + ELLIPSIS;
}

/** The largest grapheme boundary ≤ limit, so no surrogate pair or cluster is split. */
function lastGraphemeBoundary(text: string, limit: number): number {
  let boundary = 0;
  for (const { index, segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)) {
    if (index + segment.length > limit) break;
    boundary = index + segment.length;
  }
  return boundary;
}
