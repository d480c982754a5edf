import type { TextNodeIndex } from "@/lib/anchoring";

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The caret position nearest a viewport point. */
export function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as CaretDocument;
  if (typeof doc.caretPositionFromPoint === "function") {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === "function") {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

function contains(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

/**
 * The character under a viewport point (its offset and box), or null over blank
 * space. Highlights are not elements, so clicks on them are resolved through
 * the caret position at the point; the caret sits between two characters,
 * and whichever of them is actually under the point is the one hit.
 */
export function characterAt(index: TextNodeIndex, x: number, y: number): { offset: number; rect: DOMRect } | null {
  const caret = caretAt(x, y);
  if (!caret) return null;
  const offset = index.offsetOf(caret.node, caret.offset);
  if (offset === null) return null;
  for (const candidate of [offset, offset - 1]) {
    if (candidate < 0 || candidate >= index.length) continue;
    const range = index.rangeFor(candidate, candidate + 1);
    if (!range) continue;
    for (const rect of range.getClientRects()) if (contains(rect, x, y)) return { offset: candidate, rect };
  }
  return null;
}
