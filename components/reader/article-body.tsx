import type { Block } from "@/lib/articles/article-model";
import { articleHtml } from "@/lib/articles/article-html";

/**
 * The article text. The text content of the `data-article-text` container,
 * read node by node, is exactly `canonicalText(blocks)`: the annotation
 * layer maps DOM ranges to canonical offsets through it. It is written as one
 * escaped HTML string (lib/articles/article-html.ts), so React hydrates this
 * one element, never the paragraphs inside, and the page's flight data holds
 * the text once; the annotation layer's marks inside are never touched by
 * React. Once the annotation layer has loaded, it makes the container a Tab
 * stop for selecting with the keyboard
 * (components/annotations/dom/use-keyboard-selection.ts).
 */
export function ArticleBody({ blocks }: { blocks: Block[] }) {
  return <div data-article-text="" className="article-text" dangerouslySetInnerHTML={{ __html: articleHtml(blocks) }} />;
}
