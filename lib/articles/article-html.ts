import { BLOCK_SEPARATOR, LIST_ITEM_SEPARATOR, type Block, type Inline } from "./article-model";

/**
 * The article text as HTML, for the reader's text container. Written here
 * rather than rendered by React so that the page emits it as one string:
 * React then hydrates one element instead of every paragraph and emphasis,
 * and the page's flight data carries the text once, as that string.
 *
 * Its text content, read node by node, is exactly `canonicalText(blocks)`
 * (article-model.ts): separators are literal text between block elements and
 * nothing else is written inside. Every text and attribute value is escaped,
 * so an article's text can only ever be text; hrefs and image sources were
 * already limited to http(s) and mailto when the blocks were read
 * (block-schema.ts), and are escaped here all the same.
 */
export function articleHtml(blocks: Block[]): string {
  return joinBlocks(blocks);
}

function joinBlocks(blocks: Block[]): string {
  return blocks.map(blockHtml).join(BLOCK_SEPARATOR);
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case "paragraph":
      return `<p>${inlinesHtml(block.content)}</p>`;
    case "heading":
      return `<h${block.level}>${inlinesHtml(block.content)}</h${block.level}>`;
    case "blockquote":
      return `<blockquote>${joinBlocks(block.blocks)}</blockquote>`;
    case "list": {
      const list = block.ordered ? "ol" : "ul";
      const items = block.items.map((item) => `<li>${inlinesHtml(item)}</li>`).join(LIST_ITEM_SEPARATOR);
      return `<${list}>${items}</${list}>`;
    }
    case "code":
      // Inside <code>, so a leading newline is kept (parsers drop one only right after <pre>).
      return `<pre><code>${escapeText(block.text)}</code></pre>`;
    case "image":
      // Any host an imported article names: loads when near and sends no referrer.
      return `<figure><img src="${escapeAttribute(block.src)}" alt="${escapeAttribute(block.alt)}" loading="lazy" decoding="async" referrerpolicy="no-referrer"></figure>`;
  }
}

function inlinesHtml(content: Inline[]): string {
  return content.map(inlineHtml).join("");
}

function inlineHtml(node: Inline): string {
  switch (node.type) {
    case "text":
      return escapeText(node.text);
    case "emphasis":
      return `<em>${inlinesHtml(node.children)}</em>`;
    case "strong":
      return `<strong>${inlinesHtml(node.children)}</strong>`;
    case "code":
      return `<code>${inlinesHtml(node.children)}</code>`;
    case "link":
      return `<a href="${escapeAttribute(node.href)}" rel="noopener">${inlinesHtml(node.children)}</a>`;
  }
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, "&quot;");
}
