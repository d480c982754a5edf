import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { isRenderableNote } from "@/lib/api/note-nesting";

/**
 * A note's Markdown as one line of plain text, for previews that cannot
 * render Markdown (link descriptions, image cards): the words a reader
 * sees, without markup; link text kept, URLs and raw HTML dropped; blocks
 * joined by spaces.
 */
export function notePlainText(markdown: string): string {
  // Too deeply nested to parse safely (lib/api/note-nesting.ts): the source is the text.
  if (!isRenderableNote(markdown)) return markdown.replace(/\s+/g, " ").trim();
  const parts: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "text" || node.type === "inlineCode" || node.type === "code") parts.push(node.value);
    else if (node.type === "break") parts.push(" ");
    else if ("children" in node) {
      for (const child of node.children) visit(child);
      if (node.type !== "root" && !isPhrasing(node)) parts.push(" ");
    }
  };
  visit(fromMarkdown(markdown));
  return parts.join("").replace(/\s+/g, " ").trim();
}

function isPhrasing(node: Nodes): boolean {
  return ["emphasis", "strong", "delete", "link", "linkReference"].includes(node.type);
}
