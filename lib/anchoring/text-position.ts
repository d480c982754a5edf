/**
 * Conversions between DOM Ranges and offsets into a root's text content,
 * for callers that convert once (describe, anchor): each builds the root's
 * TextNodeIndex, the layer the reader keeps and reuses.
 */

import { TextNodeIndex } from "./text-node-index";
import type { TextOffsets } from "./types";

const DOCUMENT_NODE = 9;

/** The index of an element's text, or of a whole document's. */
function indexOf(root: Element | Document): TextNodeIndex {
  return new TextNodeIndex(root.nodeType === DOCUMENT_NODE ? (root as Document).documentElement : (root as Element));
}

/** The concatenation of the root's text nodes (`textContent`, also for a Document). */
export function textContentOf(root: Element | Document): string {
  return indexOf(root).text;
}

/** Text offset of a boundary point, clamped to the root: before it 0, after it the text's end. */
function pointToOffset(index: TextNodeIndex, node: Node, offset: number): number {
  const root = index.root;
  const inside = root.ownerDocument.createRange();
  inside.selectNodeContents(root);
  let position: number;
  try {
    position = inside.comparePoint(node, offset);
  } catch {
    // Another tree entirely (or a doctype): nothing of the root precedes it.
    return 0;
  }
  if (position < 0) return 0;
  if (position > 0) return index.length;
  return index.offsetOf(node, offset) ?? 0;
}

export function rangeToTextOffsets(root: Element | Document, range: Range): TextOffsets {
  const index = indexOf(root);
  const start = pointToOffset(index, range.startContainer, range.startOffset);
  const end = range.collapsed ? start : pointToOffset(index, range.endContainer, range.endOffset);
  return { start, end: Math.max(start, end) };
}

/**
 * A Range over [start, end) of the root's text, offsets clamped. A start on
 * the boundary between two text nodes goes to the beginning of the later
 * one and an end to the finish of the earlier one (see TextNodeIndex).
 */
export function textOffsetsToRange(root: Element | Document, start: number, end: number): Range {
  const index = indexOf(root);
  const s = Math.max(0, Math.min(index.length, Math.floor(start)));
  const e = Math.max(s, Math.min(index.length, Math.floor(end)));
  const range = index.rangeFor(s, e);
  if (range) return range;
  const empty = (root.ownerDocument ?? (root as Document)).createRange();
  empty.setStart(root, 0);
  return empty;
}
