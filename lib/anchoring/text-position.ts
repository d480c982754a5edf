/**
 * Conversions between DOM Ranges and offsets into a root's text content (the
 * concatenation of its text nodes in document order, i.e. `textContent`).
 * The DOM is always reached through `root.ownerDocument` so the same code runs
 * in the browser and under jsdom.
 */

import type { TextOffsets } from "./types";

// NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION, spelled out because
// the NodeFilter global does not exist outside a browser-like environment.
const SHOW_TEXT_NODES = 0x4 | 0x8;

function documentOf(root: Node): Document {
  const doc = root.ownerDocument ?? (root as Document);
  if (typeof doc.createRange !== "function") throw new TypeError("anchoring: root is not attached to a document");
  return doc;
}

export function textNodesOf(root: Node): Text[] {
  if (root.nodeType === 3 || root.nodeType === 4) return [root as Text];
  const walker = documentOf(root).createTreeWalker(root, SHOW_TEXT_NODES);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Same as `root.textContent`, but also defined for a Document root. */
export function textContentOf(root: Node): string {
  return textNodesOf(root)
    .map((t) => t.data)
    .join("");
}

/**
 * Text offset of a boundary point, clamped to the root: points before the
 * root map to 0, points after it to the end of its text.
 */
function pointToOffset(root: Node, node: Node, offset: number, total: number): number {
  const doc = documentOf(root);
  const inside = doc.createRange();
  inside.selectNodeContents(root);
  let position: number;
  try {
    position = inside.comparePoint(node, offset);
  } catch {
    // Another tree entirely (or a doctype): nothing of the root precedes it.
    return 0;
  }
  if (position < 0) return 0;
  if (position > 0) return total;
  // Range#toString is exactly the text-node data between the two points,
  // which handles element containers (offset = child index) uniformly.
  const before = doc.createRange();
  before.setStart(root, 0);
  before.setEnd(node, offset);
  return before.toString().length;
}

export function rangeToTextOffsets(root: Node, range: Range): TextOffsets {
  const total = textContentOf(root).length;
  const start = pointToOffset(root, range.startContainer, range.startOffset, total);
  const end = range.collapsed ? start : pointToOffset(root, range.endContainer, range.endOffset, total);
  return { start, end: Math.max(start, end) };
}

/**
 * A Range over [start, end) of the root's text. Offsets are clamped. A start
 * on the boundary between two text nodes goes to the beginning of the later
 * one and an end to the finish of the earlier one, so the range does not reach
 * into nodes it has no text of (which would make highlights spill over).
 */
export function textOffsetsToRange(root: Node, start: number, end: number): Range {
  const doc = documentOf(root);
  const range = doc.createRange();
  const nodes = textNodesOf(root);
  let total = 0;
  for (const n of nodes) total += n.data.length;
  const s = Math.max(0, Math.min(total, Math.floor(start)));
  const e = Math.max(s, Math.min(total, Math.floor(end)));
  if (nodes.length === 0) {
    range.setStart(root, 0);
    return range;
  }
  let startSet = false;
  let acc = 0;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Text;
    const len = node.data.length;
    const last = i === nodes.length - 1;
    if (!startSet && (s < acc + len || (last && s <= acc + len))) {
      range.setStart(node, s - acc);
      startSet = true;
      if (e === s) {
        range.collapse(true);
        return range;
      }
    }
    if (startSet && (e <= acc + len || last)) {
      range.setEnd(node, Math.min(len, e - acc));
      return range;
    }
    acc += len;
  }
  return range;
}
