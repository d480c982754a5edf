/** A rectangle in page coordinates: it stays put when the page scrolls, so popovers positioned by it do too. */
export interface PageBox {
  top: number;
  left: number;
  right: number;
  bottom: number;
}

export function toPageBox(rect: DOMRectReadOnly): PageBox {
  return {
    top: rect.top + window.scrollY,
    left: rect.left + window.scrollX,
    right: rect.right + window.scrollX,
    bottom: rect.bottom + window.scrollY,
  };
}

/** The union of a range's line boxes, or null for a range that isn't laid out. */
export function rangeBoxes(range: Range): { first: PageBox; last: PageBox; all: PageBox } | null {
  const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 || rect.height > 0);
  const first = rects[0];
  const last = rects[rects.length - 1];
  if (!first || !last) return null;
  const boxes = rects.map(toPageBox);
  return {
    first: toPageBox(first),
    last: toPageBox(last),
    all: {
      top: Math.min(...boxes.map((box) => box.top)),
      left: Math.min(...boxes.map((box) => box.left)),
      right: Math.max(...boxes.map((box) => box.right)),
      bottom: Math.max(...boxes.map((box) => box.bottom)),
    },
  };
}

/**
 * Where floating annotation UI is portalled: the page's <main> landmark (so
 * toolbars and buttons sit inside a landmark), else <body>. Neither is
 * positioned, so `position: absolute` children use page coordinates.
 */
export function overlayContainer(): HTMLElement {
  return document.querySelector("main") ?? document.body;
}
