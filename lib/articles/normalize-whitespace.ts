import { inlineText, type Inline } from "./article-model";

/**
 * Whitespace normalisation shared by every seed format.
 *
 * The reader renders inline text as-is and anchors highlights against
 * `canonicalText(blocks)`. Browsers collapse runs of whitespace when they lay
 * text out, so a selection's text would not match the stored text if a run
 * survived parsing. Hence, at parse time: every run of whitespace inside a
 * block becomes one space, and each block is trimmed.
 *
 * No-break spaces (U+00A0, U+2007, U+202F) are *not* collapsed inside a
 * block: authors use them on purpose ("10 km", "p. 12") and browsers do not
 * collapse them either. They are still trimmed at block edges, where they
 * carry no meaning.
 */
const COLLAPSIBLE_RUN = /[^\S\u00a0\u2007\u202f]+/g;

/** Collapse whitespace runs and trim: for titles, bylines and plain lines. */
export function normalizeWhitespace(text: string): string {
  return text.replace(COLLAPSIBLE_RUN, " ").trim();
}

/**
 * Normalise the inline content of one block. Runs are collapsed *across*
 * node boundaries too (`"a " + *" b"*` → `"a " + *"b"*`), empty text nodes
 * and empty containers are removed, and adjacent text nodes are merged so the
 * tree stays minimal.
 */
export function normalizeInlines(content: Inline[]): Inline[] {
  // True at block start, so leading whitespace is dropped.
  let previousEndsWithSpace = true;

  const walk = (nodes: Inline[]): Inline[] => {
    const out: Inline[] = [];
    for (const node of nodes) {
      if (node.type === "text") {
        let text = node.text.replace(COLLAPSIBLE_RUN, " ");
        if (previousEndsWithSpace && text.startsWith(" ")) text = text.slice(1);
        if (text === "") continue;
        previousEndsWithSpace = text.endsWith(" ");
        appendText(out, text);
      } else {
        const children = walk(node.children);
        const childText = inlineText(children);
        if (childText.trim() !== "") out.push({ ...node, children });
        // A container holding only whitespace (`a* *b`) would be an invisible
        // link or styled space: keep the space as plain text instead.
        else if (childText !== "") appendText(out, childText);
      }
    }
    return out;
  };

  const result = walk(content);
  trimEdge(result, "end");
  trimEdge(result, "start");
  return result;
}

/** Append text to a fresh node list, merging with a preceding text node. */
function appendText(out: Inline[], text: string): void {
  const last = out[out.length - 1];
  if (last?.type === "text") last.text += text;
  else out.push({ type: "text", text });
}

/** Trim the first or last text leaf, removing nodes that become empty. */
function trimEdge(nodes: Inline[], edge: "start" | "end"): void {
  for (;;) {
    const index = edge === "start" ? 0 : nodes.length - 1;
    const node = nodes[index];
    if (node === undefined) return;
    if (node.type === "text") {
      node.text = edge === "start" ? node.text.trimStart() : node.text.trimEnd();
      if (node.text !== "") return;
    } else {
      trimEdge(node.children, edge);
      if (node.children.length > 0) return;
    }
    nodes.splice(index, 1);
  }
}
