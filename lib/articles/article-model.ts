/**
 * The article model shared by the seed parsers, the database and the reader.
 *
 * An article is a list of blocks (for rendering) plus one canonical plain
 * text (for anchoring). The canonical text is *derived* from the blocks by
 * `canonicalText()` below, and the reader renders the blocks so that the text
 * content of its article container equals that string character for
 * character: every inline text run is rendered as-is and every separator
 * (BLOCK_SEPARATOR between blocks, LIST_ITEM_SEPARATOR between list items)
 * is rendered as a literal text node between the block elements.
 */

export type Inline =
  | { type: "text"; text: string }
  | { type: "emphasis" | "strong" | "code"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] };

export type Block =
  | { type: "paragraph"; content: Inline[] }
  | { type: "heading"; level: 2 | 3 | 4; content: Inline[] }
  | { type: "blockquote"; blocks: Block[] }
  | { type: "list"; ordered: boolean; items: Inline[][] }
  /** Preformatted code (imported articles): its text exactly, whitespace and all. */
  | { type: "code"; text: string }
  /** An image (imported articles): http(s) only, shown lazily without a referrer; no text of its own. */
  | { type: "image"; src: string; alt: string };

export type ArticleDirection = "ltr" | "rtl";

/** What is known about an article besides its text. */
export interface ArticleMetadata {
  slug: string;
  title: string;
  byline: string | null;
  credit: string | null;
  source: string | null;
  language: string;
  direction: ArticleDirection;
  publishedAt: Date | null;
}

export interface ParsedArticle extends ArticleMetadata {
  blocks: Block[];
}

/** Between two blocks (and between the blocks inside a blockquote). */
export const BLOCK_SEPARATOR = "\n\n";
/** Between two items of one list. */
export const LIST_ITEM_SEPARATOR = "\n";

export function inlineText(content: Inline[]): string {
  return content
    .map((node) => (node.type === "text" ? node.text : inlineText(node.children)))
    .join("");
}

export function blockText(block: Block): string {
  switch (block.type) {
    case "paragraph":
    case "heading":
      return inlineText(block.content);
    case "blockquote":
      return block.blocks.map(blockText).join(BLOCK_SEPARATOR);
    case "list":
      return block.items.map(inlineText).join(LIST_ITEM_SEPARATOR);
    case "code":
      return block.text;
    case "image":
      return "";
  }
}

export function canonicalText(blocks: Block[]): string {
  return blocks.map(blockText).join(BLOCK_SEPARATOR);
}
