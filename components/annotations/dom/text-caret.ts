import { caretAt } from "./hit-test";
import type { TextNodeIndex } from "@/lib/anchoring";

/** The blocks that hold the article's text (blockquotes and lists are made of these). */
const TEXT_BLOCKS = "p, h1, h2, h3, h4, h5, h6, li";

export function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 0xa0;
}

/**
 * The DOM point of a caret at a text offset. Right after a letter it stays
 * with that letter; otherwise it goes with what follows, so a caret at the
 * start of a block sits before its first letter, not in the gap between blocks.
 */
function caretPoint(index: TextNodeIndex, offset: number) {
  const afterLetter = offset > 0 && !isSpace(index.text.charCodeAt(offset - 1));
  return index.pointAt(offset, afterLetter ? "end" : "start");
}

export function placeCaret(index: TextNodeIndex, offset: number): void {
  const point = caretPoint(index, offset);
  if (point) document.getSelection()?.collapse(point.node, point.offset);
}

/** The caret's box on screen: zero wide, one line high. */
export function caretRect(index: TextNodeIndex, offset: number): DOMRect | null {
  const point = caretPoint(index, offset);
  if (!point) return null;
  const range = document.createRange();
  range.setStart(point.node, point.offset);
  return range.getClientRects()[0] ?? null;
}

function isOnScreen(rect: DOMRect): boolean {
  return rect.top >= 0 && rect.bottom <= window.innerHeight;
}

/** The offset of the selection's moving end, when the selection is in the article. */
export function selectionFocusOffset(index: TextNodeIndex): number | null {
  const selection = document.getSelection();
  if (!selection?.focusNode) return null;
  return index.offsetOf(selection.focusNode, selection.focusOffset);
}

/** The offset of a bare caret (a collapsed selection) in the article, or null. */
export function caretOffset(index: TextNodeIndex): number | null {
  return document.getSelection()?.isCollapsed ? selectionFocusOffset(index) : null;
}

/**
 * Puts the caret where the reader is looking: before the first letter of the
 * first block that begins on screen or, when a block runs off the top of the
 * screen, at the start of its first line on screen.
 */
function placeCaretOnScreen(index: TextNodeIndex): void {
  const blocks = [...index.root.querySelectorAll(TEXT_BLOCKS)];
  const block = blocks.find((candidate) => candidate.getBoundingClientRect().bottom > 0) ?? blocks.at(-1);
  const start = block ? index.offsetOf(block, 0) : null;
  if (!block || start === null) return;
  const rect = block.getBoundingClientRect();
  if (rect.top >= 0) {
    placeCaret(index, start);
    return;
  }
  const style = getComputedStyle(block);
  const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
  const hit = caretAt(style.direction === "rtl" ? rect.right - 1 : rect.left + 1, Math.min(lineHeight / 2, rect.bottom - 1));
  const onScreen = hit ? index.offsetOf(hit.node, hit.offset) : null;
  placeCaret(index, onScreen ?? start);
  if (onScreen !== null) document.getSelection()?.modify("move", "backward", "lineboundary");
}

/**
 * Makes sure the keys have something on screen to act on. A selected passage
 * stays as it is; otherwise the caret stays, or comes back to `remembered`,
 * if that is on screen, and else starts at the first text on screen.
 */
export function resumeCaret(index: TextNodeIndex, remembered: number | null): void {
  const selection = document.getSelection();
  if (selection && !selection.isCollapsed && selectionFocusOffset(index) !== null) return;
  for (const offset of [caretOffset(index), remembered]) {
    const rect = offset === null ? null : caretRect(index, offset);
    if (offset !== null && rect && isOnScreen(rect)) {
      placeCaret(index, offset);
      return;
    }
  }
  placeCaretOnScreen(index);
}
